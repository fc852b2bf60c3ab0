import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';
import { migratedTo as migratedToVersion } from '../../testing/memory-store';

const migratedTo = (version: number): Database.Database => migratedToVersion(version, () => '2026-11-21T08:00:00.000Z');

const REF = '11111111-1111-4111-8111-111111111111';
const SHA = 'a'.repeat(64);

function outboxRow(db: Database.Database, key: string, extra = '') {
  return Number(
    db
      .prepare(
        `INSERT INTO outbox (kind, idempotency_key, method, path, body, created_at${extra ? ', body_blob, content_type, sealed' : ''})
         VALUES ('material', ?, 'PUT', '/materials/x', 'null', 't'${extra})`,
      )
      .run(key).lastInsertRowid,
  );
}

function application(db: Database.Database, ref = REF, confirmation = ref) {
  db.prepare(
    `INSERT INTO application (local_ref, confirmation_id, applicant_key, catalog_version, station_id, submitted_at,
       offline, delivery_method, sealed_people, sealed_form)
     VALUES (?, ?, ?, 'v1', 'S-1', 't', 0, 'pickUp', x'01', x'01')`,
  ).run(ref, confirmation, 'k'.repeat(64));
}

describe('migration 0007 applications', () => {
  it('gives earlier outbox rows a JSON body and lets new ones carry bytes', () => {
    const db = migratedTo(6);
    const old = outboxRow(db, 'before-0007-key-0001');
    expect(migrate(db, migrations, () => '2026-11-21T09:00:00.000Z').ok).toBe(true);
    expect(db.prepare('SELECT body, body_blob, content_type, sealed FROM outbox WHERE id = ?').get(old)).toEqual({
      body: 'null',
      body_blob: null,
      content_type: null,
      sealed: 0,
    });
    const all = db;
    const id = outboxRow(all, 'binary-item-key-0001', ", x'00ff', 'application/pdf', 1");
    expect(all.prepare('SELECT body_blob, content_type, sealed FROM outbox WHERE id = ?').get(id)).toEqual({
      body_blob: Buffer.from([0, 255]),
      content_type: 'application/pdf',
      sealed: 1,
    });
    expect(() => outboxRow(all, 'binary-item-key-0002', ", x'00', 'application/pdf', 2")).toThrow(/CHECK/);
  });

  it('keeps applications STRICT, unique per confirmation, and their parts tied to them', () => {
    const db = migratedTo(7);
    for (const table of ['application', 'application_matter', 'application_blob', 'application_page']) {
      expect(db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(table)).toMatch(/STRICT$/);
    }
    application(db);
    expect(() => application(db, '22222222-2222-4222-8222-222222222222', REF)).toThrow(/UNIQUE/);
    const blobOutbox = outboxRow(db, 'material-key-000001');
    expect(() =>
      db
        .prepare(
          `INSERT INTO application_blob (local_ref, sha256, content_type, size, sealed_bytes, outbox_id)
           VALUES ('33333333-3333-4333-8333-333333333333', ?, 'application/pdf', 1, x'01', ?)`,
        )
        .run(SHA, blobOutbox),
    ).toThrow(/FOREIGN KEY/);
    db.prepare(
      `INSERT INTO application_blob (local_ref, sha256, content_type, size, sealed_bytes, outbox_id)
       VALUES (?, ?, 'application/pdf', 1, x'01', ?)`,
    ).run(REF, SHA, blobOutbox);
    expect(() =>
      db
        .prepare(`INSERT INTO application_page (local_ref, material_name, seq, sha256) VALUES (?, '户口簿', 0, ?)`)
        .run(REF, 'b'.repeat(64)),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(`UPDATE application SET print_output = 'paper', print_problem = 'paperOut' WHERE local_ref = ?`)
        .run(REF),
    ).toThrow(/CHECK/);
  });
});
