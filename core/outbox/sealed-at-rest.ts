import type Database from 'better-sqlite3';
import type { DataSealer } from './data-sealer';

export interface SealUpgradeReport {
  /** Unsent bodies that were stored in clear and are now sealed. */
  readonly sealed: number;
  /** Bodies of rows already delivered, dropped instead: the platform has them. */
  readonly dropped: number;
}

/**
 * The start-up upgrade for stores written before every outbox body was sealed (migration 0010):
 * JSON bodies of help requests, ratings, tickets and inspections, and any bytes stored unsealed.
 * Unsent ones are sealed in place, byte for byte the text that will be sent, so their
 * Idempotency-Key fingerprint at the platform stays the same; sent ones lose their body. One
 * transaction, run before delivery starts; with secure_delete on, SQLite zeroes the old cells.
 */
export function sealPlainBodies(db: Database.Database, sealer: DataSealer): SealUpgradeReport {
  return db.transaction((): SealUpgradeReport => {
    const dropped = db
      .prepare(
        `UPDATE outbox SET body = 'null', body_blob = x'', sealed = 0
         WHERE state = 'sent' AND (body_blob IS NULL OR (sealed = 0 AND length(body_blob) > 0) OR body != 'null')`,
      )
      .run().changes;
    const plain = db
      .prepare(
        `SELECT id, body, body_blob FROM outbox
         WHERE state != 'sent' AND (body_blob IS NULL OR (sealed = 0 AND length(body_blob) > 0))`,
      )
      .all() as Array<{ id: number; body: string; body_blob: Buffer | null }>;
    const update = db.prepare(`UPDATE outbox SET body = 'null', body_blob = ?, sealed = 1 WHERE id = ?`);
    for (const row of plain) {
      update.run(sealer.seal(row.body_blob ?? Buffer.from(row.body, 'utf8')), row.id);
    }
    return { sealed: plain.length, dropped };
  })();
}

/**
 * Whether the store holds anything only the data key opens (or finds): then a missing key is a
 * lost key, and a new one must not be made in its place.
 */
export function holdsSealedData(db: Database.Database): boolean {
  const found = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM application)
           OR EXISTS (SELECT 1 FROM outbox WHERE sealed = 1 AND length(body_blob) > 0)
           OR EXISTS (SELECT 1 FROM rated_service)`,
    )
    .pluck()
    .get();
  return found === 1;
}
