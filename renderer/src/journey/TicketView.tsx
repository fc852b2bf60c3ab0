import type { TicketWait } from '../../../core/api/queue-wait';
import type { PrintResult } from '../../../core/api/resident';
import type { Ticket } from '../../../platform/contract/queue';
import { useT } from '../i18n/use-t';
import { useStationTime } from '../api/use-station-time';
import './journeys.css';

/**
 * The issued ticket, as big as the screen allows. On paper: the number and "请取走小票". When the
 * printer could not print it, the whole ticket is on screen (everything the paper would say) and
 * the resident is asked to write it down or photograph it. Voice mode reads the number (a queue
 * number says nothing about the person) and what to do with the ticket.
 */
export function TicketView({
  ticket,
  wait,
  print,
  offline,
}: {
  ticket: Ticket;
  wait: TicketWait;
  print: PrintResult;
  offline: boolean;
}) {
  const { t } = useT();
  const time = useStationTime();
  const onScreen = print.output === 'screen';
  return (
    <div className="ticket-view" data-testid="ticket-view" data-output={print.output}>
      <p className="ticket-view-label" data-speech="title">
        {t('ticket:issued.yourNumber')}
      </p>
      <p className="ticket-view-number" data-testid="ticket-number" data-speech="title">
        {ticket.ticketNo}
      </p>
      <p className="ticket-view-service">{ticket.serviceName}</p>
      {ticket.priority.class !== 'normal' && (
        <p className="ticket-view-priority">{t('ticket:issued.priority', { label: ticket.priority.label })}</p>
      )}
      <p className="ticket-view-wait" data-testid="ticket-wait" data-wait={wait.kind}>
        <span>{t('ticket:issued.ahead', { count: ticket.waitingAhead })}</span>
        <WaitLines wait={wait} />
      </p>
      <p className="ticket-view-time">{t('ticket:issued.time', { time: time.clock(ticket.issuedAt) })}</p>
      {offline && <p className="journey-note">{t('ticket:issued.offline')}</p>}
      {onScreen ? (
        <p className="journey-warning" role="alert" data-testid="ticket-on-screen" data-speech="hint">
          {t('ticket:issued.onScreen')}
        </p>
      ) : (
        <p className="ticket-view-take" data-testid="ticket-take-paper" data-speech="hint">
          {t('ticket:issued.takePaper')}
        </p>
      )}
    </div>
  );
}

/** The wait as the paper says it (core/queue/ticket-document.ts): minutes, when calling starts, or that today may not reach it. */
function WaitLines({ wait }: { wait: TicketWait }) {
  const { t } = useT();
  const time = useStationTime();
  switch (wait.kind) {
    case 'minutes':
      return <span>{t('ticket:issued.estimateAt', { minutes: wait.minutes, time: time.clock(wait.callAt) })}</span>;
    case 'startsAt':
      return (
        <>
          <span>{t('ticket:issued.startsAt', { time: time.clock(wait.startsAt) })}</span>
          <span>{t('ticket:issued.callAt', { time: time.clock(wait.callAt) })}</span>
        </>
      );
    case 'beyondToday':
      return <span>{t('ticket:issued.beyondToday', { time: time.clock(wait.dayEndsAt) })}</span>;
  }
}
