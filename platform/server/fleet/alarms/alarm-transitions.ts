import type { AlarmConfig } from './config';
import type { Notice } from './notices';
import { alarmKey, severityOf, type RuleId } from './rules';
import type { EpochMs, KioskRecord, RuleRecord } from './state';

/**
 * What a rule's condition starting or ending does to its alarm: raise once, recover once, or,
 * when the rule changes too often, collapse everything into one flapping alarm (the way Nagios
 * and Zabbix stop notifying a flapping check) until the rule has been still for the window.
 * These functions mutate the record they are given; the engine hands them a private copy.
 */

function flappingWindowMs(config: AlarmConfig): number {
  return config.flapping.withinMinutes * 60_000;
}

export function ruleRecord(kiosk: KioskRecord, ruleId: RuleId, at: EpochMs): RuleRecord {
  let record = kiosk.rules[ruleId];
  if (!record) {
    record = { ruleId, active: false, lastChangeAt: at, changes: [], alarm: { phase: 'quiet' } };
    kiosk.rules[ruleId] = record;
  }
  return record;
}

function base(kiosk: KioskRecord, ruleId: RuleId, at: EpochMs, raisedAt: EpochMs) {
  return {
    key: alarmKey(kiosk.kioskId, ruleId),
    kioskId: kiosk.kioskId,
    ruleId,
    severity: severityOf(ruleId),
    at,
    raisedAt,
  };
}

/** Sets a rule's condition at `at`; a condition that does not change does nothing at all. */
export function setCondition(
  kiosk: KioskRecord,
  ruleId: RuleId,
  active: boolean,
  at: EpochMs,
  config: AlarmConfig,
  notices: Notice[],
): void {
  const rule = ruleRecord(kiosk, ruleId, at);
  if (rule.active === active) return;
  rule.active = active;
  rule.lastChangeAt = at;
  const windowStart = at - flappingWindowMs(config);
  rule.changes = [...rule.changes.filter((change) => change > windowStart), at];

  const alarm = rule.alarm;
  if (alarm.phase === 'flapping') return; // collapsed: the flapping alarm already says it all
  if (rule.changes.length > config.flapping.moreThanChanges) {
    const raisedAt = alarm.phase === 'open' ? alarm.raisedAt : at;
    const acknowledged = alarm.phase === 'open' ? alarm.acknowledged : null;
    rule.alarm = { phase: 'flapping', raisedAt, flappingSince: at, acknowledged };
    notices.push({ ...base(kiosk, ruleId, at, raisedAt), kind: 'flapping-started', changes: rule.changes.length });
    return;
  }
  if (active && alarm.phase === 'quiet') {
    rule.alarm = { phase: 'open', raisedAt: at, acknowledged: null };
    notices.push({ ...base(kiosk, ruleId, at, at), kind: 'raised' });
  } else if (!active && alarm.phase === 'open') {
    rule.alarm = { phase: 'quiet' };
    kiosk.history.episodes.push({ ruleId, raisedAt: alarm.raisedAt, clearedAt: at });
    notices.push({ ...base(kiosk, ruleId, at, alarm.raisedAt), kind: 'recovered' });
  }
}

/** When a flapping alarm of this rule ends if nothing changes, or null when it is not flapping. */
export function flappingEndsAt(rule: RuleRecord, config: AlarmConfig): EpochMs | null {
  return rule.alarm.phase === 'flapping' ? rule.lastChangeAt + flappingWindowMs(config) : null;
}

/** Ends a flapping alarm whose rule has been still for the window (call at its flappingEndsAt). */
export function endFlapping(kiosk: KioskRecord, rule: RuleRecord, at: EpochMs, notices: Notice[]): void {
  const alarm = rule.alarm;
  if (alarm.phase !== 'flapping') return;
  rule.changes = [];
  const notice = { ...base(kiosk, rule.ruleId, at, alarm.raisedAt), kind: 'flapping-ended' as const };
  if (rule.active) {
    rule.alarm = { phase: 'open', raisedAt: alarm.raisedAt, acknowledged: alarm.acknowledged };
    notices.push({ ...notice, stillActive: true });
  } else {
    rule.alarm = { phase: 'quiet' };
    kiosk.history.episodes.push({ ruleId: rule.ruleId, raisedAt: alarm.raisedAt, clearedAt: rule.lastChangeAt });
    notices.push({ ...notice, stillActive: false });
  }
}
