import { HOST_ALIVE_EVERY_MS } from '../../api/host';

/**
 * Whether the kiosk is alive enough to feed systemd's watchdog. A keep-alive says "this service
 * works"; if it does not, no keep-alive goes out and systemd kills and restarts the service
 * (WatchdogSec, Restart=always). Two things must hold:
 * - the event loop answers: a loop that was blocked for longer than `maxLoopBlockMs` since the
 *   last decision serves no API call, whatever the timer managed to run afterwards;
 * - the renderer reports alive (host.alive, from the page's main thread): after READY the page
 *   gets `startGraceMs` for its first report (the display unit starts after the service, and
 *   Chromium takes a while to come up), and after a first report each next one must come within
 *   `reportWithinMs`. A frozen page stops reporting.
 * Pure: every time is a monotonic millisecond count handed in.
 */
export interface LivenessPolicy {
  readonly startGraceMs: number;
  readonly reportWithinMs: number;
  readonly maxLoopBlockMs: number;
}

export const DEFAULT_LIVENESS_POLICY: LivenessPolicy = {
  // Chromium's first start on a cold station (cage, fonts, the renderer bundle) can take a minute.
  startGraceMs: 120_000,
  // Six report periods of the page (core/api/host.ts): a busy page that skips a few is not frozen.
  reportWithinMs: 6 * HOST_ALIVE_EVERY_MS,
  // A synchronous SQLite transaction or a retention purge may hold the loop for a second or two;
  // ten seconds of no API at all is a hang.
  maxLoopBlockMs: 10_000,
};

export interface LivenessInput {
  readonly now: number;
  /** When READY=1 was sent. */
  readonly readyAt: number;
  /** When the renderer last reported alive; null if it never has. */
  readonly lastRendererReportAt: number | null;
  /** The longest the event loop was blocked since the last decision. */
  readonly longestLoopBlockMs: number;
}

export type LivenessVerdict =
  | { readonly feed: true }
  | {
      readonly feed: false;
      readonly reason: 'eventLoopBlocked' | 'rendererNeverReported' | 'rendererSilent';
      readonly detail: string;
    };

export function decideLiveness(policy: LivenessPolicy, input: LivenessInput): LivenessVerdict {
  if (input.longestLoopBlockMs > policy.maxLoopBlockMs) {
    return {
      feed: false,
      reason: 'eventLoopBlocked',
      detail: `the event loop was blocked for ${Math.round(input.longestLoopBlockMs)} ms (limit ${policy.maxLoopBlockMs} ms)`,
    };
  }
  if (input.lastRendererReportAt === null) {
    const waited = input.now - input.readyAt;
    if (waited <= policy.startGraceMs) return { feed: true };
    return {
      feed: false,
      reason: 'rendererNeverReported',
      detail: `no kiosk page has reported alive in the ${Math.round(waited / 1000)} s since READY (grace ${policy.startGraceMs / 1000} s)`,
    };
  }
  const silence = input.now - input.lastRendererReportAt;
  if (silence <= policy.reportWithinMs) return { feed: true };
  return {
    feed: false,
    reason: 'rendererSilent',
    detail: `the kiosk page last reported alive ${Math.round(silence / 1000)} s ago (limit ${policy.reportWithinMs / 1000} s)`,
  };
}
