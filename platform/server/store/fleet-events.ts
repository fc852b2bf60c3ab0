import type { SqlQueries } from '../db/sql';
import type { EventReceipt, TerminalEvent } from '../../contract/fleet';

/**
 * The kiosk event catalogue as delivered: one row per kiosk and eventId, so a replayed delivery
 * (the outbox retrying after a lost answer) stores nothing new and gets the first receipt.
 */

export interface StoredEvent {
  readonly event: TerminalEvent;
  readonly receivedAt: string;
}

/**
 * `created` false: the event was already stored; the receipt is the first one. The primary key
 * (terminal, eventId) decides between two deliveries at once: the second waits for the first's
 * commit and inserts nothing, then reads the first's receipt.
 */
export async function storeTerminalEvent(
  db: SqlQueries,
  terminalId: string,
  event: TerminalEvent,
  now: Date,
): Promise<{ readonly receipt: EventReceipt; readonly created: boolean }> {
  const info = await db.run(
    `INSERT INTO terminal_events (terminal_id, event_id, sequence, kind, occurred_at, received_at, body)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (terminal_id, event_id) DO NOTHING`,
    [terminalId, event.eventId, event.sequence, event.kind, event.occurredAt, now.toISOString(), JSON.stringify(event)],
  );
  const row = await db.get<{ received_at: string }>(
    'SELECT received_at FROM terminal_events WHERE terminal_id = ? AND event_id = ?',
    [terminalId, event.eventId],
  );
  if (!row) throw new Error('a stored event vanished inside its own transaction');
  return { receipt: { eventId: event.eventId, receivedAt: row.received_at }, created: info.changes === 1 };
}

/** The highest sequence stored for the kiosk (0 before its first event). */
export async function lastEventSequence(db: SqlQueries, terminalId: string): Promise<number> {
  const row = await db.get<{ last: number }>(
    'SELECT coalesce(max(sequence), 0) AS last FROM terminal_events WHERE terminal_id = ?',
    [terminalId],
  );
  return row?.last ?? 0;
}

export async function eventCount(db: SqlQueries, terminalId: string): Promise<number> {
  const row = await db.get<{ count: number }>('SELECT count(*) AS count FROM terminal_events WHERE terminal_id = ?', [
    terminalId,
  ]);
  return row?.count ?? 0;
}

/** Newest first by the kiosk's order. */
export async function recentEvents(
  db: SqlQueries,
  terminalId: string,
  limit: number,
  kinds?: readonly TerminalEvent['kind'][],
): Promise<StoredEvent[]> {
  const filter = kinds ? `AND kind IN (${kinds.map(() => '?').join(', ')})` : '';
  const rows = await db.all<{ body: string; received_at: string }>(
    `SELECT body, received_at FROM terminal_events WHERE terminal_id = ? ${filter} ORDER BY sequence DESC LIMIT ?`,
    [terminalId, ...(kinds ?? []), limit],
  );
  return rows.map((row) => ({ event: JSON.parse(row.body) as TerminalEvent, receivedAt: row.received_at }));
}
