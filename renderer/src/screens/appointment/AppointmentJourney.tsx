import { useMachine } from '@xstate/react';
import { useEffect } from 'react';
import type { Appointment } from '../../../../platform/contract/appointments';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useScannerFitted } from '../../api/use-devices';
import { useT } from '../../i18n/use-t';
import { useClientRememberingPhones } from '../../shell/visit-memory';
import { useFinishVisit, useShellSend } from '../../shell/shell-context';
import { Loading } from '../../states/Loading';
import { SignIn } from '../signin/SignIn';
import { ChoicePages } from '../../journey/ChoicePages';
import { useStationHours } from '../../api/use-station-hours';
import { useStationTime } from '../../api/use-station-time';
import type { AppointmentDay } from '../../../../core/api/queue';
import { placeName } from '../../format/place-name';
import { JourneyNotice } from '../../journey/JourneyNotice';
import { TicketView } from '../../journey/TicketView';
import { appointmentMachine } from './appointment-machine';
import { PhonePad } from './PhonePad';
import '../../journey/journeys.css';
import '../../scan/scan.css';
import { Words } from '../../components/words/Words';

/** 预约办事 (mode book) and 预约签到 (mode checkIn); see appointment-machine.ts for the steps. */
export function AppointmentJourney({
  mode,
  matterCode,
  servicePointId,
  scannedAppointmentId = null,
  onExit,
}: {
  mode: 'book' | 'checkIn';
  matterCode: string | null;
  servicePointId: string | null;
  /** Check-in opened by scanning a slip: after the card, that appointment is checked in. */
  scannedAppointmentId?: string | null;
  onExit: () => void;
}) {
  const { t } = useT();
  // A phone sent here is offered again by the next journey of this visit.
  const client = useClientRememberingPhones();
  const send = useShellSend();
  const { station } = useKioskInfo();
  const time = useStationTime();
  const scannerFitted = useScannerFitted();
  const [snapshot, sendStep] = useMachine(appointmentMachine, {
    input: {
      client,
      mode,
      matterCode,
      servicePointId,
      location: station.location,
      today: time.today,
      scannedAppointmentId,
    },
  });
  const done = snapshot.status === 'done';
  // Booked or checked in (完成, or the slip timed out): the resident is done, the visit ends. Left
  // before that (sign-in cancelled): back to where the journey was opened.
  const served = snapshot.context.booked !== null || snapshot.context.checkedIn !== null;
  const finishVisit = useFinishVisit();
  useEffect(() => {
    if (done) (served ? finishVisit : onExit)();
  }, [done, served, finishVisit, onExit]);

  const context = snapshot.context;
  const pointNames = new Map(context.choices.points.map((p) => [p.id, p.name] as const));
  const pointName = (id: string | null) => placeName(id, pointNames, station, t('common:place.unknown'));
  const matterName = context.choices.matters.find((m) => m.code === context.matterCode)?.name ?? context.matterCode;
  const is = (state: string) => snapshot.matches(state as never);
  const rate = () => send({ type: 'OPEN_JOURNEY', journey: { kind: 'rating' } });
  const finish = () => sendStep({ type: 'FINISH' });

  return (
    <section className="screen journey" data-testid="appointment-journey" data-step={String(snapshot.value)}>
      <header className="screen-heading">
        <h1 className="screen-title" data-speech="title">
          {mode === 'book' ? t('appointment:title') : t('appointment:checkInTitle')}
        </h1>
      </header>

      {(is('loadingChoices') ||
        is('loadingDays') ||
        is('loadingSlots') ||
        is('loadingMine') ||
        is('start') ||
        is('afterChoices')) && <Loading message="loading" />}

      {is('problem') && (
        <JourneyNotice
          testId="appointment-problem"
          actions={
            <>
              <button type="button" className="button button--primary" onClick={() => sendStep({ type: 'RETRY' })}>
                {t('appointment:tryAgain')}
              </button>
            </>
          }
        >
          <p data-speech="hint">
            {context.problem === 'unavailable' && t('appointment:unavailable', { hotline: station.hotline })}
            {context.problem === 'notActive' && t('appointment:checkIn.notActive')}
            {context.problem === 'notToday' && t('appointment:checkIn.notToday')}
            {context.problem === 'notStaffed' && <NotStaffedCheckIn />}
            {(context.problem === 'failed' || context.problem === 'slotFull' || context.problem === null) &&
              t('appointment:failed', { hotline: station.hotline })}
          </p>
        </JourneyNotice>
      )}

      {is('choosingMatter') && (
        <div className="journey-step">
          <h2 className="journey-step-title" data-speech="title">
            {t('appointment:matter.title')}
          </h2>
          <StepHint text={t('appointment:matter.hint')} />
          <ChoicePages
            testId="appointment-matters"
            items={context.choices.matters}
            keyOf={(m) => m.code}
            render={(m) => (
              <button
                type="button"
                className="tile journey-tile"
                data-code={m.code}
                onClick={() => sendStep({ type: 'CHOOSE_MATTER', matterCode: m.code })}
              >
                <span className="tile-text">
                  <span className="tile-label">
                    <Words text={m.name} />
                  </span>
                </span>
              </button>
            )}
          />
        </div>
      )}

      {is('choosingPoint') && (
        <div className="journey-step">
          <h2 className="journey-step-title" data-speech="title">
            {t('appointment:point.title')}
          </h2>
          <StepHint text={t('appointment:point.hint')} />
          {context.choices.points.length === 0 ? (
            <JourneyNotice testId="appointment-no-points" tone="info">
              <p data-speech="hint">{t('appointment:point.none')}</p>
            </JourneyNotice>
          ) : (
            <ChoicePages
              testId="appointment-points"
              items={context.choices.points}
              keyOf={(p) => p.id}
              render={(p) => (
                <button
                  type="button"
                  className="tile journey-tile"
                  data-point={p.id}
                  onClick={() => sendStep({ type: 'CHOOSE_POINT', servicePointId: p.id })}
                >
                  <span className="tile-text">
                    <span className="tile-label">
                      <Words text={p.name} />
                    </span>
                    <span className="tile-hint">{p.address}</span>
                    {p.id === context.choices.points[0]?.id && (
                      <span className="tile-count">{t('appointment:point.nearest')}</span>
                    )}
                  </span>
                </button>
              )}
            />
          )}
        </div>
      )}

      {is('choosingDay') && (
        <div className="journey-step">
          <h2 className="journey-step-title" data-speech="title">
            {pointName(context.servicePointId)} · {t('appointment:day.title')}
          </h2>
          <StepHint text={t('appointment:day.hint')} />
          {!context.days.some((d) => d.status === 'open') && (
            <JourneyNotice testId="appointment-no-days" tone="info">
              <p data-speech="hint">
                {context.days.some((d) => d.status === 'full')
                  ? t('appointment:day.none')
                  : t('appointment:day.noneOpen')}
              </p>
            </JourneyNotice>
          )}
          <ChoicePages
            testId="appointment-days"
            compact
            items={context.days}
            keyOf={(d) => d.date}
            render={(d) => (
              <button
                type="button"
                className="tile journey-tile"
                data-date={d.date}
                data-status={d.status}
                disabled={d.status !== 'open'}
                onClick={() => sendStep({ type: 'CHOOSE_DAY', date: d.date })}
              >
                <span className="tile-text">
                  <span className="tile-label">{time.day(d.date)}</span>
                  <span className="tile-hint" data-testid="appointment-day-status">
                    <DayStatus day={d} />
                  </span>
                </span>
              </button>
            )}
          />
        </div>
      )}

      {is('choosingSlot') && (
        <div className="journey-step">
          <h2 className="journey-step-title" data-speech="title">
            {context.date ? time.day(context.date) : ''} · {t('appointment:slot.title')}
          </h2>
          <StepHint text={t('appointment:slot.hint')} />
          {context.problem === 'slotFull' && (
            <p className="journey-warning" role="alert" data-speech="hint">
              {t('appointment:confirm.slotFull')}
            </p>
          )}
          {context.slots.every((s) => s.remaining === 0) ? (
            <JourneyNotice testId="appointment-no-slots" tone="info">
              <p data-speech="hint">{t('appointment:slot.none')}</p>
            </JourneyNotice>
          ) : (
            <ChoicePages
              testId="appointment-slots"
              compact
              // 选择其他日期 shares the step.
              otherChoices={1}
              items={context.slots}
              keyOf={(s) => s.slotId}
              render={(s) => (
                <button
                  type="button"
                  className="tile journey-tile"
                  data-slot={s.slotId}
                  disabled={s.remaining === 0}
                  onClick={() => sendStep({ type: 'CHOOSE_SLOT', slotId: s.slotId })}
                >
                  <span className="tile-text">
                    <span className="tile-label">
                      {time.clock(s.startsAt)}–{time.clock(s.endsAt)}
                    </span>
                    <span className="tile-hint">
                      {s.remaining === 0
                        ? t('appointment:slot.full')
                        : t('appointment:slot.remaining', { count: s.remaining })}
                    </span>
                  </span>
                </button>
              )}
            />
          )}
          <div className="journey-actions">
            <button type="button" className="button" onClick={() => sendStep({ type: 'OTHER_DAY' })}>
              {t('appointment:slot.otherDay')}
            </button>
          </div>
        </div>
      )}

      {is('signingIn') && mode === 'checkIn' && context.scannedAppointmentId === null && scannerFitted && (
        <p className="scan-hint" data-testid="scan-hint">
          {t('scan:hint.checkIn')}
        </p>
      )}
      {is('signingIn') && context.scannedAppointmentId !== null && (
        // The slip was read; appointment.checkIn is a person's record, so the card comes next.
        <p className="journey-note" data-testid="slip-scanned" data-speech="hint">
          {t('scan:checkIn.scanned')}
        </p>
      )}
      {is('signingIn') && (
        <SignIn
          purpose={mode === 'book' ? 'appointment' : 'checkIn'}
          allowAgent
          {...(mode === 'checkIn' ? { requireCard: 'checkIn' as const } : {})}
          onSignedIn={() => sendStep({ type: 'SIGNED_IN' })}
          onCancel={() => sendStep({ type: 'SIGN_IN_CANCELLED' })}
        />
      )}

      {is('enteringPhone') && (
        <PhonePad initial={context.phone ?? ''} onDone={(phone) => sendStep({ type: 'PHONE', phone })} />
      )}

      {(is('confirming') || is('booking')) && context.slot && (
        <div className="journey-step" data-testid="appointment-confirm">
          <h2 className="journey-step-title" data-speech="title">
            {t('appointment:confirm.title')}
          </h2>
          <StepHint text={t('appointment:confirm.hint')} />
          <dl className="journey-summary">
            <dt>{t('appointment:confirm.matter')}</dt>
            <dd>{matterName}</dd>
            <dt>{t('appointment:confirm.point')}</dt>
            <dd>{pointName(context.slot.servicePointId)}</dd>
            <dt>{t('appointment:confirm.time')}</dt>
            <dd>
              {time.dayTime(context.slot.startsAt)}–{time.clock(context.slot.endsAt)}
            </dd>
            <dt>{t('appointment:confirm.phone')}</dt>
            <dd>{context.phone}</dd>
          </dl>
          <div className="journey-actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="appointment-confirm-submit"
              disabled={is('booking')}
              onClick={() => sendStep({ type: 'CONFIRM' })}
            >
              {is('booking') ? t('appointment:confirm.submitting') : t('appointment:confirm.submit')}
            </button>
          </div>
        </div>
      )}

      {is('booked') && context.booked && (
        <div className="journey-step" data-testid="appointment-booked">
          <h2 className="journey-step-title" data-speech="title">
            {t('appointment:booked.title')}
          </h2>
          <AppointmentSlip appointment={context.booked.appointment} pointName={pointName} />
          {context.booked.print.output === 'screen' ? (
            <p className="journey-warning" role="alert" data-testid="appointment-on-screen" data-speech="hint">
              {t('appointment:booked.onScreen')}
            </p>
          ) : (
            <p className="ticket-view-take" data-speech="hint">
              {t('appointment:booked.takePaper')}
            </p>
          )}
          <Finish onRate={rate} onFinish={finish} />
        </div>
      )}

      {is('choosingAppointment') && (
        <div className="journey-step">
          <h2 className="journey-step-title" data-speech="title">
            {t('appointment:checkIn.choose')}
          </h2>
          <StepHint text={t('appointment:checkIn.hint')} />
          <ChoicePages
            testId="appointment-mine"
            items={context.appointments}
            keyOf={(a) => a.appointmentId}
            render={(a) => (
              <button
                type="button"
                className="tile journey-tile"
                data-appointment={a.appointmentId}
                onClick={() => sendStep({ type: 'CHECK_IN', appointmentId: a.appointmentId })}
              >
                <span className="tile-text">
                  <span className="tile-label">
                    <Words text={a.matter.matterName} />
                  </span>
                  <span className="tile-hint">
                    {time.clock(a.startsAt)}–{time.clock(a.endsAt)} · {pointName(a.servicePointId)}
                  </span>
                </span>
                <span className="tile-count">{t('appointment:checkIn.submit')}</span>
              </button>
            )}
          />
        </div>
      )}

      {is('checkingIn') && <Loading message="loading" />}

      {is('noneToday') && (
        <JourneyNotice
          testId="appointment-none-today"
          tone="info"
          actions={
            <>
              <button
                type="button"
                className="button button--primary"
                onClick={() => send({ type: 'OPEN_JOURNEY', journey: { kind: 'ticket' } })}
              >
                {t('appointment:checkIn.takeTicket')}
              </button>
            </>
          }
        >
          <p data-speech="hint">{t('appointment:checkIn.none')}</p>
          <p>{t('appointment:checkIn.noneHint')}</p>
        </JourneyNotice>
      )}

      {is('checkedIn') && context.checkedIn && (
        <div className="journey-step" data-testid="appointment-checked-in">
          <h2 className="journey-step-title" data-speech="title">
            {t('appointment:checkIn.done')}
          </h2>
          <TicketView
            ticket={context.checkedIn.ticket}
            wait={context.checkedIn.wait}
            print={context.checkedIn.print}
            offline={false}
          />
          <Finish onRate={rate} onFinish={finish} />
        </div>
      )}
    </section>
  );
}

function AppointmentSlip({ appointment, pointName }: { appointment: Appointment; pointName: (id: string) => string }) {
  const { t } = useT();
  const time = useStationTime();
  return (
    <div className="ticket-view" data-testid="appointment-slip">
      <p className="ticket-view-label">{t('appointment:booked.number', { id: appointment.appointmentId })}</p>
      <dl className="journey-summary">
        <dt>{t('appointment:confirm.matter')}</dt>
        <dd>{appointment.matter.matterName}</dd>
        <dt>{t('appointment:confirm.point')}</dt>
        <dd>{pointName(appointment.servicePointId)}</dd>
        <dt>{t('appointment:confirm.time')}</dt>
        <dd>
          {time.dayTime(appointment.startsAt)}–{time.clock(appointment.endsAt)}
        </dd>
      </dl>
      <p className="journey-note">{t('appointment:booked.bring')}</p>
    </div>
  );
}

function Finish({ onRate, onFinish }: { onRate: () => void; onFinish: () => void }) {
  const { t } = useT();
  return (
    <div className="journey-actions">
      <button type="button" className="button" onClick={onRate}>
        {t('appointment:booked.rate')}
      </button>
      <button type="button" className="button button--primary" data-testid="appointment-done" onClick={onFinish}>
        {t('appointment:booked.done')}
      </button>
    </div>
  );
}

/** The one line under a step's question saying what to do; voice mode reads it after the title. */
function StepHint({ text }: { text: string }) {
  return (
    <p className="journey-note" data-speech="hint">
      {text}
    </p>
  );
}

/**
 * A day's tile says why it can or cannot be booked: places left, 已约满 only when every slot is
 * taken, 休息 on a weekend or public holiday (with the holiday's name), and a working day the
 * point does not take bookings or whose slots have all begun.
 */
function DayStatus({ day }: { day: AppointmentDay }) {
  const { t } = useT();
  switch (day.status) {
    case 'open':
      return <>{t('appointment:day.remaining', { count: day.remaining })}</>;
    case 'full':
      return <>{t('appointment:day.full')}</>;
    case 'over':
      return <>{t('appointment:day.over')}</>;
    case 'rest':
      return (
        <>{day.holiday ? t('appointment:day.holidayRest', { holiday: day.holiday }) : t('appointment:day.rest')}</>
      );
    case 'notOffered':
      return <>{t('appointment:day.notOffered')}</>;
  }
}

/** Check-in turns an appointment into a ticket for the windows: when nobody calls again today, say when they do. */
function NotStaffedCheckIn() {
  const { t } = useT();
  const time = useStationTime();
  const hours = useStationHours();
  const next = hours?.presence.state === 'offDuty' ? hours.presence.next : null;
  return (
    <>
      {next
        ? t('appointment:checkIn.notStaffedUntil', { when: time.when(next.startsAt) })
        : t('appointment:checkIn.notStaffed')}
    </>
  );
}
