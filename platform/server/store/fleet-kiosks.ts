import type Database from 'better-sqlite3';
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
export function activeTerminals(db: Database.Database): FleetTerminal[] {
  return db
    .prepare(
      `SELECT t.terminal_id AS terminalId, t.station_id AS stationId, t.last_seen_at AS lastSeenAt
       FROM terminals t LEFT JOIN terminal_revocations r ON r.terminal_id = t.terminal_id
       WHERE r.terminal_id IS NULL ORDER BY t.terminal_id`,
    )
    .all() as FleetTerminal[];
}

export function findActiveTerminal(db: Database.Database, terminalId: string): FleetTerminal | undefined {
  return activeTerminals(db).find((terminal) => terminal.terminalId === terminalId);
}

export function isRevoked(db: Database.Database, terminalId: string): boolean {
  return db.prepare('SELECT 1 FROM terminal_revocations WHERE terminal_id = ?').get(terminalId) !== undefined;
}

export function revokeTerminal(
  db: Database.Database,
  revocation: { terminalId: string; by: string; reason: string },
  now: Date,
): void {
  db.prepare(
    `INSERT INTO terminal_revocations (terminal_id, revoked_at, revoked_by, reason) VALUES (?, ?, ?, ?)
     ON CONFLICT (terminal_id) DO NOTHING`,
  ).run(revocation.terminalId, now.toISOString(), revocation.by, revocation.reason);
}

/** A re-enrolled kiosk has a new token: the old revocation no longer applies to it. */
export function clearRevocation(db: Database.Database, terminalId: string): void {
  db.prepare('DELETE FROM terminal_revocations WHERE terminal_id = ?').run(terminalId);
}

export function latestHeartbeat(
  db: Database.Database,
  terminalId: string,
): { readonly heartbeat: Heartbeat; readonly receivedAt: string } | undefined {
  const row = db
    .prepare('SELECT body, received_at FROM heartbeats WHERE terminal_id = ? ORDER BY id DESC LIMIT 1')
    .get(terminalId) as { body: string; received_at: string } | undefined;
  return row && { heartbeat: JSON.parse(row.body) as Heartbeat, receivedAt: row.received_at };
}

function lastVersion(db: Database.Database, terminalId: string): string | undefined {
  return db
    .prepare('SELECT app_version FROM kiosk_versions WHERE terminal_id = ? ORDER BY id DESC LIMIT 1')
    .pluck()
    .get(terminalId) as string | undefined;
}

/** Records the version a heartbeat reports when it differs from the last one known. */
export function noteReportedVersion(db: Database.Database, terminalId: string, appVersion: string, at: Date): void {
  const last = lastVersion(db, terminalId);
  if (last === appVersion) return;
  db.prepare(
    'INSERT INTO kiosk_versions (terminal_id, at, app_version, change, from_version) VALUES (?, ?, ?, ?, ?)',
  ).run(terminalId, at.toISOString(), appVersion, last === undefined ? 'firstSeen' : 'upgrade', last ?? null);
}

/**
 * The appliance went back to an earlier release: recorded at the time it did. When a heartbeat
 * from the older release got here before the event (the outbox may lag), the "upgrade" it was
 * taken for becomes this rollback.
 */
export function noteRollback(
  db: Database.Database,
  terminalId: string,
  rollback: { from: string; to: string; at: string },
): void {
  const taken = db
    .prepare(
      `UPDATE kiosk_versions SET change = 'rollback', at = ? WHERE id = (
         SELECT id FROM kiosk_versions WHERE terminal_id = ? ORDER BY id DESC LIMIT 1
       ) AND change = 'upgrade' AND app_version = ? AND from_version = ?`,
    )
    .run(rollback.at, terminalId, rollback.to, rollback.from);
  if (taken.changes === 1) return;
  db.prepare(
    "INSERT INTO kiosk_versions (terminal_id, at, app_version, change, from_version) VALUES (?, ?, ?, 'rollback', ?)",
  ).run(terminalId, rollback.at, rollback.to, rollback.from);
}

/** Newest first. */
export function versionHistory(db: Database.Database, terminalId: string): VersionEntry[] {
  const rows = db
    .prepare(
      `SELECT at, app_version AS appVersion, change, from_version AS "from" FROM kiosk_versions
       WHERE terminal_id = ? ORDER BY at DESC, id DESC LIMIT 100`,
    )
    .all(terminalId) as VersionEntry[];
  return rows;
}
