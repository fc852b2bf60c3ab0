import type Database from 'better-sqlite3';

/**
 * One arrival counter across everything kiosks deliver, so the order of different kinds can be
 * compared (a rating must not arrive before the application it rates). Call inside the
 * transaction that stores the record.
 */

export type ArrivalKind = 'application' | 'ticket' | 'rating' | 'assistanceRequest' | 'appointment';

export function recordArrival(db: Database.Database, kind: ArrivalKind, recordId: string, now: Date): void {
  db.prepare('INSERT INTO record_arrivals (kind, record_id, received_at) VALUES (?, ?, ?)').run(
    kind,
    recordId,
    now.toISOString(),
  );
}
