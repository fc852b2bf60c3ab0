import type Database from 'better-sqlite3';
import {
  appendTimeline,
  findAlarmByEpisode,
  storeAcknowledged,
  storeFlappingEnded,
  storeFlappingStarted,
  storeRaisedAlarm,
  storeRecovered,
  type AlarmEpisodeKey,
} from '../store/fleet-alarms';
import type { Notice } from './alarms';

/**
 * Turns the engine's notices into alarm rows and timeline lines. An alarm row is keyed by kiosk,
 * rule and raise time, so a notice delivered twice (two platform instances, a retried tick)
 * changes the row once, and only the change that took adds its timeline line.
 */
export function deliverNotices(db: Database.Database, notices: readonly Notice[]): void {
  for (const notice of notices) deliver(db, notice);
}

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

function deliver(db: Database.Database, notice: Notice): void {
  if (notice.kind === 'status-changed') {
    appendTimeline(db, notice.kioskId, { kind: 'state', at: iso(notice.at), from: notice.from, to: notice.to });
    return;
  }
  const key: AlarmEpisodeKey = { terminalId: notice.kioskId, rule: notice.ruleId, raisedAt: iso(notice.raisedAt) };
  const at = iso(notice.at);
  let change: 'raised' | 'recovered' | 'flappingStarted' | 'flappingEnded' | 'acknowledged';
  let took: boolean;
  let by: string | null = null;
  switch (notice.kind) {
    case 'raised':
      change = 'raised';
      took = storeRaisedAlarm(db, key, notice.severity, null);
      break;
    case 'recovered':
      change = 'recovered';
      took = storeRecovered(db, key, at);
      break;
    case 'flapping-started':
      change = 'flappingStarted';
      took = storeFlappingStarted(db, key, notice.severity, notice.changes);
      break;
    case 'flapping-ended':
      change = 'flappingEnded';
      took = storeFlappingEnded(db, key, notice.stillActive, at);
      break;
    case 'acknowledged':
      change = 'acknowledged';
      by = notice.by;
      took = storeAcknowledged(db, key, { by: notice.by, at, note: notice.note ?? null });
      break;
  }
  if (!took) return;
  const alarm = findAlarmByEpisode(db, key);
  if (!alarm) return;
  appendTimeline(db, notice.kioskId, { kind: 'alarm', at, change, alarmId: alarm.alarmId, rule: notice.ruleId, by });
}
