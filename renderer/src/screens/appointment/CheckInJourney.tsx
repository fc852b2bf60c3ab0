import { useMachine } from '@xstate/react';
import { useMemo } from 'react';
import { apiPart } from '../../api/api-part';
import { useClient } from '../../api/api-context';
import { useStationTime } from '../../api/use-station-time';
import { Loading } from '../../states/Loading';
import { AppointmentScreen } from './AppointmentScreen';
import { checkInMachine, checkInMethods } from './check-in-machine';
import { CheckedInStep } from './steps/CheckedInStep';
import { CheckInSignIn } from './steps/CheckInSignIn';
import { MineStep } from './steps/MineStep';
import { NoneToday } from './steps/NoneToday';
import { ProblemNotice } from './steps/ProblemNotice';
import { useJourneyEnd } from './use-journey-end';
import { usePointName } from './use-point-name';

/** 预约签到; see check-in-machine.ts for the steps. */
export function CheckInJourney({
  scannedAppointmentId,
  onExit,
}: {
  /** Check-in opened by scanning a slip: after the card, that appointment is checked in. */
  scannedAppointmentId: string | null;
  onExit: () => void;
}) {
  const client = useClient();
  const api = useMemo(() => apiPart(client, checkInMethods), [client]);
  const time = useStationTime();
  const [snapshot, send] = useMachine(checkInMachine, {
    input: { api, today: time.today, scannedAppointmentId },
  });
  const context = snapshot.context;
  useJourneyEnd(snapshot.status === 'done', context.checkedIn !== null, onExit);
  // Check-in loads no service map: a point reads as this station's name, or 原受理服务站.
  const pointName = usePointName([]);
  const is = (state: typeof snapshot.value) => snapshot.matches(state);

  return (
    <AppointmentScreen mode="checkIn" step={String(snapshot.value)}>
      {(is('loadingMine') || is('checkingIn')) && <Loading message="loading" />}
      {is('problem') && <ProblemNotice problem={context.problem} onRetry={() => send({ type: 'RETRY' })} />}
      {is('signingIn') && (
        <CheckInSignIn
          scannedAppointmentId={context.scannedAppointmentId}
          onSignedIn={() => send({ type: 'SIGNED_IN' })}
          onCancel={() => send({ type: 'SIGN_IN_CANCELLED' })}
        />
      )}
      {is('choosingAppointment') && (
        <MineStep
          appointments={context.appointments}
          pointName={pointName}
          onCheckIn={(appointmentId) => send({ type: 'CHECK_IN', appointmentId })}
        />
      )}
      {is('noneToday') && <NoneToday />}
      {is('checkedIn') && context.checkedIn && (
        <CheckedInStep checkedIn={context.checkedIn} onFinish={() => send({ type: 'FINISH' })} />
      )}
    </AppointmentScreen>
  );
}
