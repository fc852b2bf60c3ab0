import type { Timers } from '../timers';

/**
 * A fake clock for the fleet loops: `advance(ms)` moves time on and runs what fell due, in order,
 * letting the promises each run started settle in between.
 */
export function fakeTimers(start: Date) {
  let nowMs = start.getTime();
  let seq = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    after(ms, run) {
      const id = (seq += 1);
      pending.set(id, { at: nowMs + Math.max(0, ms), run });
      return () => pending.delete(id);
    },
  };
  const settle = async () => {
    for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
  };
  return {
    timers,
    now: () => new Date(nowMs),
    /** Delays of what is scheduled now, from now. */
    scheduled: () => [...pending.values()].map((entry) => entry.at - nowMs).sort((a, b) => a - b),
    async advance(ms: number) {
      const until = nowMs + ms;
      await settle();
      for (;;) {
        const next = [...pending.entries()].sort(([, a], [, b]) => a.at - b.at)[0];
        if (!next || next[1].at > until) break;
        pending.delete(next[0]);
        nowMs = next[1].at;
        next[1].run();
        await settle();
      }
      nowMs = until;
    },
    settle,
  };
}
