import { describe, expect, it } from 'vitest';
import { FaultController } from './fault-controller';

const decisions = (faults: FaultController, count: number) =>
  Array.from({ length: count }, () => faults.decideFailure());

describe('FaultController', () => {
  it('starts with every fault off', () => {
    const faults = new FaultController();
    expect(faults.settings()).toMatchObject({ latencyMs: 0, errorRate: 0, outage: false, dropAfterCommitRate: 0 });
    expect(decisions(faults, 100).some(Boolean)).toBe(false);
    expect(faults.delayMs()).toBe(0);
    expect(faults.refuseConnection()).toBe(false);
    expect(faults.decideDrop()).toBe(false);
  });

  it('repeats the same decisions for the same seed, and different ones for another seed', () => {
    const a = new FaultController({ seed: 7, settings: { errorRate: 0.5 } });
    const b = new FaultController({ seed: 7, settings: { errorRate: 0.5 } });
    const c = new FaultController({ seed: 8, settings: { errorRate: 0.5 } });
    const sequence = decisions(a, 64);
    expect(decisions(b, 64)).toEqual(sequence);
    expect(decisions(c, 64)).not.toEqual(sequence);
  });

  it('fails about the configured share of requests', () => {
    for (const rate of [0.1, 0.3, 0.75]) {
      const faults = new FaultController({ seed: 2024, settings: { errorRate: rate } });
      const share = decisions(faults, 4000).filter(Boolean).length / 4000;
      expect(share, `rate ${rate}`).toBeGreaterThan(rate - 0.03);
      expect(share, `rate ${rate}`).toBeLessThan(rate + 0.03);
      expect(faults.state().counters.failed).toBe(Math.round(share * 4000));
    }
  });

  it('always fails at rate 1 and drops every answer at drop rate 1', () => {
    const faults = new FaultController({ settings: { errorRate: 1, dropAfterCommitRate: 1 } });
    expect(decisions(faults, 20).every(Boolean)).toBe(true);
    expect(faults.decideDrop()).toBe(true);
    expect(faults.state().counters).toMatchObject({ failed: 20, dropped: 1 });
  });

  it('adds latency plus a jitter share inside [latency, latency + jitter]', () => {
    const faults = new FaultController({ seed: 3, settings: { latencyMs: 100, latencyJitterMs: 50 } });
    const delays = Array.from({ length: 200 }, () => faults.delayMs());
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...delays)).toBeLessThanOrEqual(150);
    expect(new Set(delays).size).toBeGreaterThan(10);
  });

  it('applies a patch: reset first, then seed, then fields; refuses invalid values', () => {
    const faults = new FaultController({ settings: { errorRate: 1, latencyMs: 10 } });
    faults.decideFailure();
    const state = faults.update({ reset: true, seed: 99, outage: true });
    expect(state.settings).toMatchObject({ errorRate: 0, latencyMs: 0, outage: true });
    expect(state.seed).toBe(99);
    expect(state.counters.failed).toBe(0);
    expect(() => faults.update({ errorRate: 2 })).toThrow();
    expect(faults.settings().errorRate).toBe(0);
  });

  it('restarts the random sequence on reset', () => {
    const faults = new FaultController({ seed: 5, settings: { errorRate: 0.5 } });
    const first = decisions(faults, 32);
    faults.update({ reset: true, errorRate: 0.5 });
    expect(decisions(faults, 32)).toEqual(first);
  });
});
