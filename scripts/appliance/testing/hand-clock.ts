import type { KioskUrlWatchDeps } from '../kiosk-url-watch';

/**
 * A clock the test moves by hand, with the timers the URL watch asks for (KioskUrlWatchDeps):
 * advancing runs every timer that falls due, in order, each at its own time.
 */
export interface HandClock extends Pick<KioskUrlWatchDeps, 'now' | 'setTimer'> {
  /** Moves on by `ms`, running each timer that falls due. */
  advance(ms: number): void;
  /** The same, awaiting `settle` after each timer so that the work it started can finish first. */
  advanceSettling(ms: number, settle: () => Promise<void>): Promise<void>;
  /** Timers set and neither run nor cancelled. */
  pendingTimers(): number;
}

export function handClock(): HandClock {
  let now = 0;
  let pending: Array<{ at: number; run: () => void }> = [];
  /** Runs the earliest timer due by `until`; false when none is. */
  const runNextDue = (until: number): boolean => {
    pending.sort((a, b) => a.at - b.at);
    const next = pending[0];
    if (!next || next.at > until) return false;
    pending.shift();
    now = next.at;
    next.run();
    return true;
  };
  return {
    now: () => now,
    setTimer(run, ms) {
      const entry = { at: now + ms, run };
      pending.push(entry);
      return { cancel: () => (pending = pending.filter((other) => other !== entry)) };
    },
    advance(ms) {
      const until = now + ms;
      while (runNextDue(until));
      now = until;
    },
    async advanceSettling(ms, settle) {
      const until = now + ms;
      while (runNextDue(until)) await settle();
      now = until;
    },
    pendingTimers: () => pending.length,
  };
}
