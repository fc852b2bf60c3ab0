import { describe, expect, it } from 'vitest';
import { createRestartSchedule } from './restart-schedule';

describe('createRestartSchedule', () => {
  it('restarts at once twice after a good run, then backs off 1 s, 2 s, 4 s … to a 30 s cap, for ever', () => {
    const schedule = createRestartSchedule();
    const delays: number[] = [];
    // Each run fails one second after it started.
    for (let run = 0; run < 10; run += 1) delays.push(schedule.next(run * 1000, run * 1000 + 1000).delayMs);
    expect(delays).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('counts the restarts in a row and starts over after a run that lasted the stable period', () => {
    const schedule = createRestartSchedule();
    expect(schedule.next(0, 5_000)).toEqual({ delayMs: 0, inARow: 1 });
    expect(schedule.next(5_000, 10_000)).toEqual({ delayMs: 0, inARow: 2 });
    expect(schedule.next(10_000, 12_000)).toEqual({ delayMs: 1_000, inARow: 3 });
    expect(schedule.next(13_000, 14_000)).toEqual({ delayMs: 2_000, inARow: 4 });
    // Up for a minute: the next failure is a first one again.
    expect(schedule.next(16_000, 76_000)).toEqual({ delayMs: 0, inARow: 1 });
    expect(schedule.next(76_000, 77_000)).toEqual({ delayMs: 0, inARow: 2 });
    expect(schedule.next(77_000, 78_000)).toEqual({ delayMs: 1_000, inARow: 3 });
  });
});
