import type { Notice } from './notices';
import { isSilenceRule, type HealthRuleId, type RuleId } from './rules';
import { rulesOf, type EpochMs, type KioskRecord, type KioskState, type KioskStatus } from './state';

/**
 * The kiosk's state from its rules' conditions (not from its alarms: a flapping alarm does not
 * hide that the kiosk is offline right now). Missing outranks offline, which outranks degraded.
 */
export function classify(kiosk: KioskRecord, since: EpochMs): KioskState {
  const holds = (ruleId: RuleId) => kiosk.rules[ruleId]?.active === true;
  if (holds('missing')) return { status: 'missing', since, lastHeartbeatAt: kiosk.lastHeartbeatAt };
  if (holds('offline')) return { status: 'offline', since, lastHeartbeatAt: kiosk.lastHeartbeatAt };
  const reasons = rulesOf(kiosk)
    .filter((rule) => rule.active && !isSilenceRule(rule.ruleId))
    .map((rule) => rule.ruleId as HealthRuleId)
    .sort();
  if (reasons.length > 0) return { status: 'degraded', since, reasons };
  return { status: 'online', since };
}

/** Re-classifies after the changes made at `at`; records and announces a change of status. */
export function updateState(kiosk: KioskRecord, at: EpochMs, notices: Notice[]): void {
  const next = classify(kiosk, at);
  const previous: KioskStatus = kiosk.state.status;
  if (next.status === previous) {
    // Same status, maybe other reasons: keep when it started.
    kiosk.state = { ...next, since: kiosk.state.since };
    return;
  }
  kiosk.state = next;
  kiosk.history.statusChanges.push({ at, status: next.status });
  notices.push({ kind: 'status-changed', kioskId: kiosk.kioskId, at, from: previous, to: next.status });
}
