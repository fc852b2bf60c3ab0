import type { ServiceDeps } from '../app/service-deps';
import { describePlatformError } from '../platform-client/http';
import { chinaDay } from '../time/china-time';
import { fetchQueueStatus } from './queue-status';
import { numbersLeft, rangesOfDay, saveRange } from './queue-store';
import { isAmbiguous, postWithSameKey, type SameKeyRetry } from './same-key-retry';

export interface TicketRangeKeeper {
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
  /** A pass now (after the one in progress, if any); resolves when it is over. Never rejects. */
  refresh(): Promise<void>;
}

export interface TicketRangeKeeperOptions {
  readonly intervalMs: number;
  /**
   * After a pass that could not reach the platform, the next comes this soon instead: a kiosk that
   * started while the platform was slow or away should hold its reserve minutes before the network
   * drops, not an interval later.
   */
  readonly retryAfterFailureMs: number;
  /** Numbers asked for per reservation. */
  readonly rangeSize: number;
  /** Reserve more when fewer than this many numbers are left for today. */
  readonly lowWater: number;
  readonly retry: SameKeyRetry;
}

export const DEFAULT_TICKET_RANGE_KEEPER_OPTIONS: TicketRangeKeeperOptions = {
  intervalMs: 60_000,
  retryAfterFailureMs: 10_000,
  rangeSize: 20,
  lowWater: 5,
  retry: { delaysMs: [] },
};

/**
 * Keeps, while the platform is reachable, a reserve of ticket numbers for today for every open
 * queue of the station, so 取号 keeps working when the network drops. Each pass also refreshes the
 * last known queue status. A range is for one China day: the first pass of a new day reserves
 * afresh. The key of a reservation names the service, the day and how many ranges came before,
 * so a reservation whose answer was lost is replayed by the next pass rather than made twice.
 */
export function startTicketRangeKeeper(
  deps: ServiceDeps,
  options: Partial<TicketRangeKeeperOptions> = {},
): TicketRangeKeeper {
  const settings = { ...DEFAULT_TICKET_RANGE_KEEPER_OPTIONS, ...options };
  const log = deps.logger.child({ component: 'ticketRanges' });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  /** false: the platform could not be reached, and the next pass should come soon. */
  const pass = async (): Promise<boolean> => {
    const status = await fetchQueueStatus(deps);
    if (!status.ok) {
      log.debug({ reason: describePlatformError(status.error) }, 'queue status unavailable; ranges kept as they are');
      return false;
    }
    const now = deps.now();
    const today = chinaDay(now);
    for (const service of status.value.services) {
      if (!service.open) continue;
      if (numbersLeft(deps.db, service.serviceCode, today) >= settings.lowWater) continue;
      const previous = rangesOfDay(deps.db, service.serviceCode, today).length;
      const reserved = await postWithSameKey(
        deps.platform,
        'reserveTicketRange',
        {
          params: { terminalId: deps.info.terminal.id },
          body: {
            stationId: deps.info.station.id,
            serviceCode: service.serviceCode,
            date: today,
            size: settings.rangeSize,
          },
          idempotencyKey: `range-${deps.info.terminal.id}-${service.serviceCode}-${today}-${previous + 1}`,
        },
        settings.retry,
      );
      if (!reserved.ok) {
        log.info(
          { serviceCode: service.serviceCode, reason: describePlatformError(reserved.error) },
          'could not reserve ticket numbers',
        );
        if (isAmbiguous(reserved.error)) return false; // the platform is gone for now; the next pass tries again
        continue;
      }
      const range = reserved.value.body;
      if (range.serviceCode !== service.serviceCode || range.date !== today) {
        log.warn(
          { rangeId: range.rangeId, serviceCode: service.serviceCode },
          'the platform reserved another range than asked',
        );
        continue;
      }
      saveRange(deps.db, range, deps.now());
      log.info(
        { rangeId: range.rangeId, serviceCode: range.serviceCode, first: range.first, last: range.last },
        'ticket range reserved',
      );
    }
    return true;
  };

  /** Whether the last pass reached the platform; decides when the next timed pass comes. */
  let lastPassReached = true;
  const guardedPass = async (): Promise<void> => {
    try {
      lastPassReached = await pass();
    } catch (error) {
      lastPassReached = false;
      log.error({ err: error }, 'ticket range pass failed');
    }
  };
  /** One pass at a time; a pass asked for during another runs after it. */
  const runPass = (): Promise<void> => {
    running = running.then(() => (stopped ? undefined : guardedPass()));
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        timer = null;
        void runPass().then(schedule);
      },
      lastPassReached ? settings.intervalMs : settings.retryAfterFailureMs,
    );
    timer.unref?.();
  };

  // The first pass starts now, so numbers are reserved as soon as the kiosk is up.
  running = guardedPass();
  void running.then(schedule);

  return {
    refresh: runPass,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
