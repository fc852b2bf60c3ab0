import type { KioskContract } from '../api/contract';
import { ok } from '../pure/result';
import type { Handlers } from '../api/types';
import type { ServiceDeps } from '../app/service-deps';
import { describePlatformError } from '../platform-client/http';
import { needsStaff, stationPresence, stationToday } from '../station-hours/station-hours';
import { chinaDay } from '../time/china-time';
import { fetchQueueStatus, liveOverview, offlineOverview, readStatus, type CallingHours } from './queue-status';
import { DEFAULT_SAME_KEY_RETRY } from './same-key-retry';
import { takeTicket, type TakeTicketOptions } from './take-ticket';

type QueueMethods = 'queue.overview' | 'queue.takeTicket';

export interface QueueHandlerOptions extends TakeTicketOptions {
  /** A status fetched this recently is shown as live instead of asking again (screens poll). */
  readonly freshForMs: number;
}

export const DEFAULT_QUEUE_HANDLER_OPTIONS: QueueHandlerOptions = {
  retry: DEFAULT_SAME_KEY_RETRY,
  attemptTimeoutMs: 4_000,
  freshForMs: 5_000,
};

/** 取号: the station's queues and taking a ticket, online or from this kiosk's reserved range. */
export function buildQueueHandlers(
  deps: ServiceDeps,
  options: Partial<QueueHandlerOptions> = {},
): Pick<Handlers<KioskContract>, QueueMethods> {
  const settings = { ...DEFAULT_QUEUE_HANDLER_OPTIONS, ...options };
  const log = deps.logger.child({ component: 'queue' });
  return {
    'queue.overview': async () => {
      const now = deps.now();
      const hours: CallingHours = {
        calling: needsStaff(deps, 'ticket') ? stationPresence(deps, now) : null,
        today: stationToday(deps),
      };
      const cached = readStatus(deps.db);
      if (
        cached &&
        cached.status.date === chinaDay(now) &&
        now.getTime() - Date.parse(cached.fetchedAt) < settings.freshForMs
      ) {
        return ok(liveOverview(deps.db, cached.status, now, hours));
      }
      const live = await fetchQueueStatus(deps);
      if (live.ok) return ok(liveOverview(deps.db, live.value, now, hours));
      log.info({ reason: describePlatformError(live.error) }, 'queue status unavailable, showing the last known one');
      return ok(offlineOverview(deps.db, cached, now, hours));
    },
    'queue.takeTicket': (input) => takeTicket(deps, settings, input),
  };
}
