import type { SqlQueries } from '../db/sql';
import type { z } from 'zod';
import type { VersionEntry as VersionEntrySchema } from '../../contract/console/fleet-views';
import type { Heartbeat } from '../../contract/terminals';

type VersionEntry = z.infer<typeof VersionEntrySchema>;

/**
 * What the fleet knows of each terminal beyond its token: whether it was revoked (by whom, why),
 * its version history (from heartbeats' appVersion and the appliance's rollback events) and its
 * latest heartbeat.
 */

export interface FleetTerminal {
  readonly terminalId: string;
  readonly stationId: string;
  readonly lastSeenAt: string | null;
}

/** Every terminal that has not been revoked, by id. */
export function activeTerminals(db: SqlQueries): Promise<FleetTerminal[]> {
  return db.all<FleetTerminal>(
    `SELECT t.terminal_id AS "terminalId", t.station_id AS "stationId", t.last_seen_at AS "lastSeenAt"
     FROM terminals t LEFT JOIN terminal_revocations r ON r.terminal_id = t.terminal_id
     WHERE r.terminal_id IS NULL ORDER BY t.terminal_id`,
  );
}

export async function findActiveTerminal(db: SqlQueries, terminalId: string): Promise<FleetTerminal | undefined> {
  return (await activeTerminals(db)).find((terminal) => terminal.terminalId === terminalId);
}

export async function revokeTerminal(
  db: SqlQueries,
  revocation: { terminalId: string; by: string; reason: string },
  now: Date,
): Promise<void> {
  await db.run(
    `INSERT INTO terminal_revocations (terminal_id, revoked_at, revoked_by, reason) VALUES (?, ?, ?, ?)
     ON CONFLICT (terminal_id) DO NOTHING`,
    [revocation.terminalId, now.toISOString(), revocation.by, revocation.reason],
  );
}

/** A re-enrolled kiosk has a new token: the old revocation no longer applies to it. */
export async function clearRevocation(db: SqlQueries, terminalId: string): Promise<void> {
  await db.run('DELETE FROM terminal_revocations WHERE terminal_id = ?', [terminalId]);
}

export async function latestHeartbeat(
  db: SqlQueries,
  terminalId: string,
): Promise<{ readonly heartbeat: Heartbeat; readonly receivedAt: string } | undefined> {
  const row = await db.get<{ body: string; received_at: string }>(
    'SELECT body, received_at FROM heartbeats WHERE terminal_id = ? ORDER BY id DESC LIMIT 1',
    [terminalId],
  );
  return row && { heartbeat: JSON.parse(row.body) as Heartbeat, receivedAt: row.received_at };
}

async function lastVersion(db: SqlQueries, terminalId: string): Promise<string | undefined> {
  const row = await db.get<{ app_version: string }>(
    'SELECT app_version FROM kiosk_versions WHERE terminal_id = ? ORDER BY id DESC LIMIT 1',
    [terminalId],
  );
  return row?.app_version;
}

/** Records the version a heartbeat reports when it differs from the last one known. */
export async function noteReportedVersion(
  db: SqlQueries,
  terminalId: string,
  appVersion: string,
  at: Date,
): Promise<void> {
  const last = await lastVersion(db, terminalId);
  if (last === appVersion) return;
  await db.run(
    'INSERT INTO kiosk_versions (terminal_id, at, app_version, change, from_version) VALUES (?, ?, ?, ?, ?)',
    [terminalId, at.toISOString(), appVersion, last === undefined ? 'firstSeen' : 'upgrade', last ?? null],
  );
}

/**
 * The appliance went back to an earlier release: recorded at the time it did. When a heartbeat
 * from the older release got here before the event (the outbox may lag), the "upgrade" it was
 * taken for becomes this rollback.
 */
export async function noteRollback(
  db: SqlQueries,
  terminalId: string,
  rollback: { from: string; to: string; at: string },
): Promise<void> {
  const taken = await db.run(
    `UPDATE kiosk_versions SET change = 'rollback', at = ? WHERE id = (
       SELECT id FROM kiosk_versions WHERE terminal_id = ? ORDER BY id DESC LIMIT 1
     ) AND change = 'upgrade' AND app_version = ? AND from_version = ?`,
    [rollback.at, terminalId, rollback.to, rollback.from],
  );
  if (taken.changes === 1) return;
  await db.run(
    "INSERT INTO kiosk_versions (terminal_id, at, app_version, change, from_version) VALUES (?, ?, ?, 'rollback', ?)",
    [terminalId, rollback.at, rollback.to, rollback.from],
  );
}

/** Newest first. */
export function versionHistory(db: SqlQueries, terminalId: string): Promise<VersionEntry[]> {
  return db.all<VersionEntry>(
    `SELECT at, app_version AS "appVersion", change, from_version AS "from" FROM kiosk_versions
     WHERE terminal_id = ? ORDER BY at DESC, id DESC LIMIT 100`,
    [terminalId],
  );
}
