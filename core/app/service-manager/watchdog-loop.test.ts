import { describe, expect, it } from 'vitest';
import type { LivenessPolicy } from './liveness-gate';
import { recordingServiceLog } from './test-log';
import { startWatchdogLoop } from './watchdog-loop';

const policy: LivenessPolicy = { startGraceMs: 10_000, reportWithinMs: 6_000, maxLoopBlockMs: 2_000 };

/** The loop with a hand-driven clock and interval: each tick() is one period later. */
function loop() {
  const log = recordingServiceLog();
  let now = 0;
  let lastReport: number | null = null;
  let loopBlock = 0;
  let pings = 0;
  let withheld = 0;
  let tick: (() => void) | null = null;
  let stopped = false;
  const handle = startWatchdogLoop({
    ping: () => {
      pings += 1;
      return Promise.resolve(true);
    },
    pingEveryMs: 1_000,
    policy,
    readyAt: 0,
    lastRendererReportAt: () => lastReport,
    takeLongestLoopBlockMs: () => {
      const taken = loopBlock;
      loopBlock = 0;
      return taken;
    },
    now: () => now,
    log,
    onWithheld: () => (withheld += 1),
    every: (ms, run) => {
      expect(ms).toBe(1_000);
      tick = run;
      return () => {
        stopped = true;
      };
    },
  });
  return {
    log,
    pings: () => pings,
    withheld: () => withheld,
    stopped: () => stopped,
    stop: () => handle.stop(),
    report: () => (lastReport = now),
    blockLoop: (ms: number) => (loopBlock = ms),
    advance(periods: number) {
      for (let i = 0; i < periods; i++) {
        now += 1_000;
        tick?.();
      }
    },
  };
}

describe('the watchdog loop', () => {
  it('pings through the grace, stops when no page came, logging why once, and resumes when one reports', () => {
    const l = loop();
    l.advance(10);
    expect(l.pings()).toBe(10);
    l.advance(5);
    expect(l.pings()).toBe(10);
    const refusals = l.log.lines.filter((line) => line.level === 'error');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]?.message).toMatch(/no kiosk page has reported alive .*not feeding the watchdog/);
    // Told once when withholding began (the run marker is stamped once), not at every tick.
    expect(l.withheld()).toBe(1);

    l.report();
    l.advance(1);
    expect(l.pings()).toBe(11);
    expect(l.log.lines.map((line) => line.message)).toEqual(
      expect.arrayContaining([
        'the kiosk page reported alive; the watchdog now follows its reports',
        'alive again: feeding the watchdog again',
      ]),
    );
  });

  it('stops pinging when the page goes quiet, and for one period after a blocked loop', () => {
    const l = loop();
    l.report();
    l.advance(6);
    expect(l.pings()).toBe(6);
    l.advance(3);
    expect(l.pings()).toBe(6);
    expect(l.log.lines.filter((line) => line.level === 'error').map((line) => line.fields['reason'])).toEqual([
      'rendererSilent',
    ]);

    l.report();
    l.blockLoop(2_500);
    l.advance(1);
    expect(l.pings()).toBe(6);
    l.report();
    l.advance(1);
    expect(l.pings()).toBe(7);
    expect(l.log.lines.filter((line) => line.level === 'error').map((line) => line.fields['reason'])).toEqual([
      'rendererSilent',
      'eventLoopBlocked',
    ]);
  });

  it('stops its interval when asked', () => {
    const l = loop();
    l.stop();
    expect(l.stopped()).toBe(true);
  });
});
