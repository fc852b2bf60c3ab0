import type { QueuedVideoCall } from '../../../contract/video-help';

/**
 * The 视频帮办 waiting queue as the agent page shows it. The platform sends the queue oldest
 * first (platform/contract/video-help.ts, `queue`); the page sorts again so the order never
 * depends on how frames were merged, and the waiting time ticks from `requestedAt` on the page's
 * own clock.
 */

/** Oldest request first; the call number breaks ties (two requests in the same millisecond). */
export function sortQueue(calls: readonly QueuedVideoCall[]): QueuedVideoCall[] {
  return [...calls].sort((a, b) => {
    const byTime = Date.parse(a.requestedAt) - Date.parse(b.requestedAt);
    if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
    return a.callId < b.callId ? -1 : a.callId > b.callId ? 1 : 0;
  });
}

/** Whole seconds waited; never negative (the PC's clock may run a little behind the platform's). */
export function waitingSeconds(requestedAt: string, now: Date): number {
  const at = Date.parse(requestedAt);
  if (Number.isNaN(at)) return 0;
  return Math.max(0, Math.floor((now.getTime() - at) / 1000));
}

/** `m:ss`, or `h:mm:ss` past an hour: a ticking clock reads better than "2 分钟". */
export function formatWaiting(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** A call waiting this long is shown as urgent (the platform gives up at its answer limit, 120 s by default). */
export const LONG_WAIT_SECONDS = 60;
