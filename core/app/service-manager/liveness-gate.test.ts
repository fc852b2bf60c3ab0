import { describe, expect, it } from 'vitest';
import { decideLiveness, type LivenessPolicy } from './liveness-gate';

const policy: LivenessPolicy = { startGraceMs: 120_000, reportWithinMs: 30_000, maxLoopBlockMs: 10_000 };
const READY = 1_000;
const at = (sinceReadyMs: number, lastReportSinceReadyMs: number | null, longestLoopBlockMs = 5) =>
  decideLiveness(policy, {
    now: READY + sinceReadyMs,
    readyAt: READY,
    lastRendererReportAt: lastReportSinceReadyMs === null ? null : READY + lastReportSinceReadyMs,
    longestLoopBlockMs,
  });

describe('the liveness gate', () => {
  it('feeds during the start grace while no page has reported yet, and not after it', () => {
    expect(at(0, null)).toEqual({ feed: true });
    expect(at(120_000, null)).toEqual({ feed: true });
    expect(at(120_001, null)).toMatchObject({ feed: false, reason: 'rendererNeverReported' });
  });

  it('after a first report, wants the next within the limit, grace or not', () => {
    expect(at(10_000, 5_000)).toEqual({ feed: true });
    expect(at(35_000, 5_000)).toEqual({ feed: true });
    // Still inside the start grace, but a page that reported and went quiet is frozen.
    const silent = at(35_001, 5_000);
    expect(silent).toMatchObject({ feed: false, reason: 'rendererSilent' });
    expect(silent.feed === false && silent.detail).toMatch(/30 s ago \(limit 30 s\)/);
    expect(at(500_000, 480_000)).toEqual({ feed: true });
  });

  it('does not feed when the event loop was blocked past the limit since the last decision', () => {
    expect(at(10_000, 9_000, 10_000)).toEqual({ feed: true });
    const blocked = at(10_000, 9_000, 12_345);
    expect(blocked).toMatchObject({ feed: false, reason: 'eventLoopBlocked' });
    expect(blocked.feed === false && blocked.detail).toMatch(/12345 ms/);
    // A blocked loop wins over a fresh report: the API answered nobody during the block.
    expect(at(0, null, 60_000)).toMatchObject({ feed: false, reason: 'eventLoopBlocked' });
  });
});
