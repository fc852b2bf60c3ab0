import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

const at = '2026-11-21T08:00:00.000Z';

function migratedTo(version: number, db = new Database(':memory:')): Database.Database {
  const result = migrate(
    db,
    migrations.filter((m) => m.version <= version),
    () => at,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return db;
}

const insert = (db: Database.Database, device: string, test: string) =>
  db
    .prepare(`INSERT INTO technician_test (device, test, passed, detail, at) VALUES (?, ?, 1, 'ok', ?)`)
    .run(device, test, at);

describe('migration 0011 scanner-test', () => {
  it('keeps the recorded tests and allows the scanner and its scan test, and nothing else new', () => {
    const db = migratedTo(10);
    insert(db, 'printer', 'printTestPage');
    expect(() => insert(db, 'qrScanner', 'scanCode')).toThrow(/CHECK/);
    migratedTo(11, db);
    expect(db.prepare('SELECT device, test, passed FROM technician_test').all()).toEqual([
      { device: 'printer', test: 'printTestPage', passed: 1 },
    ]);
    expect(() => insert(db, 'qrScanner', 'scanCode')).not.toThrow();
    expect(() => insert(db, 'qrScanner', 'scanCode')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert(db, 'touchScreen', 'scanCode')).toThrow(/CHECK/);
    expect(() => insert(db, 'qrScanner', 'jump')).toThrow(/CHECK/);
    const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'technician_test'`).pluck().get() as string;
    expect(sql).toMatch(/\)\s*STRICT$/);
  });
});
