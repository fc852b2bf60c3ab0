import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migratedTo } from '../../testing/memory-store';
import { migrations } from '.';
import { migration0014 } from './0014-scanner-test';

const at = '2026-11-21T08:00:00.000Z';

const insert = (db: Database.Database, device: string, test: string) =>
  db
    .prepare(`INSERT INTO technician_test (device, test, passed, detail, at) VALUES (?, ?, 1, 'ok', ?)`)
    .run(device, test, at);

describe('migration 0014 scanner-test', () => {
  it('keeps the recorded tests and allows the scanner and its scan test, and nothing else new', () => {
    // Every migration before this one, whatever they are: the table it rebuilds dates from 0005.
    const db = migratedTo(13, at);
    insert(db, 'printer', 'printTestPage');
    expect(() => insert(db, 'qrScanner', 'scanCode')).toThrow(/CHECK/);
    db.transaction(() => migration0014.up(db))();
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

  it('is in the list as version 14', () => {
    expect(migrations.find((m) => m.version === 14)).toBe(migration0014);
  });
});
