import { useMachine } from '@xstate/react';
import { useEffect, useMemo } from 'react';
import { apiPart } from '../../api/api-part';
import type { QueueOverview, QueueServiceView } from '../../../../core/api/queue';
import { useClient } from '../../api/api-context';
import { useKioskInfo } from '../../api/kiosk-info-context';
import { useJourneyAvailability } from '../../api/use-devices';
import { useT } from '../../i18n/use-t';
import { useFinishVisit, useShellSend } from '../../shell/shell-context';
import { Loading } from '../../states/Loading';
import { describeWait } from '../../../../core/api/queue-wait';
import { useStationTime } from '../../api/use-station-time';
import { CallingNotice } from './CallingNotice';
import { ChoicePages } from '../../journey/ChoicePages';
import { JourneyNotice } from '../../journey/JourneyNotice';
import { serviceBlock, ticketMachine, ticketMethods, type TicketPriority } from './ticket-machine';
import { TicketView } from '../../journey/TicketView';
import '../../journey/journeys.css';

/** 取号: services as big tiles with waiting counts, then normal or 绿色通道, then the ticket. */
export function TicketJourney() {
  const { t } = useT();
  const client = useClient();
  const api = useMemo(() => apiPart(client, ticketMethods), [client]);
  const send = useShellSend();
  const finishVisit = useFinishVisit();
  const { station } = useKioskInfo();
  const { output } = useJourneyAvailability();
  const [snapshot, sendTicket] = useMachine(ticketMachine, { input: { api } });
  const done = snapshot.status === 'done';

  useEffect(() => {
    // The ticket was shown (完成, or it timed out): the resident is done, the visit ends.
    if (done) finishVisit();
  }, [done, finishVisit]);

  const { overview, service, receipt, problem } = snapshot.context;
  const hotline = t('ticket:errors.callHotline', { hotline: station.hotline });

  return (
    <section
      className="screen journey"
      data-testid="ticket-journey"
      data-step={typeof snapshot.value === 'string' ? snapshot.value : Object.keys(snapshot.value).join()}
    >
      <header className="screen-heading">
        <h1 className="screen-title" data-speech="title">
          {t('ticket:title')}
        </h1>
      </header>
      {overview?.source === 'offline' && !snapshot.matches('issued') && (
        <p className="journey-banner" role="status" data-testid="ticket-offline-banner" data-speech="hint">
          {t('ticket:offline')}
        </p>
      )}
      {output === 'screen' && !snapshot.matches('issued') && (
        <p className="journey-banner" role="status" data-testid="ticket-printer-paused" data-speech="hint">
          {t('ticket:printerPaused')}
        </p>
      )}

      {snapshot.matches('loading') && <Loading />}
      {snapshot.matches('loadFailed') && (
        <JourneyNotice
          testId="ticket-load-failed"
          actions={
            <button type="button" className="button button--primary" onClick={() => sendTicket({ type: 'RETRY' })}>
              {t('ticket:errors.tryAgain')}
            </button>
          }
        >
          <p data-speech="hint">{t('ticket:loadFailed')}</p>
          <p>{hotline}</p>
        </JourneyNotice>
      )}

      {snapshot.matches('choosingService') && overview && (
        <>
          <CallingNotice overview={overview} />
          <p className="screen-subtitle" data-speech="hint">
            {t('ticket:subtitle')}
          </p>
          <ChoicePages
            testId="ticket-services"
            items={overview.services}
            keyOf={(s) => s.serviceCode}
            render={(s) => (
              <ServiceTile
                service={s}
                source={overview.source}
                calling={overview.calling}
                onChoose={() => sendTicket({ type: 'CHOOSE_SERVICE', serviceCode: s.serviceCode })}
              />
            )}
          />
        </>
      )}

      {(snapshot.matches('choosingPriority') || snapshot.matches('taking')) && service && (
        <PriorityChoice
          serviceName={service.name}
          accepts={service.priorities.map((p) => p.class)}
          busy={snapshot.matches('taking')}
          onTake={(priority) => sendTicket({ type: 'TAKE', priority })}
          onAppointment={() => send({ type: 'OPEN_JOURNEY', journey: { kind: 'checkIn' } })}
          onBack={() => sendTicket({ type: 'BACK' })}
        />
      )}

      {snapshot.matches('failed') && problem && (
        <JourneyNotice
          testId="ticket-problem"
          actions={
            <>
              {(problem === 'failed' || problem === 'noOfflineNumbers') && (
                <button type="button" className="button button--primary" onClick={() => sendTicket({ type: 'RETRY' })}>
                  {t('ticket:errors.tryAgain')}
                </button>
              )}
              <button type="button" className="button" onClick={() => sendTicket({ type: 'BACK' })}>
                {t('ticket:errors.backToServices')}
              </button>
            </>
          }
        >
          <p data-speech="hint">{t(`ticket:errors.${problem}`)}</p>
          <p>{hotline}</p>
        </JourneyNotice>
      )}

      {snapshot.matches('issued') && receipt && (
        <>
          <TicketView ticket={receipt.ticket} wait={receipt.wait} print={receipt.print} offline={receipt.offline} />
          <div className="journey-actions">
            <button
              type="button"
              className="button"
              data-testid="ticket-rate"
              onClick={() => send({ type: 'OPEN_JOURNEY', journey: { kind: 'rating' } })}
            >
              {t('ticket:issued.rate')}
            </button>
            <button
              type="button"
              className="button button--primary"
              data-testid="ticket-done"
              onClick={() => sendTicket({ type: 'FINISH' })}
            >
              {t('ticket:issued.done')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function ServiceTile({
  service,
  source,
  calling,
  onChoose,
}: {
  service: QueueServiceView;
  source: QueueOverview['source'];
  calling: QueueOverview['calling'];
  onChoose: () => void;
}) {
  const { t } = useT();
  const time = useStationTime();
  const block = serviceBlock(service, source, calling);
  // The wait as the ticket would print it: minutes only while the windows call.
  const wait = describeWait(service.estimatedWaitMinutes, time.now(), calling);
  return (
    <button
      type="button"
      className="tile journey-tile"
      data-service={service.serviceCode}
      data-blocked={block ?? undefined}
      disabled={block !== null}
      onClick={onChoose}
    >
      <span className="journey-tile-prefix" aria-hidden="true">
        {service.prefix}
      </span>
      <span className="tile-text">
        <span className="tile-label">{service.name}</span>
        {block === null ? (
          <span className="tile-hint">
            {t('ticket:tile.waiting', { count: service.waiting })} ·{' '}
            {wait?.kind === 'startsAt'
              ? t('ticket:tile.startsAt', { time: time.clock(wait.startsAt) })
              : wait?.kind === 'beyondToday'
                ? t('ticket:tile.beyondToday')
                : t('ticket:tile.estimate', { minutes: service.estimatedWaitMinutes })}
            {source === 'offline' && (
              <>
                {' · '}
                {t('ticket:tile.offlineLeft', { count: service.offlineNumbersLeft })}
              </>
            )}
          </span>
        ) : (
          <span className="tile-hint journey-tile-blocked">{t(`ticket:tile.${block}`)}</span>
        )}
      </span>
    </button>
  );
}

function PriorityChoice({
  serviceName,
  accepts,
  busy,
  onTake,
  onAppointment,
  onBack,
}: {
  serviceName: string;
  accepts: readonly string[];
  busy: boolean;
  onTake: (priority: TicketPriority) => void;
  onAppointment: () => void;
  onBack: () => void;
}) {
  const { t } = useT();
  const green = (['elderly', 'disabled'] as const).filter((p) => accepts.includes(p));
  return (
    <div className="journey-step" data-testid="ticket-priority">
      <h2 className="journey-step-title" data-speech="title">
        {serviceName} · {t('ticket:priority.title')}
      </h2>
      <p className="journey-note" data-speech="hint">
        {green.length > 0 ? t('ticket:priority.hintGreen') : t('ticket:priority.hint')}
      </p>
      {busy && (
        <p className="journey-busy" role="status">
          {t('ticket:priority.taking')}
        </p>
      )}
      <ul className="journey-choice-grid">
        <li>
          <button
            type="button"
            className="tile journey-tile"
            data-priority="normal"
            disabled={busy}
            onClick={() => onTake('normal')}
          >
            <span className="tile-text">
              <span className="tile-label">{t('ticket:priority.normal')}</span>
              <span className="tile-hint">{t('ticket:priority.normalHint')}</span>
            </span>
          </button>
        </li>
        {green.map((priority) => (
          <li key={priority}>
            <button
              type="button"
              className="tile journey-tile journey-tile--green"
              data-priority={priority}
              disabled={busy}
              onClick={() => onTake(priority)}
            >
              <span className="tile-text">
                <span className="tile-label">{t(`ticket:priority.${priority}`)}</span>
                <span className="tile-hint">{t('ticket:priority.greenHint')}</span>
              </span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="tile journey-tile"
            data-priority="appointment"
            disabled={busy}
            onClick={onAppointment}
          >
            <span className="tile-text">
              <span className="tile-label">{t('ticket:priority.appointment')}</span>
              <span className="tile-hint">{t('ticket:priority.appointmentHint')}</span>
            </span>
          </button>
        </li>
      </ul>
      <div className="journey-actions">
        <button type="button" className="button" disabled={busy} onClick={onBack}>
          {t('ticket:priority.back')}
        </button>
      </div>
    </div>
  );
}
