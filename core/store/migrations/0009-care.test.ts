import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migratedTo as migratedToVersion } from '../../testing/memory-store';

const at = '2026-11-21T08:00:00.000Z';

const migratedTo = (version: number): Database.Database => migratedToVersion(version, () => at);

const outboxRow = (db: Database.Database, key: string) =>
  Number(
    db
      .prepare(
        `INSERT INTO outbox (kind, idempotency_key, method, path, body, created_at) VALUES ('rating', ?, 'POST', '/ratings', '{}', ?)`,
      )
      .run(key, at).lastInsertRowid,
  );

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('migration 0009 care', () => {
  it('creates STRICT tables only', () => {
    const db = migratedTo(9);
    for (const table of ['care_document', 'care_document_current', 'rating', 'assistance_request']) {
      const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(table) as string;
      expect(sql, table).toMatch(/\)\s*STRICT$/);
    }
  });

  it('allows one rating per service, linked to its own outbox row, with checked values', () => {
    const db = migratedTo(9);
    const insert = db.prepare(
      `INSERT INTO rating (confirmation_id, service_kind, service_ref, level, options_version, rated_at, offline, outbox_id)
       VALUES (?, ?, ?, ?, '2025.1', ?, 0, ?)`,
    );
    const first = outboxRow(db, 'key-0000000000000001');
    insert.run(uuid(1), 'application', 'AQ-2026-000001', 5, at, first);
    const second = outboxRow(db, 'key-0000000000000002');
    expect(() => insert.run(uuid(2), 'application', 'AQ-2026-000001', 4, at, second)).toThrow(/UNIQUE/);
    expect(() => insert.run(uuid(1), 'ticket', 'A012-2026', 4, at, second)).toThrow(/UNIQUE/);
    expect(() => insert.run(uuid(3), 'ticket', 'A012-2026', 4, at, first)).toThrow(/UNIQUE/);
    expect(() => insert.run(uuid(4), 'ticket', 'A012-2026', 0, at, second)).toThrow(/CHECK/);
    expect(() => insert.run(uuid(5), 'visit', 'A012-2026', 3, at, second)).toThrow(/CHECK/);
    expect(() => insert.run(uuid(6), 'ticket', 'A012-2026', 3, at, 999)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(uuid(7), 'ticket', 'A012-2026', 3, at, second)).not.toThrow();
  });

  it('checks help request kinds and keeps one outbox row each', () => {
    const db = migratedTo(9);
    const insert = db.prepare(
      `INSERT INTO assistance_request (local_ref, confirmation_id, kind, matter_code, requested_at, offline, outbox_id)
       VALUES (?, ?, ?, NULL, ?, 1, ?)`,
    );
    const id = outboxRow(db, 'key-0000000000000003');
    expect(() => insert.run('HLP-20261121-AAAAAA', uuid(1), 'pizza', at, id)).toThrow(/CHECK/);
    insert.run('HLP-20261121-AAAAAA', uuid(1), 'callback', at, id);
    expect(() => insert.run('HLP-20261121-BBBBBB', uuid(1), 'callback', at, id)).toThrow(/UNIQUE/);
  });

  it('points the current document at a stored version only', () => {
    const db = migratedTo(9);
    const current = db.prepare(`INSERT INTO care_document_current (kind, version, confirmed_at) VALUES (?, ?, ?)`);
    expect(() => current.run('ratingOptions', '2025.1', at)).toThrow(/FOREIGN KEY/);
    db.prepare(
      `INSERT INTO care_document (kind, version, body, stored_at) VALUES ('ratingOptions', '2025.1', '{}', ?)`,
    ).run(at);
    expect(() => current.run('ratingOptions', '2025.1', at)).not.toThrow();
    expect(() =>
      db.prepare(`INSERT INTO care_document (kind, version, body, stored_at) VALUES ('weather', '1', '{}', ?)`).run(at),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(`INSERT INTO care_document (kind, version, body, stored_at) VALUES ('servicePoints', '1', '{x', ?)`)
        .run(at),
    ).toThrow(/CHECK/);
  });
});
