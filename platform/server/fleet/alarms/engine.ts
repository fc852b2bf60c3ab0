import { err, ok, type Result } from '../../../../core/pure/result';
import { endFlapping, flappingEndsAt, setCondition } from './alarm-transitions';
import { classify, updateState } from './classify';
import type { AlarmConfig } from './config';
import { Fact, type HeartbeatFact } from './facts';
import type { Notice } from './notices';
import { activeHealthRules, isSilenceRule, type SilenceRuleId } from './rules';
import { silenceDeadline } from './silence';
import { rulesOf, type EpochMs, type FleetState, type KioskRecord, type RuleRecord } from './state';

/**
 * The fleet alarm engine: a pure function from (state, fact, now) to the next state and what to
 * tell people. It never reads a clock; `now` is injected, and everything time-driven (a kiosk
 * falling silent, a flapping rule going still) is worked out at its exact deadline, so the
 * result does not depend on how often the platform ticks.
 */

/** Platform instances sharing the state may disagree about the time by this much. */
export const CLOCK_SKEW_TOLERANCE_MS = 5_000;

export type EngineError =
  | { readonly code: 'invalidFact'; readonly problems: readonly string[] }
  | { readonly code: 'clockWentBack'; readonly now: EpochMs; readonly evaluatedAt: EpochMs };

export interface Evaluation {
  readonly state: FleetState;
  readonly notices: readonly Notice[];
}

export function evaluate(
  state: FleetState,
  fact: unknown,
  now: Date,
  config: AlarmConfig,
): Result<Evaluation, EngineError> {
  const parsed = Fact.safeParse(fact);
  if (!parsed.success) {
    return err({
      code: 'invalidFact',
      problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'fact'}: ${issue.message}`),
    });
  }
  const nowMs = now.getTime();
  if (nowMs < state.evaluatedAt - CLOCK_SKEW_TOLERANCE_MS) {
    return err({ code: 'clockWentBack', now: nowMs, evaluatedAt: state.evaluatedAt });
  }
  // Within the tolerance, a late-comer is treated as happening at the latest time already seen.
  const at = Math.max(nowMs, state.evaluatedAt);
  const next = structuredClone(state);
  const notices: Notice[] = [];
  for (const kioskId of Object.keys(next.kiosks).sort()) {
    const kiosk = next.kiosks[kioskId];
    if (kiosk) advance(kiosk, at, config, notices);
  }
  if (parsed.data.kind === 'heartbeat') applyHeartbeat(next, parsed.data, at, config, notices);
  next.evaluatedAt = at;
  return ok({ state: next, notices });
}

/** The earliest time at which a tick would change something; null when nothing is pending. */
export function nextDeadline(state: FleetState, config: AlarmConfig): EpochMs | null {
  let earliest: EpochMs | null = null;
  for (const kiosk of Object.values(state.kiosks)) {
    const due = nextDue(kiosk, config);
    if (due && (earliest === null || due.at < earliest)) earliest = due.at;
  }
  return earliest;
}

type Due = { at: EpochMs; silence: SilenceRuleId } | { at: EpochMs; flapping: RuleRecord };

function nextDue(kiosk: KioskRecord, config: AlarmConfig): Due | null {
  let due: Due | null = null;
  for (const silence of ['offline', 'missing'] as const) {
    if (kiosk.rules[silence]?.active) continue;
    const at = silenceDeadline(kiosk, silence, config);
    if (!due || at < due.at) due = { at, silence };
  }
  for (const rule of rulesOf(kiosk)) {
    const at = flappingEndsAt(rule, config);
    if (at !== null && (!due || at < due.at)) due = { at, flapping: rule };
  }
  return due;
}

/** Plays every time-driven change of the kiosk up to `until`, in order, each at its own time. */
function advance(kiosk: KioskRecord, until: EpochMs, config: AlarmConfig, notices: Notice[]): void {
  for (let due = nextDue(kiosk, config); due && due.at <= until; due = nextDue(kiosk, config)) {
    if ('silence' in due) setCondition(kiosk, due.silence, true, due.at, config, notices);
    else endFlapping(kiosk, due.flapping, due.at, notices);
    updateState(kiosk, due.at, notices);
  }
}

function applyHeartbeat(
  fleet: FleetState,
  fact: HeartbeatFact,
  at: EpochMs,
  config: AlarmConfig,
  notices: Notice[],
): void {
  const intervalSeconds = fact.intervalSeconds ?? config.defaultHeartbeatIntervalSeconds;
  const known = fleet.kiosks[fact.kioskId];
  const kiosk: KioskRecord = known ?? {
    kioskId: fact.kioskId,
    intervalSeconds,
    lastHeartbeatAt: at,
    health: fact.health,
    state: { status: 'online', since: at },
    rules: {},
    history: { statusChanges: [], episodes: [] },
  };
  fleet.kiosks[fact.kioskId] = kiosk;
  kiosk.intervalSeconds = intervalSeconds;
  kiosk.lastHeartbeatAt = at;
  kiosk.health = fact.health;
  setCondition(kiosk, 'offline', false, at, config, notices);
  setCondition(kiosk, 'missing', false, at, config, notices);
  const active = activeHealthRules(fact.health, config);
  for (const rule of rulesOf(kiosk)) {
    if (!isSilenceRule(rule.ruleId)) setCondition(kiosk, rule.ruleId, active.has(rule.ruleId), at, config, notices);
  }
  for (const ruleId of [...active].sort()) setCondition(kiosk, ruleId, true, at, config, notices);
  if (known) {
    updateState(kiosk, at, notices);
  } else {
    kiosk.state = classify(kiosk, at);
    kiosk.history.statusChanges.push({ at, status: kiosk.state.status });
    notices.push({ kind: 'status-changed', kioskId: kiosk.kioskId, at, from: null, to: kiosk.state.status });
  }
}
