/**
 * The one clock seam of the fleet loops: they schedule through this, so tests drive them with a
 * fake clock (core/fleet/testing/fake-timers.ts) instead of waiting.
 */
export interface Timers {
  /** Calls `run` after `ms`; the returned function cancels it. */
  after(ms: number, run: () => void): () => void;
}

export const realTimers: Timers = {
  after(ms, run) {
    const timer = setTimeout(run, ms);
    // A pending heartbeat or inspection never keeps the process alive on its own.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
