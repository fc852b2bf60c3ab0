import type Database from 'better-sqlite3';
import type { AlarmView, TimelineEntry } from '../../contract/console/fleet-views';
import type { Severity } from '../fleet/alarms';

/**
 * Alarms as rows (`ALM-<n>`), one per kiosk, rule and raise time: the engine names an alarm
 * episode by its key and raise time, so whichever platform instance notices it first stores it
 * and every later copy of the same notice changes nothing. The kiosk timeline keeps what the
 * console shows beside the kiosk's own events: alarm changes, state changes, commands.
 */

interface Row {
  id: number;
  terminal_id: string;
  station_id: string | null;
  rule: string;
  severity: Severity;
  raised_at: string;
  recovered_at: string | null;
  flapping: number;
  flapping_changes: number | null;
  ack_by: string | null;
  ack_at: string | null;
  ack_note: string | null;
}

export interface AlarmEpisodeKey {
  readonly terminalId: string;
  readonly rule: string;
  readonly raisedAt: string;
}

export const alarmIdOf = (id: number): string => `ALM-${id}`;

export function alarmNumber(id: string): number | undefined {
  const match = /^ALM-([0-9]{1,15})$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

function view(row: Row): AlarmView {
  return {
    alarmId: alarmIdOf(row.id),
    terminalId: row.terminal_id,
    // Alarms exist only for registered terminals (the engine hears of a kiosk by its heartbeat).
    stationId: row.station_id ?? 'unknown',
    rule: row.rule,
    severity: row.severity,
    raisedAt: row.raised_at,
    recoveredAt: row.recovered_at,
    flapping: row.flapping === 1,
    flappingChanges: row.flapping_changes,
    acknowledged:
      row.ack_by !== null && row.ack_at !== null ? { by: row.ack_by, at: row.ack_at, note: row.ack_note } : null,
  };
}

const SELECT = `SELECT a.*, t.station_id FROM fleet_alarms a LEFT JOIN terminals t ON t.terminal_id = a.terminal_id`;

const WHERE_EPISODE = 'terminal_id = ? AND rule = ? AND raised_at = ?';
const episodeArgs = (key: AlarmEpisodeKey) => [key.terminalId, key.rule, key.raisedAt] as const;

export function findAlarmByEpisode(db: Database.Database, key: AlarmEpisodeKey): AlarmView | undefined {
  const row = db
    .prepare(`${SELECT} WHERE a.terminal_id = ? AND a.rule = ? AND a.raised_at = ?`)
    .get(...episodeArgs(key)) as Row | undefined;
  return row && view(row);
}

export function findAlarm(db: Database.Database, alarmId: string): AlarmView | undefined {
  const number = alarmNumber(alarmId);
  if (number === undefined) return undefined;
  const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(number) as Row | undefined;
  return row && view(row);
}

/** True when this call stored the alarm (false: another copy of the notice got there first). */
export function storeRaisedAlarm(
  db: Database.Database,
  key: AlarmEpisodeKey,
  severity: Severity,
  flapping: { changes: number } | null,
): boolean {
  const info = db
    .prepare(
      `INSERT INTO fleet_alarms (terminal_id, rule, raised_at, severity, flapping, flapping_changes)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (terminal_id, rule, raised_at) DO NOTHING`,
    )
    .run(...episodeArgs(key), severity, flapping ? 1 : 0, flapping?.changes ?? null);
  return info.changes === 1;
}

/** Marks the alarm recovered once; false when it already was (or is unknown). */
export function storeRecovered(db: Database.Database, key: AlarmEpisodeKey, at: string): boolean {
  return (
    db
      .prepare(`UPDATE fleet_alarms SET recovered_at = ? WHERE ${WHERE_EPISODE} AND recovered_at IS NULL`)
      .run(at, ...episodeArgs(key)).changes === 1
  );
}

export function storeFlappingStarted(db: Database.Database, key: AlarmEpisodeKey, severity: Severity, changes: number) {
  if (storeRaisedAlarm(db, key, severity, { changes })) return true;
  return (
    db
      .prepare(`UPDATE fleet_alarms SET flapping = 1, flapping_changes = ? WHERE ${WHERE_EPISODE} AND flapping = 0`)
      .run(changes, ...episodeArgs(key)).changes === 1
  );
}

/** The rule has been still: the alarm either closes (recovered) or goes on as an ordinary open alarm. */
export function storeFlappingEnded(db: Database.Database, key: AlarmEpisodeKey, stillActive: boolean, at: string) {
  if (stillActive) {
    const sql = `UPDATE fleet_alarms SET flapping = 0 WHERE ${WHERE_EPISODE} AND flapping = 1`;
    return db.prepare(sql).run(...episodeArgs(key)).changes === 1;
  }
  return storeRecovered(db, key, at);
}

export function storeAcknowledged(
  db: Database.Database,
  key: AlarmEpisodeKey,
  ack: { by: string; at: string; note: string | null },
): boolean {
  return (
    db
      .prepare(`UPDATE fleet_alarms SET ack_by = ?, ack_at = ?, ack_note = ? WHERE ${WHERE_EPISODE} AND ack_by IS NULL`)
      .run(ack.by, ack.at, ack.note, ...episodeArgs(key)).changes === 1
  );
}

/** Open first (newest raise first), then recovered, newest first; at most `limit`. */
export function listAlarmRows(
  db: Database.Database,
  filter: { terminalIds?: readonly string[]; openOnly?: boolean; limit: number },
): AlarmView[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (filter.terminalIds) {
    where.push(`a.terminal_id IN (${filter.terminalIds.map(() => '?').join(', ') || 'NULL'})`);
    args.push(...filter.terminalIds);
  }
  if (filter.openOnly) where.push('a.recovered_at IS NULL');
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY (a.recovered_at IS NULL) DESC, a.raised_at DESC, a.id DESC LIMIT ?`;
  return (db.prepare(sql).all(...args, filter.limit) as Row[]).map(view);
}

export function openAlarmCount(db: Database.Database, terminalId: string): number {
  return db
    .prepare('SELECT count(*) FROM fleet_alarms WHERE terminal_id = ? AND recovered_at IS NULL')
    .pluck()
    .get(terminalId) as number;
}

/** Alarms raised in [from, to): for the monthly figures. */
export function alarmsRaisedBetween(db: Database.Database, terminalId: string, from: string, to: string): number {
  return db
    .prepare('SELECT count(*) FROM fleet_alarms WHERE terminal_id = ? AND raised_at >= ? AND raised_at < ?')
    .pluck()
    .get(terminalId, from, to) as number;
}

type StoredTimelineEntry = Exclude<TimelineEntry, { kind: 'event' }>;

export function appendTimeline(db: Database.Database, terminalId: string, entry: StoredTimelineEntry): void {
  db.prepare('INSERT INTO fleet_timeline (terminal_id, at, entry) VALUES (?, ?, ?)').run(
    terminalId,
    entry.at,
    JSON.stringify(entry),
  );
}

/** Newest first. */
export function recentTimeline(db: Database.Database, terminalId: string, limit: number): StoredTimelineEntry[] {
  const rows = db
    .prepare('SELECT entry FROM fleet_timeline WHERE terminal_id = ? ORDER BY at DESC, id DESC LIMIT ?')
    .pluck()
    .all(terminalId, limit) as string[];
  return rows.map((row) => JSON.parse(row) as StoredTimelineEntry);
}
