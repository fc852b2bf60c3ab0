import type { KioskContract } from '../api/contract';
import { normalTicketNo } from '../api/ticket-rating';
import type { Handlers } from '../api/types';
import type { ServiceDeps } from '../app/service-deps';
import { callPlatform } from '../platform-client/client';
import { describePlatformError } from '../platform-client/http';
import { err, ok } from '../pure/result';
import { isRated } from './rating-store';

/**
 * 好差评 after 叫号: the resident types the number on their ticket at the rating entry. Only the
 * platform knows a window finished it (staff finish tickets on the window page), so the kiosk asks
 * (findTicketForRating, station-scoped, today's tickets only). A finished ticket not yet rated
 * becomes a rateable service of this visit (kind 'ticket', ref = the ticket id, as a ticket scanned
 * here would be), and the normal rating flow rates it: 一次一评 holds on both sides (the platform
 * says whether it stored a rating; the kiosk remembers ratings still in its outbox).
 */
export function buildTicketByNumberHandlers(
  deps: Pick<ServiceDeps, 'db' | 'sealer' | 'session' | 'platform' | 'info' | 'logger'>,
): Pick<Handlers<KioskContract>, 'rating.ticketByNumber'> {
  const log = deps.logger.child({ component: 'ratings' });
  return {
    'rating.ticketByNumber': async (input) => {
      const ticketNo = normalTicketNo(input.ticketNo);
      const answer = await callPlatform(deps.platform, 'findTicketForRating', {
        params: { stationId: deps.info.station.id, ticketNo },
      });
      if (!answer.ok) {
        log.warn({ reason: describePlatformError(answer.error) }, 'ticket lookup for rating failed');
        return err({
          code: 'platformUnavailable' as const,
          message: 'the platform cannot be asked right now; nothing was lost, try again later',
        });
      }
      const ticket = answer.value.body;
      switch (ticket.status) {
        case 'notFound':
          return err({ code: 'ticketNotFound' as const, message: `no ticket ${ticketNo} today at this station` });
        case 'notFinished':
          return err({
            code: 'ticketNotFinished' as const,
            message: `ticket ${ticketNo} is not finished at a window yet`,
          });
        case 'finished':
          break;
      }
      const service = { kind: 'ticket' as const, ref: ticket.ticketId };
      const inVisit = deps.session.findCompleted('ticket', service.ref);
      if (ticket.rated || inVisit?.rated || isRated(deps.db, deps.sealer, 'ticket', service.ref)) {
        if (inVisit) deps.session.markRated('ticket', service.ref);
        return err({ code: 'alreadyRated' as const, message: `ticket ${ticketNo} has already been rated` });
      }
      if (!inVisit)
        deps.session.recordCompleted({
          kind: 'ticket',
          ref: service.ref,
          title: `取号 ${ticket.ticketNo}`,
          matterCode: ticket.matterCode,
        });
      return ok({ ticketNo: ticket.ticketNo, service });
    },
  };
}
