import type Database from 'better-sqlite3';
import type { EventReceipt, TerminalEvent } from '../../contract/fleet';

/**
 * The kiosk event catalogue as delivered: one row per kiosk and eventId, so a replayed delivery
 * (the outbox retrying after a lost answer) stores nothing new and gets the first receipt.
 */

export interface StoredEvent {
  readonly event: TerminalEvent;
  readonly receivedAt: string;
}

/** `created` false: the event was already stored; the receipt is the first one. */
export function storeTerminalEvent(
  db: Database.Database,
  terminalId: string,
  event: TerminalEvent,
  now: Date,
): { readonly receipt: EventReceipt; readonly created: boolean } {
  const info = db
    .prepare(
      `INSERT INTO terminal_events (terminal_id, event_id, sequence, kind, occurred_at, received_at, body)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (terminal_id, event_id) DO NOTHING`,
    )
    .run(
      terminalId,
      event.eventId,
      event.sequence,
      event.kind,
      event.occurredAt,
      now.toISOString(),
      JSON.stringify(event),
    );
  const receivedAt = db
    .prepare('SELECT received_at FROM terminal_events WHERE terminal_id = ? AND event_id = ?')
    .pluck()
    .get(terminalId, event.eventId) as string;
  return { receipt: { eventId: event.eventId, receivedAt }, created: info.changes === 1 };
}

/** The highest sequence stored for the kiosk (0 before its first event). */
export function lastEventSequence(db: Database.Database, terminalId: string): number {
  return db
    .prepare('SELECT coalesce(max(sequence), 0) FROM terminal_events WHERE terminal_id = ?')
    .pluck()
    .get(terminalId) as number;
}

export function eventCount(db: Database.Database, terminalId: string): number {
  return db.prepare('SELECT count(*) FROM terminal_events WHERE terminal_id = ?').pluck().get(terminalId) as number;
}

/** Newest first by the kiosk's order. */
export function recentEvents(
  db: Database.Database,
  terminalId: string,
  limit: number,
  kinds?: readonly TerminalEvent['kind'][],
): StoredEvent[] {
  const filter = kinds ? `AND kind IN (${kinds.map(() => '?').join(', ')})` : '';
  const rows = db
    .prepare(
      `SELECT body, received_at FROM terminal_events WHERE terminal_id = ? ${filter} ORDER BY sequence DESC LIMIT ?`,
    )
    .all(terminalId, ...(kinds ?? []), limit) as Array<{ body: string; received_at: string }>;
  return rows.map((row) => ({ event: JSON.parse(row.body) as TerminalEvent, receivedAt: row.received_at }));
}
