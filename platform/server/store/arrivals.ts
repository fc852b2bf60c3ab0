import type { SqlQueries } from '../db/sql';

/**
 * One arrival counter across everything kiosks deliver, so the order of different kinds can be
 * compared (a rating must not arrive before the application it rates). Call inside the
 * transaction that stores the record.
 */

export type ArrivalKind = 'application' | 'ticket' | 'rating' | 'assistanceRequest' | 'appointment';

export async function recordArrival(db: SqlQueries, kind: ArrivalKind, recordId: string, now: Date): Promise<void> {
  await db.run('INSERT INTO record_arrivals (kind, record_id, received_at) VALUES (?, ?, ?)', [
    kind,
    recordId,
    now.toISOString(),
  ]);
}
