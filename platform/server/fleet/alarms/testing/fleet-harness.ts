import { DEFAULT_ALARM_CONFIG, type AlarmConfig } from '../config';
import { evaluate } from '../engine';
import type { HealthSummary } from '../facts';
import type { Notice } from '../notices';
import { emptyFleetState, type FleetState } from '../state';

/**
 * Drives the engine the way the platform will, with a fake clock: tests move time by hand and
 * read the notices each step produced. Nothing here decides anything; it only calls evaluate.
 */

export const T0 = Date.parse('2026-03-02T08:00:00+08:00');
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function healthy(overrides: Partial<HealthSummary> = {}): HealthSummary {
  return {
    devices: [
      { device: 'printer', status: 'online', action: 'none' },
      { device: 'idCardReader', status: 'online', action: 'none' },
    ],
    paperDaysLeft: 10,
    outbox: { depth: 0, oldestAgeSeconds: null },
    catalogAgeSeconds: 3600,
    ...overrides,
  };
}

export class FleetHarness {
  state: FleetState = emptyFleetState();
  now: number;
  /** Every notice since the harness was made, in order. */
  readonly all: Notice[] = [];

  constructor(
    readonly config: AlarmConfig = DEFAULT_ALARM_CONFIG,
    start: number = T0,
  ) {
    this.now = start;
  }

  /** Moves the fake clock forward (never back). */
  advance(ms: number): this {
    this.now += ms;
    return this;
  }

  heartbeat(kioskId: string, health: HealthSummary = healthy(), intervalSeconds?: number): Notice[] {
    return this.run({ kind: 'heartbeat', kioskId, health, ...(intervalSeconds ? { intervalSeconds } : {}) });
  }

  tick(): Notice[] {
    return this.run({ kind: 'tick' });
  }

  /** Heartbeats every `intervalSeconds` for `durationMs` (the first one now), ticking between them. */
  steady(kioskId: string, durationMs: number, intervalSeconds = 60, health: HealthSummary = healthy()): Notice[] {
    const notices: Notice[] = [];
    const end = this.now + durationMs;
    while (this.now < end) {
      notices.push(...this.heartbeat(kioskId, health, intervalSeconds));
      this.advance(intervalSeconds * SECOND);
      notices.push(...this.tick());
    }
    return notices;
  }

  /** Ticks every `stepMs` for `durationMs` with no heartbeat. */
  silence(durationMs: number, stepMs = 10 * SECOND): Notice[] {
    const notices: Notice[] = [];
    const end = this.now + durationMs;
    while (this.now < end) {
      this.advance(Math.min(stepMs, end - this.now));
      notices.push(...this.tick());
    }
    return notices;
  }

  private run(fact: unknown): Notice[] {
    const result = evaluate(this.state, fact, new Date(this.now), this.config);
    if (!result.ok) throw new Error(`the engine refused a test fact: ${JSON.stringify(result.error)}`);
    this.state = result.value.state;
    this.all.push(...result.value.notices);
    return [...result.value.notices];
  }
}

/** Alarm notices only (no status changes), as `kind ruleId` strings: easy to compare in order. */
export function alarmLines(notices: readonly Notice[]): string[] {
  return notices.flatMap((notice) => (notice.kind === 'status-changed' ? [] : [`${notice.kind} ${notice.ruleId}`]));
}

export function statusLines(notices: readonly Notice[]): string[] {
  return notices.flatMap((notice) => (notice.kind === 'status-changed' ? [`${notice.from ?? '-'}→${notice.to}`] : []));
}
