import type { PrintResult } from '../../../../core/api/resident';
import type { Ticket } from '../../../../platform/contract/queue';
import { useT } from '../../i18n/use-t';
import { formatChinaClock } from '../../format/china-time';
import './journeys.css';

/**
 * The issued ticket, as big as the screen allows. On paper: the number and "请取走小票". When the
 * printer could not print it, the whole ticket is on screen (everything the paper would say) and
 * the resident is asked to write it down or photograph it. Voice mode reads the number (a queue
 * number says nothing about the person) and what to do with the ticket.
 */
export function TicketView({ ticket, print, offline }: { ticket: Ticket; print: PrintResult; offline: boolean }) {
  const { t, i18n } = useT();
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
      <p className="ticket-view-wait">
        <span>{t('ticket:issued.ahead', { count: ticket.waitingAhead })}</span>
        <span>{t('ticket:issued.estimate', { minutes: ticket.estimatedWaitMinutes })}</span>
      </p>
      <p className="ticket-view-time">
        {t('ticket:issued.time', { time: formatChinaClock(ticket.issuedAt, i18n.language) })}
      </p>
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
