import type { SqlQueries } from '../db/sql';
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
 * changes the row once, and only the change that took (its conditional write changed a row)
 * adds its timeline line. Call inside the transaction that stored the engine state the notices
 * came from (fleet-monitor.ts), so both commit or neither does.
 */
export async function deliverNotices(db: SqlQueries, notices: readonly Notice[]): Promise<void> {
  for (const notice of notices) await deliver(db, notice);
}

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

async function deliver(db: SqlQueries, notice: Notice): Promise<void> {
  if (notice.kind === 'status-changed') {
    await appendTimeline(db, notice.kioskId, { kind: 'state', at: iso(notice.at), from: notice.from, to: notice.to });
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
      took = await storeRaisedAlarm(db, key, notice.severity, null);
      break;
    case 'recovered':
      change = 'recovered';
      took = await storeRecovered(db, key, at);
      break;
    case 'flapping-started':
      change = 'flappingStarted';
      took = await storeFlappingStarted(db, key, notice.severity, notice.changes);
      break;
    case 'flapping-ended':
      change = 'flappingEnded';
      took = await storeFlappingEnded(db, key, notice.stillActive, at);
      break;
    case 'acknowledged':
      change = 'acknowledged';
      by = notice.by;
      took = await storeAcknowledged(db, key, { by: notice.by, at, note: notice.note ?? null });
      break;
  }
  if (!took) return;
  const alarm = await findAlarmByEpisode(db, key);
  if (!alarm) return;
  await appendTimeline(db, notice.kioskId, {
    kind: 'alarm',
    at,
    change,
    alarmId: alarm.alarmId,
    rule: notice.ruleId,
    by,
  });
}
