import type { HealthSummary } from './facts';
import type { HealthRuleId, RuleId } from './rules';

/**
 * The engine's whole memory: plain JSON (numbers, strings, arrays, records), so the platform can
 * store it in its database and several platform instances can share it. Times are epoch
 * milliseconds.
 */

export type EpochMs = number;

export type KioskStatus = 'online' | 'degraded' | 'offline' | 'missing';

/** The classification of a kiosk, with what the console shows beside it. */
export type KioskState =
  | { readonly status: 'online'; readonly since: EpochMs }
  | { readonly status: 'degraded'; readonly since: EpochMs; readonly reasons: readonly HealthRuleId[] }
  | { readonly status: 'offline'; readonly since: EpochMs; readonly lastHeartbeatAt: EpochMs }
  | { readonly status: 'missing'; readonly since: EpochMs; readonly lastHeartbeatAt: EpochMs };

export interface Acknowledgement {
  readonly by: string;
  readonly at: EpochMs;
  readonly note?: string;
}

/**
 * One alarm of a kiosk and rule. `flapping`: the rule changed too often; its raises and clears are
 * collapsed into this one alarm until the rule has been still for the flapping window.
 */
export type AlarmPhase =
  | { readonly phase: 'quiet' }
  | { readonly phase: 'open'; readonly raisedAt: EpochMs; readonly acknowledged: Acknowledgement | null }
  | {
      readonly phase: 'flapping';
      readonly raisedAt: EpochMs;
      readonly flappingSince: EpochMs;
      readonly acknowledged: Acknowledgement | null;
    };

export interface RuleRecord {
  readonly ruleId: RuleId;
  /** Whether the rule's condition holds now. */
  active: boolean;
  /** When the condition last started or ended. */
  lastChangeAt: EpochMs;
  /** Start and end times of the condition within the flapping window, oldest first. */
  changes: EpochMs[];
  alarm: AlarmPhase;
}

/** A closed alarm, kept for the monthly MTTR. */
export interface AlarmEpisode {
  readonly ruleId: RuleId;
  readonly raisedAt: EpochMs;
  /** When the condition ended (for a flapping alarm: its last end, not when we declared it still). */
  readonly clearedAt: EpochMs;
}

export interface StatusChange {
  readonly at: EpochMs;
  readonly status: KioskStatus;
}

/** What the monthly report reads; pruned with pruneHistory. */
export interface KioskHistory {
  /** Oldest first; the first entry is when the kiosk was first seen. */
  statusChanges: StatusChange[];
  episodes: AlarmEpisode[];
}

export interface KioskRecord {
  readonly kioskId: string;
  intervalSeconds: number;
  lastHeartbeatAt: EpochMs;
  health: HealthSummary;
  state: KioskState;
  /** Every rule that has ever held for this kiosk (and the silence rules), by rule id. */
  rules: Partial<Record<RuleId, RuleRecord>>;
  history: KioskHistory;
}

export interface FleetState {
  readonly version: 1;
  /** The latest `now` the engine has been given; time never runs backwards past it. */
  evaluatedAt: EpochMs;
  kiosks: Record<string, KioskRecord>;
}

export function emptyFleetState(): FleetState {
  return { version: 1, evaluatedAt: 0, kiosks: {} };
}

/** The kiosk's rule records, in a fixed order (by rule id) so notices come out the same everywhere. */
export function rulesOf(kiosk: KioskRecord): RuleRecord[] {
  return Object.values(kiosk.rules)
    .filter((rule): rule is RuleRecord => rule !== undefined)
    .sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
