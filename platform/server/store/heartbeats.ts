import type Database from 'better-sqlite3';
import type { Heartbeat } from '../../contract/terminals';
import { markTerminalSeen } from './terminals';

/** Appends a heartbeat and marks the terminal seen; call inside the request's transaction. */
export function recordHeartbeat(db: Database.Database, terminalId: string, heartbeat: Heartbeat, now: Date): void {
  db.prepare(
    `INSERT INTO heartbeats (terminal_id, received_at, sent_at, app_version, catalog_version, outbox_pending, body)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    terminalId,
    now.toISOString(),
    heartbeat.sentAt,
    heartbeat.appVersion,
    heartbeat.catalogVersion,
    heartbeat.outbox.pending,
    JSON.stringify(heartbeat),
  );
  markTerminalSeen(db, terminalId, now);
}

export function heartbeatCount(db: Database.Database, terminalId: string): number {
  return db.prepare('SELECT count(*) FROM heartbeats WHERE terminal_id = ?').pluck().get(terminalId) as number;
}
