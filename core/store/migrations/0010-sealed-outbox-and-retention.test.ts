import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';
import { migratedTo as migratedToVersion } from '../../testing/memory-store';

const at = '2026-11-21T08:00:00.000Z';

const migratedTo = (version: number): Database.Database => migratedToVersion(version, () => at);

const plainRow = (db: Database.Database, key: string, body = '{"phone":"13912345678"}') =>
  Number(
    db
      .prepare(
        `INSERT INTO outbox (kind, idempotency_key, method, path, body, created_at) VALUES ('rating', ?, 'POST', '/ratings', ?, ?)`,
      )
      .run(key, body, at).lastInsertRowid,
  );

const sealedRow = (db: Database.Database, key: string, blob: Buffer, sealed = 1) =>
  Number(
    db
      .prepare(
        `INSERT INTO outbox (kind, idempotency_key, method, path, body, body_blob, sealed, created_at)
         VALUES ('rating', ?, 'POST', '/ratings', 'null', ?, ?, ?)`,
      )
      .run(key, blob, sealed, at).lastInsertRowid,
  );

describe('migration 0010 sealed outbox and retention', () => {
  it('refuses an outbox body that is not sealed, on insert and on update', () => {
    const db = migratedTo(10);
    expect(() => plainRow(db, 'key-0000000000000001')).toThrow(/stored sealed/);
    expect(() => sealedRow(db, 'key-0000000000000002', Buffer.from('{"a":1}'), 0)).toThrow(/stored sealed/);
    const id = sealedRow(db, 'key-0000000000000003', Buffer.from([1, 2, 3]));
    expect(() => db.prepare(`UPDATE outbox SET body = '{"a":1}' WHERE id = ?`).run(id)).toThrow(/stored sealed/);
    expect(() => db.prepare(`UPDATE outbox SET sealed = 0 WHERE id = ?`).run(id)).toThrow(/stored sealed/);
    expect(() => db.prepare(`UPDATE outbox SET body_blob = NULL WHERE id = ?`).run(id)).toThrow(/stored sealed/);
    // Sent: the bytes are dropped, an empty blob stays.
    db.prepare(`UPDATE outbox SET state = 'sent', sent_at = ?, body_blob = x'' WHERE id = ?`).run(at, id);
    expect(db.prepare('SELECT length(body_blob) FROM outbox WHERE id = ?').pluck().get(id)).toBe(0);
    // The table's own checks still answer for what the triggers let through.
    expect(() => sealedRow(db, 'key-0000000000000004', Buffer.from([1]), 2)).toThrow(/CHECK/);
  });

  it('leaves rows written before it as they were, for the start-up upgrade to seal', () => {
    const db = migratedTo(9);
    const id = plainRow(db, 'key-0000000000000005');
    const result = migrate(
      db,
      migrations.filter((m) => m.version <= 10),
      () => at,
    );
    expect(result.ok && result.value.applied).toEqual(['0010-sealed-outbox-and-retention']);
    expect(db.prepare('SELECT body, body_blob FROM outbox WHERE id = ?').get(id)).toEqual({
      body: '{"phone":"13912345678"}',
      body_blob: null,
    });
    // Sealing it in place is the one way forward.
    db.prepare(`UPDATE outbox SET body = 'null', body_blob = x'01ff', sealed = 1 WHERE id = ?`).run(id);
    expect(db.prepare('SELECT sealed FROM outbox WHERE id = ?').pluck().get(id)).toBe(1);
  });

  it('keeps rated services as keyed hashes with a day, once each', () => {
    const db = migratedTo(10);
    const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'rated_service'`).pluck().get() as string;
    expect(sql).toMatch(/\)\s*STRICT$/);
    const insert = db.prepare('INSERT INTO rated_service (service_key, rated_on) VALUES (?, ?)');
    insert.run('a'.repeat(64), '2026-11-21');
    expect(() => insert.run('a'.repeat(64), '2026-11-22')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('AQ-2026-000001', '2026-11-21')).toThrow(/CHECK/);
    expect(() => insert.run('b'.repeat(64), '2026-11-21T08:00:00Z')).toThrow(/CHECK/);
  });
});
