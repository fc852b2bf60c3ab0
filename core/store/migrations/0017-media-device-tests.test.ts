import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migratedTo } from '../../testing/memory-store';
import { migrations } from '.';
import { migration0017 } from './0017-media-device-tests';

const at = '2026-11-21T08:00:00.000Z';

const insert = (db: Database.Database, device: string, test: string) =>
  db
    .prepare(`INSERT INTO technician_test (device, test, passed, detail, at) VALUES (?, ?, 1, 'ok', ?)`)
    .run(device, test, at);

describe('migration 0017 media-device-tests', () => {
  it('keeps the recorded tests and allows the face camera, the microphone and hearSound, and nothing else new', () => {
    const db = migratedTo(16, at);
    insert(db, 'qrScanner', 'scanCode');
    expect(() => insert(db, 'faceCamera', 'captureFrame')).toThrow(/CHECK/);
    expect(() => insert(db, 'microphone', 'hearSound')).toThrow(/CHECK/);
    db.transaction(() => migration0017.up(db))();
    expect(db.prepare('SELECT device, test, passed FROM technician_test').all()).toEqual([
      { device: 'qrScanner', test: 'scanCode', passed: 1 },
    ]);
    expect(() => insert(db, 'faceCamera', 'captureFrame')).not.toThrow();
    expect(() => insert(db, 'microphone', 'hearSound')).not.toThrow();
    expect(() => insert(db, 'microphone', 'hearSound')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert(db, 'speaker', 'hearSound')).toThrow(/CHECK/);
    expect(() => insert(db, 'microphone', 'sing')).toThrow(/CHECK/);
    const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'technician_test'`).pluck().get() as string;
    expect(sql).toMatch(/\)\s*STRICT$/);
  });

  it('is in the list as version 17', () => {
    expect(migrations.find((m) => m.version === 17)).toBe(migration0017);
  });
});
