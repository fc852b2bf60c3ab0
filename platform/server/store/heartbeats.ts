import type { Heartbeat } from '../../contract/terminals';
import type { SqlQueries } from '../db/sql';
import { markTerminalSeen } from './terminals';

/** Appends a heartbeat and marks the terminal seen; call inside the request's transaction. */
export async function recordHeartbeat(
  db: SqlQueries,
  terminalId: string,
  heartbeat: Heartbeat,
  now: Date,
): Promise<void> {
  await db.run(
    `INSERT INTO heartbeats (terminal_id, received_at, sent_at, app_version, catalog_version, outbox_pending, body)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      terminalId,
      now.toISOString(),
      heartbeat.sentAt,
      heartbeat.appVersion,
      heartbeat.catalogVersion,
      heartbeat.outbox.pending,
      JSON.stringify(heartbeat),
    ],
  );
  await markTerminalSeen(db, terminalId, now);
}

export async function heartbeatCount(db: SqlQueries, terminalId: string): Promise<number> {
  const row = await db.get<{ count: number }>('SELECT count(*) AS count FROM heartbeats WHERE terminal_id = ?', [
    terminalId,
  ]);
  return row?.count ?? 0;
}
