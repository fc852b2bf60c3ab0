import type { ScannedCode } from '../api/scanner';
import type { ServiceDeps } from '../app/service-deps';
import { ticketById } from '../queue/queue-store';
import { ratingRef } from '../queue/take-ticket';
import { isRated } from '../ratings/rating-store';
import { chinaDay } from '../time/china-time';

type TicketScan = Extract<ScannedCode, { kind: 'ticket' }>;

/**
 * A ticket's code opens its rating. The window service a ticket stands for happens after the
 * visit it was taken in (take a number, wait, be served, come back), so a ticket this kiosk
 * issued TODAY is rateable in a later visit too: it becomes a completed service of this visit and
 * 一次一评 still holds (rated tickets are remembered across visits, core/ratings/rating-store.ts).
 * A ticket of another day is refused: the service is long over, and a ticket found on the floor
 * must not become a rating weeks later. A ticket this kiosk did not issue cannot be told from a
 * made-up code, so it is refused too (rate it where it was taken, or at the window).
 */
export function ticketScan(deps: Pick<ServiceDeps, 'db' | 'sealer' | 'session' | 'now'>, ticketId: string): TicketScan {
  const ticket = ticketById(deps.db, ticketId);
  if (!ticket) return { kind: 'ticket', status: 'notFromThisKiosk', ticketNo: null, service: null };
  if (ticket.date !== chinaDay(deps.now())) {
    return { kind: 'ticket', status: 'otherDay', ticketNo: ticket.ticketNo, service: null };
  }
  const service = { kind: 'ticket' as const, ref: ratingRef(ticket) };
  const inVisit = deps.session.findCompleted('ticket', service.ref);
  if (inVisit?.rated || isRated(deps.db, deps.sealer, 'ticket', service.ref)) {
    if (inVisit) deps.session.markRated('ticket', service.ref);
    return { kind: 'ticket', status: 'alreadyRated', ticketNo: ticket.ticketNo, service };
  }
  if (!inVisit) {
    deps.session.recordCompleted({
      kind: 'ticket',
      ref: service.ref,
      title: `取号 ${ticket.ticketNo}`,
      matterCode: null,
    });
  }
  return { kind: 'ticket', status: 'rateable', ticketNo: ticket.ticketNo, service };
}
