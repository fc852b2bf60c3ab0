import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateStore, migratedTo } from '../../testing/memory-store';

const at = '2026-12-06T08:00:00.000Z';

const store = (db: Database.Database, kind: string, version: string) => {
  db.prepare(`INSERT INTO care_document (kind, version, body, stored_at) VALUES (?, ?, '{"version":"x"}', ?)`).run(
    kind,
    version,
    at,
  );
  db.prepare(`INSERT INTO care_document_current (kind, version, confirmed_at) VALUES (?, ?, ?)`).run(kind, version, at);
};

describe('migration 0013 work calendar document', () => {
  it('keeps the stored documents and accepts the work calendar as a kind', () => {
    const db = migratedTo(12, at);
    store(db, 'ratingOptions', '2025.1');
    store(db, 'servicePoints', 'sp-7');
    expect(() => store(db, 'workCalendar', '2026.12.01-1')).toThrow(/CHECK/);

    migrateStore(db, { upTo: 13, at });
    expect(db.prepare('SELECT kind, version FROM care_document_current ORDER BY kind').all()).toEqual([
      { kind: 'ratingOptions', version: '2025.1' },
      { kind: 'servicePoints', version: 'sp-7' },
    ]);
    expect(() => store(db, 'workCalendar', '2026.12.01-1')).not.toThrow();
    expect(() => store(db, 'weather', '1')).toThrow(/CHECK/);
  });

  it('still ties the current version to a stored one, in STRICT tables', () => {
    const db = migratedTo(13, at);
    expect(() =>
      db
        .prepare(`INSERT INTO care_document_current (kind, version, confirmed_at) VALUES ('workCalendar', 'none', ?)`)
        .run(at),
    ).toThrow(/FOREIGN KEY/);
    for (const table of ['care_document', 'care_document_current']) {
      const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(table) as string;
      expect(sql, table).toMatch(/\)\s*STRICT$/);
      expect(sql, table).not.toMatch(/_v13/);
    }
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
