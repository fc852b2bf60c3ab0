import type { SqlQueries, SqlValue } from '../db/sql';
import type { AlarmView, TimelineEntry } from '../../contract/console/fleet-views';
import type { Severity } from '../fleet/alarms';

/**
 * Alarms as rows (`ALM-<n>`), one per kiosk, rule and raise time: the engine names an alarm
 * episode by its key and raise time, so whichever platform instance notices it first stores it
 * and every later copy of the same notice changes nothing. The kiosk timeline keeps what the
 * console shows beside the kiosk's own events: alarm changes, state changes, commands.
 *
 * Every transition is one conditional statement whose row count says whether THIS call made it
 * (INSERT … ON CONFLICT DO NOTHING RETURNING, UPDATE … WHERE <still in the state it leaves>), so
 * with two platform instances delivering the same notice at once exactly one of them sees the
 * change and adds its timeline line; the other waits on the row (PostgreSQL, READ COMMITTED
 * re-checks the WHERE on the row the first committed) and changes nothing.
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
const episodeArgs = (key: AlarmEpisodeKey): SqlValue[] => [key.terminalId, key.rule, key.raisedAt];

export async function findAlarmByEpisode(db: SqlQueries, key: AlarmEpisodeKey): Promise<AlarmView | undefined> {
  const row = await db.get<Row>(
    `${SELECT} WHERE a.terminal_id = ? AND a.rule = ? AND a.raised_at = ?`,
    episodeArgs(key),
  );
  return row && view(row);
}

export async function findAlarm(db: SqlQueries, alarmId: string): Promise<AlarmView | undefined> {
  const number = alarmNumber(alarmId);
  if (number === undefined) return undefined;
  const row = await db.get<Row>(`${SELECT} WHERE a.id = ?`, [number]);
  return row && view(row);
}

/**
 * True when this call stored the alarm (false: another copy of the notice got there first). The
 * episode's unique key (terminal_id, rule, raised_at) refuses a second row; DO NOTHING has no
 * conflict target so that any unique index on the table counts, and RETURNING says whether a
 * row went in.
 */
export async function storeRaisedAlarm(
  db: SqlQueries,
  key: AlarmEpisodeKey,
  severity: Severity,
  flapping: { changes: number } | null,
): Promise<boolean> {
  const stored = await db.all(
    `INSERT INTO fleet_alarms (terminal_id, rule, raised_at, severity, flapping, flapping_changes)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
    [...episodeArgs(key), severity, flapping ? 1 : 0, flapping?.changes ?? null],
  );
  return stored.length === 1;
}

/** Marks the alarm recovered once (only while it is open); false when it already was (or is unknown). */
export async function storeRecovered(db: SqlQueries, key: AlarmEpisodeKey, at: string): Promise<boolean> {
  const updated = await db.run(
    `UPDATE fleet_alarms SET recovered_at = ? WHERE ${WHERE_EPISODE} AND recovered_at IS NULL`,
    [at, ...episodeArgs(key)],
  );
  return updated.changes === 1;
}

export async function storeFlappingStarted(
  db: SqlQueries,
  key: AlarmEpisodeKey,
  severity: Severity,
  changes: number,
): Promise<boolean> {
  if (await storeRaisedAlarm(db, key, severity, { changes })) return true;
  const updated = await db.run(
    `UPDATE fleet_alarms SET flapping = 1, flapping_changes = ? WHERE ${WHERE_EPISODE} AND flapping = 0`,
    [changes, ...episodeArgs(key)],
  );
  return updated.changes === 1;
}

/** The rule has been still: the alarm either closes (recovered) or goes on as an ordinary open alarm. */
export async function storeFlappingEnded(
  db: SqlQueries,
  key: AlarmEpisodeKey,
  stillActive: boolean,
  at: string,
): Promise<boolean> {
  if (stillActive) {
    const sql = `UPDATE fleet_alarms SET flapping = 0 WHERE ${WHERE_EPISODE} AND flapping = 1`;
    return (await db.run(sql, episodeArgs(key))).changes === 1;
  }
  return storeRecovered(db, key, at);
}

export async function storeAcknowledged(
  db: SqlQueries,
  key: AlarmEpisodeKey,
  ack: { by: string; at: string; note: string | null },
): Promise<boolean> {
  const updated = await db.run(
    `UPDATE fleet_alarms SET ack_by = ?, ack_at = ?, ack_note = ? WHERE ${WHERE_EPISODE} AND ack_by IS NULL`,
    [ack.by, ack.at, ack.note, ...episodeArgs(key)],
  );
  return updated.changes === 1;
}

/** Open first (newest raise first), then recovered, newest first; at most `limit`. */
export async function listAlarmRows(
  db: SqlQueries,
  filter: { terminalIds?: readonly string[]; openOnly?: boolean; limit: number },
): Promise<AlarmView[]> {
  const where: string[] = [];
  const args: SqlValue[] = [];
  if (filter.terminalIds) {
    where.push(`a.terminal_id IN (${filter.terminalIds.map(() => '?').join(', ') || 'NULL'})`);
    args.push(...filter.terminalIds);
  }
  if (filter.openOnly) where.push('a.recovered_at IS NULL');
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY CASE WHEN a.recovered_at IS NULL THEN 1 ELSE 0 END DESC, a.raised_at DESC, a.id DESC LIMIT ?`;
  return (await db.all<Row>(sql, [...args, filter.limit])).map(view);
}

export async function openAlarmCount(db: SqlQueries, terminalId: string): Promise<number> {
  const row = await db.get<{ count: number }>(
    'SELECT count(*) AS count FROM fleet_alarms WHERE terminal_id = ? AND recovered_at IS NULL',
    [terminalId],
  );
  return row?.count ?? 0;
}

/** Alarms raised in [from, to): for the monthly figures. */
export async function alarmsRaisedBetween(
  db: SqlQueries,
  terminalId: string,
  from: string,
  to: string,
): Promise<number> {
  const row = await db.get<{ count: number }>(
    'SELECT count(*) AS count FROM fleet_alarms WHERE terminal_id = ? AND raised_at >= ? AND raised_at < ?',
    [terminalId, from, to],
  );
  return row?.count ?? 0;
}

type StoredTimelineEntry = Exclude<TimelineEntry, { kind: 'event' }>;

export async function appendTimeline(db: SqlQueries, terminalId: string, entry: StoredTimelineEntry): Promise<void> {
  await db.run('INSERT INTO fleet_timeline (terminal_id, at, entry) VALUES (?, ?, ?)', [
    terminalId,
    entry.at,
    JSON.stringify(entry),
  ]);
}

/** Newest first. */
export async function recentTimeline(
  db: SqlQueries,
  terminalId: string,
  limit: number,
): Promise<StoredTimelineEntry[]> {
  const rows = await db.all<{ entry: string }>(
    'SELECT entry FROM fleet_timeline WHERE terminal_id = ? ORDER BY at DESC, id DESC LIMIT ?',
    [terminalId, limit],
  );
  return rows.map((row) => JSON.parse(row.entry) as StoredTimelineEntry);
}
