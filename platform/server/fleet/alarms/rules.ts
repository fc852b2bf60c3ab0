import type { AlarmConfig } from './config';
import type { HealthSummary } from './facts';

/**
 * The alarm rules. Silence rules (offline, missing) are decided by time passing without a
 * heartbeat; health rules by the summary each heartbeat carries. A device fault is one rule per
 * device, so a printer out of paper and a broken card reader are two alarms, cleared separately.
 */

export type SilenceRuleId = 'offline' | 'missing';
export type FixedHealthRuleId = 'paper-low' | 'outbox-backlog' | 'catalog-stale';
export type DeviceFaultRuleId = `device-fault:${string}`;
export type HealthRuleId = FixedHealthRuleId | DeviceFaultRuleId;
export type RuleId = SilenceRuleId | HealthRuleId;

export type Severity = 'critical' | 'major' | 'minor';

/** Stable for a kiosk and a rule across raises, instances and restarts. */
export type AlarmKey = `${string}/${RuleId}`;

export function alarmKey(kioskId: string, ruleId: RuleId): AlarmKey {
  return `${kioskId}/${ruleId}`;
}

export function isSilenceRule(ruleId: RuleId): ruleId is SilenceRuleId {
  return ruleId === 'offline' || ruleId === 'missing';
}

export function deviceFaultRule(device: string): DeviceFaultRuleId {
  return `device-fault:${device}`;
}

/**
 * Missing outranks offline (nobody has seen the kiosk for a week); residents cannot use a kiosk
 * that is offline (its submissions queue up) or whose device is broken; paper low and a stale
 * catalog warn ahead of a failure. An outbox backlog means residents' applications are not
 * reaching the departments: major.
 */
export function severityOf(ruleId: RuleId): Severity {
  if (ruleId === 'missing') return 'critical';
  if (ruleId === 'offline' || ruleId === 'outbox-backlog') return 'major';
  if (ruleId === 'paper-low' || ruleId === 'catalog-stale') return 'minor';
  return 'major';
}

/** Which health rules hold for a summary; a rule absent from the map does not hold. */
export function activeHealthRules(health: HealthSummary, config: AlarmConfig): Set<HealthRuleId> {
  const active = new Set<HealthRuleId>();
  for (const device of health.devices) if (device.action !== 'none') active.add(deviceFaultRule(device.device));
  if (health.paperDaysLeft !== null && health.paperDaysLeft < config.paperLowBelowDays) active.add('paper-low');
  const oldest = health.outbox.oldestAgeSeconds;
  if (
    health.outbox.depth > config.outboxBacklogAboveItems ||
    (oldest !== null && oldest > config.outboxBacklogOldestAboveMinutes * 60)
  ) {
    active.add('outbox-backlog');
  }
  // Never having had a catalog is the stalest catalog there is: the kiosk can serve no matter.
  const catalogAge = health.catalogAgeSeconds;
  if (catalogAge === null || catalogAge > config.catalogStaleAfterHours * 3600) active.add('catalog-stale');
  return active;
}
