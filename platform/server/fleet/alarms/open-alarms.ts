import { alarmKey, severityOf, type AlarmKey, type RuleId, type Severity } from './rules';
import { rulesOf, type Acknowledgement, type EpochMs, type FleetState } from './state';

/** One line of the console's alarm list. */
export interface OpenAlarm {
  readonly key: AlarmKey;
  readonly kioskId: string;
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly flapping: boolean;
  readonly raisedAt: EpochMs;
  readonly acknowledged: Acknowledgement | null;
}

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, major: 1, minor: 2 };

/** Every open alarm of the fleet: most severe first, then oldest first. */
export function openAlarms(state: FleetState): OpenAlarm[] {
  const alarms: OpenAlarm[] = [];
  for (const kiosk of Object.values(state.kiosks)) {
    for (const rule of rulesOf(kiosk)) {
      const alarm = rule.alarm;
      if (alarm.phase === 'quiet') continue;
      alarms.push({
        key: alarmKey(kiosk.kioskId, rule.ruleId),
        kioskId: kiosk.kioskId,
        ruleId: rule.ruleId,
        severity: severityOf(rule.ruleId),
        flapping: alarm.phase === 'flapping',
        raisedAt: alarm.raisedAt,
        acknowledged: alarm.acknowledged,
      });
    }
  }
  return alarms.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.raisedAt - b.raisedAt || (a.key < b.key ? -1 : 1),
  );
}
