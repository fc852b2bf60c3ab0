import { FaultSettings, FaultSettingsPatch, type FaultCounters, type FaultState } from '../../contract/admin';
import { SeededRandom } from './seeded-random';

/**
 * Run-time fault injection for the reference platform. Tests hold this object (or use
 * `PUT /_admin/faults`) to make the platform slow, flaky, unreachable, or to drop answers after
 * committing. Only `/api/v1` traffic is affected, so the admin endpoint always answers.
 *
 * Where each fault acts:
 * - errorRate: before authentication, as an overloaded server would (nothing is processed);
 * - latency: after the idempotency key is claimed, so a retry during the delay sees 409;
 * - outage and dropAfterCommitRate: at the socket, in the Node server (start.ts).
 */

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  latencyJitterMs: 0,
  errorRate: 0,
  retryAfterSeconds: 1,
  outage: false,
  dropAfterCommitRate: 0,
};

const ZERO_COUNTERS: FaultCounters = { delayed: 0, failed: 0, refused: 0, dropped: 0 };

export class FaultController {
  private current: FaultSettings;
  private seedValue: number;
  private random: SeededRandom;
  private counts: FaultCounters = { ...ZERO_COUNTERS };

  constructor(options: { readonly seed?: number; readonly settings?: Partial<FaultSettings> } = {}) {
    this.seedValue = (options.seed ?? 1) >>> 0;
    this.random = new SeededRandom(this.seedValue);
    this.current = FaultSettings.parse({ ...NO_FAULTS, ...options.settings });
  }

  settings(): FaultSettings {
    return { ...this.current };
  }

  state(): FaultState {
    return { settings: this.settings(), seed: this.seedValue, counters: { ...this.counts } };
  }

  /**
   * Applies a patch: `reset` first (all faults off, counters zero), then `seed`, then the fields.
   * Throws on an invalid patch: callers outside tests (the admin route) validate first.
   */
  update(patch: FaultSettingsPatch): FaultState {
    const { reset, seed, ...fields } = FaultSettingsPatch.parse(patch);
    if (reset) this.reset();
    if (seed !== undefined) this.reseed(seed);
    this.current = FaultSettings.parse({ ...this.current, ...fields });
    return this.state();
  }

  /** Every fault off and counters back to zero; the random sequence restarts from the seed. */
  reset(): void {
    this.current = { ...NO_FAULTS };
    this.counts = { ...ZERO_COUNTERS };
    this.random = new SeededRandom(this.seedValue);
  }

  reseed(seed: number): void {
    this.seedValue = seed >>> 0;
    this.random = new SeededRandom(this.seedValue);
  }

  /** Decides whether this request gets an injected 503; counts it. */
  decideFailure(): boolean {
    const fail = this.draw(this.current.errorRate);
    if (fail) this.counts.failed += 1;
    return fail;
  }

  /** Milliseconds to hold this request: latency plus a uniform share of the jitter. */
  delayMs(): number {
    const { latencyMs, latencyJitterMs } = this.current;
    const jitter = latencyJitterMs > 0 ? Math.floor(this.random.next() * (latencyJitterMs + 1)) : 0;
    const total = latencyMs + jitter;
    if (total > 0) this.counts.delayed += 1;
    return total;
  }

  /** True while the outage is on; counts each refused connection. */
  refuseConnection(): boolean {
    if (this.current.outage) this.counts.refused += 1;
    return this.current.outage;
  }

  /** Decides whether the answer to this (already committed) request is dropped; counts it. */
  decideDrop(): boolean {
    const drop = this.draw(this.current.dropAfterCommitRate);
    if (drop) this.counts.dropped += 1;
    return drop;
  }

  retryAfterSeconds(): number {
    return this.current.retryAfterSeconds;
  }

  /** Rates of exactly 0 and 1 draw nothing, so switching a fault fully on or off keeps the sequence. */
  private draw(rate: number): boolean {
    if (rate <= 0) return false;
    if (rate >= 1) return true;
    return this.random.next() < rate;
  }
}
