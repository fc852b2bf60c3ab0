import type { SqlQueries } from '../db/sql';

/**
 * video_relay (migration 0011): frames on their way to one side of a call. The sender's instance
 * writes the row and notifies VIDEO_CHANNEL; the instance holding that side's socket takes the
 * rows (deleting them) and sends them on, in the order they were written. A call's rows are
 * deleted when it ends, so nothing of a call's co-browse state or signalling stays behind.
 */

export type CallSide = 'kiosk' | 'agent';

/** The notification channel of every instance's video hub (payloads: notify.ts). */
export const VIDEO_CHANNEL = 'bianmin_video';

export async function putRelay(db: SqlQueries, callId: string, to: CallSide, frame: string, now: Date): Promise<void> {
  await db.run('INSERT INTO video_relay (call_id, to_side, frame, at) VALUES (?, ?, ?, ?)', [
    callId,
    to,
    frame,
    now.toISOString(),
  ]);
}

/** Takes (deletes) the waiting frames for one side, oldest first. */
export async function takeRelay(db: SqlQueries, callId: string, to: CallSide): Promise<string[]> {
  const rows = await db.all<{ relay_id: number; frame: string }>(
    'DELETE FROM video_relay WHERE call_id = ? AND to_side = ? RETURNING relay_id, frame',
    [callId, to],
  );
  return rows.sort((a, b) => a.relay_id - b.relay_id).map((row) => row.frame);
}

export async function dropRelayOfCall(db: SqlQueries, callId: string): Promise<void> {
  await db.run('DELETE FROM video_relay WHERE call_id = ?', [callId]);
}

export async function relayRowCount(db: SqlQueries, callId: string): Promise<number> {
  const row = await db.get<{ count: number }>('SELECT count(*) AS count FROM video_relay WHERE call_id = ?', [callId]);
  return row?.count ?? 0;
}
