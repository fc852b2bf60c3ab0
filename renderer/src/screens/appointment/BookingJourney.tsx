import { useMachine } from '@xstate/react';
import { useMemo } from 'react';
import { apiPart } from '../../api/api-part';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useClientRememberingPhones } from '../../shell/visit-memory';
import { Loading } from '../../states/Loading';
import { SignIn } from '../signin/SignIn';
import { AppointmentScreen } from './AppointmentScreen';
import { bookingMachine, bookingMethods } from './booking-machine';
import { BookedStep } from './steps/BookedStep';
import { ConfirmStep } from './steps/ConfirmStep';
import { DayStep } from './steps/DayStep';
import { MatterStep } from './steps/MatterStep';
import { PhonePad } from './steps/PhonePad';
import { PointStep } from './steps/PointStep';
import { ProblemNotice } from './steps/ProblemNotice';
import { SlotStep } from './steps/SlotStep';
import { useJourneyEnd } from './use-journey-end';
import { usePointName } from './use-point-name';

/** 预约办事; see booking-machine.ts for the steps. */
export function BookingJourney({
  matterCode,
  servicePointId,
  onExit,
}: {
  matterCode: string | null;
  servicePointId: string | null;
  onExit: () => void;
}) {
  // A phone sent here is offered again by the next journey of this visit.
  const client = useClientRememberingPhones();
  const api = useMemo(() => apiPart(client, bookingMethods), [client]);
  const { station } = useKioskInfo();
  const [snapshot, send] = useMachine(bookingMachine, {
    input: { api, matterCode, servicePointId, location: station.location },
  });
  const context = snapshot.context;
  useJourneyEnd(snapshot.status === 'done', context.booked !== null, onExit);
  const pointName = usePointName(context.choices.points);
  const matterName = context.choices.matters.find((m) => m.code === context.matterCode)?.name ?? context.matterCode;
  const is = (state: typeof snapshot.value) => snapshot.matches(state);

  return (
    <AppointmentScreen mode="book" step={String(snapshot.value)}>
      {(is('loadingChoices') || is('loadingDays') || is('loadingSlots') || is('afterChoices')) && (
        <Loading message="loading" />
      )}
      {is('problem') && <ProblemNotice problem={context.problem} onRetry={() => send({ type: 'RETRY' })} />}
      {is('choosingMatter') && (
        <MatterStep
          matters={context.choices.matters}
          onChoose={(code) => send({ type: 'CHOOSE_MATTER', matterCode: code })}
        />
      )}
      {is('choosingPoint') && (
        <PointStep
          points={context.choices.points}
          onChoose={(id) => send({ type: 'CHOOSE_POINT', servicePointId: id })}
        />
      )}
      {is('choosingDay') && (
        <DayStep
          pointName={pointName(context.servicePointId)}
          days={context.days}
          onChoose={(date) => send({ type: 'CHOOSE_DAY', date })}
        />
      )}
      {is('choosingSlot') && (
        <SlotStep
          date={context.date}
          slots={context.slots}
          slotTaken={context.problem === 'slotFull'}
          onChoose={(slotId) => send({ type: 'CHOOSE_SLOT', slotId })}
          onOtherDay={() => send({ type: 'OTHER_DAY' })}
        />
      )}
      {is('signingIn') && (
        <SignIn
          purpose="appointment"
          allowAgent
          onSignedIn={() => send({ type: 'SIGNED_IN' })}
          onCancel={() => send({ type: 'SIGN_IN_CANCELLED' })}
        />
      )}
      {is('enteringPhone') && (
        <PhonePad initial={context.phone ?? ''} onDone={(phone) => send({ type: 'PHONE', phone })} />
      )}
      {(is('confirming') || is('booking')) && context.slot && (
        <ConfirmStep
          matterName={matterName}
          pointName={pointName(context.slot.servicePointId)}
          slot={context.slot}
          phone={context.phone}
          sending={is('booking')}
          onConfirm={() => send({ type: 'CONFIRM' })}
        />
      )}
      {is('booked') && context.booked && (
        <BookedStep booked={context.booked} pointName={pointName} onFinish={() => send({ type: 'FINISH' })} />
      )}
    </AppointmentScreen>
  );
}
