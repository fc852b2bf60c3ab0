import type { Clock } from '../time';
import { tickFleet, type FleetMonitorDeps } from './fleet-monitor';

/**
 * Ticks the alarm engine at its next deadline, so a kiosk that falls silent goes offline (and
 * later missing) without anyone asking. The wait is capped: a kiosk heard for the first time
 * since the last tick may be due sooner than the deadline computed then. Unref'd: it never keeps
 * the process alive.
 *
 * Ticks never overlap: the next one is scheduled only when the previous one has finished. Other
 * platform instances tick the same database at their own times; what keeps their ticks from
 * raising or resolving an alarm twice is in fleet-monitor.ts, not here.
 */
export interface FleetTicker {
  /** No tick starts after this; resolves once a tick in flight has finished (close the database after). */
  stop(): Promise<void>;
}

export function startFleetTicker(
  deps: FleetMonitorDeps,
  now: Clock,
  options: { readonly maxWaitMs?: number } = {},
): FleetTicker {
  const maxWaitMs = options.maxWaitMs ?? 15_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        running = run();
      },
      Math.min(Math.max(delayMs, 250), maxWaitMs),
    );
    timer.unref();
  };
  const run = async () => {
    let due: number | null = null;
    try {
      due = await tickFleet(deps, now());
    } catch (error) {
      deps.log('error', 'fleet tick failed', { error: String(error) });
    }
    schedule(due === null ? maxWaitMs : due - now().getTime());
  };
  schedule(0);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
