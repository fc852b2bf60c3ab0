import type { KioskContract } from '../../api/contract';
import type { Handlers } from '../../api/types';
import { ok } from '../../pure/result';

/**
 * The page's "still alive" reports (host.alive): only the time of the last one is kept, from a
 * monotonic clock so that a wall-clock jump (NTP at boot, KIOSK_CLOCK) cannot fake or hide a
 * silence. Nothing is logged per report: one arrives every few seconds all day.
 */
export interface RendererHeartbeat {
  readonly handlers: Pick<Handlers<KioskContract>, 'host.alive'>;
  /** Monotonic milliseconds of the last report; null until the first. */
  lastReportAt(): number | null;
}

export function createRendererHeartbeat(now: () => number = () => performance.now()): RendererHeartbeat {
  let last: number | null = null;
  return {
    handlers: {
      'host.alive': () => {
        last = now();
        return ok({});
      },
    },
    lastReportAt: () => last,
  };
}
