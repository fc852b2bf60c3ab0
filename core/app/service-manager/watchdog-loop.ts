import { decideLiveness, type LivenessPolicy, type LivenessVerdict } from './liveness-gate';
import type { ServiceLog } from './service-log';

export interface WatchdogLoopOptions {
  readonly ping: () => Promise<unknown>;
  readonly pingEveryMs: number;
  readonly policy: LivenessPolicy;
  /** When READY=1 was sent, on the `now` clock. */
  readonly readyAt: number;
  readonly lastRendererReportAt: () => number | null;
  /** The longest event-loop hold-up since the previous call (loop-delay.ts). */
  readonly takeLongestLoopBlockMs: () => number;
  /** Monotonic milliseconds. */
  readonly now: () => number;
  readonly log: ServiceLog;
  /**
   * Called once each time the loop starts withholding keep-alives, so the next run can tell a
   * watchdog kill from a crash (core/fleet/run-marker.ts noteWatchdogWithheld).
   */
  readonly onWithheld?: () => void;
  /** Runs `run` every `ms` until the returned function is called; a real interval by default. */
  readonly every?: (ms: number, run: () => void) => () => void;
}

/**
 * Every `pingEveryMs` asks the liveness gate, and sends WATCHDOG=1 only when it says so. When it
 * says no, the reason is logged once (not at every tick) and nothing is sent: systemd then kills
 * the service when WatchdogSec runs out and Restart=always starts it again. If the kiosk comes
 * back before that (the page reports again), the keep-alives resume and that is logged too.
 */
export function startWatchdogLoop(options: WatchdogLoopOptions): { stop(): void } {
  const { log } = options;
  const every = options.every ?? realInterval;
  let refusing: Extract<LivenessVerdict, { feed: false }>['reason'] | null = null;
  let pageSeen = false;
  const tick = () => {
    const lastReport = options.lastRendererReportAt();
    if (lastReport !== null && !pageSeen) {
      pageSeen = true;
      log.info({}, 'the kiosk page reported alive; the watchdog now follows its reports');
    }
    const verdict = decideLiveness(options.policy, {
      now: options.now(),
      readyAt: options.readyAt,
      lastRendererReportAt: lastReport,
      longestLoopBlockMs: options.takeLongestLoopBlockMs(),
    });
    if (verdict.feed) {
      if (refusing !== null) log.info({ was: refusing }, 'alive again: feeding the watchdog again');
      refusing = null;
      void options.ping();
      return;
    }
    if (refusing === null) options.onWithheld?.();
    if (refusing !== verdict.reason) {
      log.error(
        { reason: verdict.reason },
        `${verdict.detail}: not feeding the watchdog, so systemd will restart the service`,
      );
    }
    refusing = verdict.reason;
  };
  return { stop: every(options.pingEveryMs, tick) };
}

function realInterval(ms: number, run: () => void): () => void {
  // unref: the keep-alives never hold a stopping process open.
  const handle = setInterval(run, ms).unref();
  return () => clearInterval(handle);
}
