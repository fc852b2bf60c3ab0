/**
 * When to start the kiosk's Chromium again after it exited or lost its page. A kiosk is never left
 * without its screen, so there is no last attempt. The first two restarts after a good run are at
 * once: a renderer crash must be back at the attract screen within seconds, the second crash in a
 * row too (Electron 3–7 recovered from the first crash and not the second, electron#19209). Then
 * 1 s, 2 s, 4 s … up to 30 s while it keeps failing, so a Chromium that cannot start does not spin.
 * A run that lasted the stable period counts as good and starts the sequence over.
 */
export interface RestartScheduleOptions {
  readonly immediateRestarts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A run at least this long resets the sequence. */
  readonly stableMs: number;
}

export const DEFAULT_RESTART_SCHEDULE: RestartScheduleOptions = {
  immediateRestarts: 2,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableMs: 60_000,
};

export interface RestartSchedule {
  /**
   * Chromium's run that began at `startedAt` ended at `endedAt`: how long to wait before the next
   * start, and which restart in a row it is (1 = the first after a good run).
   */
  next(startedAt: number, endedAt: number): { delayMs: number; inARow: number };
}

export function createRestartSchedule(options: RestartScheduleOptions = DEFAULT_RESTART_SCHEDULE): RestartSchedule {
  let inARow = 0;
  return {
    next(startedAt, endedAt) {
      if (endedAt - startedAt >= options.stableMs) inARow = 0;
      inARow += 1;
      const backedOff = inARow - options.immediateRestarts;
      const delayMs = backedOff <= 0 ? 0 : Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (backedOff - 1));
      return { delayMs, inARow };
    },
  };
}
