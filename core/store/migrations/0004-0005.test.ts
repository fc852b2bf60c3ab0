import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';
import { migratedTo as migratedToVersion } from '../../testing/memory-store';

const now = () => '2026-11-21T08:00:00.000Z';

const migratedTo = (version: number): Database.Database => migratedToVersion(version, now);

const insertOutbox = (db: Database.Database, key: string, extra: Record<string, unknown> = {}) => {
  const row = {
    kind: 'inspection',
    key,
    method: 'POST',
    path: '/terminals/T/inspections',
    body: '{"a":1}',
    state: 'pending',
    sentAt: null,
    ...extra,
  };
  return db
    .prepare(
      `INSERT INTO outbox (kind, idempotency_key, method, path, body, created_at, state, sent_at)
       VALUES (@kind, @key, @method, @path, @body, '2026-11-21T08:00:00.000Z', @state, @sentAt)`,
    )
    .run(row);
};

describe('migration 0004 outbox', () => {
  it('is a STRICT table with a unique idempotency key and checked states', () => {
    const db = migratedTo(4);
    const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'outbox'`).pluck().get() as string;
    expect(sql).toMatch(/\)\s*STRICT$/);
    insertOutbox(db, 'key-0000000000000001');
    expect(() => insertOutbox(db, 'key-0000000000000001')).toThrow(/UNIQUE/);
    expect(() => insertOutbox(db, 'key-0000000000000002', { state: 'lost' })).toThrow(/CHECK/);
    expect(() => insertOutbox(db, 'key-0000000000000003', { body: '{not json' })).toThrow(/CHECK/);
    expect(() => insertOutbox(db, 'key-0000000000000004', { method: 'GET' })).toThrow(/CHECK/);
    expect(() => insertOutbox(db, 'short')).toThrow(/CHECK/);
  });

  it('requires sent_at exactly when an item is sent', () => {
    const db = migratedTo(4);
    expect(() => insertOutbox(db, 'key-0000000000000005', { state: 'sent' })).toThrow(/CHECK/);
    expect(() => insertOutbox(db, 'key-0000000000000006', { sentAt: 'x' })).toThrow(/CHECK/);
    expect(() =>
      insertOutbox(db, 'key-0000000000000007', { state: 'sent', sentAt: '2026-11-21T08:01:00.000Z' }),
    ).not.toThrow();
  });
});

describe('migration 0005 technician', () => {
  it('keeps one lockout row, checks test names and links an inspection to its outbox row', () => {
    const db = migratedTo(5);
    expect(db.prepare('SELECT failed_attempts FROM technician_lockout').pluck().all()).toEqual([0]);
    expect(() => db.prepare('INSERT INTO technician_lockout (id) VALUES (2)').run()).toThrow(/CHECK/);

    const test = db.prepare('INSERT INTO technician_test (device, test, passed, detail, at) VALUES (?, ?, ?, ?, ?)');
    test.run('printer', 'printTestPage', 1, 'ok', now());
    expect(() => test.run('printer', 'printTestPage', 0, 'again', now())).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => test.run('printer', 'dance', 1, 'ok', now())).toThrow(/CHECK/);
    expect(() => test.run('speaker', 'playSound', 1, 'ok', now())).toThrow(/CHECK/);

    const inspection = db.prepare('INSERT INTO inspection (id, outbox_id, finished_at, report) VALUES (?, ?, ?, ?)');
    expect(() => inspection.run('L-1', 999, now(), '{}')).toThrow(/FOREIGN KEY/);
    const outboxId = Number(insertOutbox(db, 'key-0000000000000008').lastInsertRowid);
    expect(() => inspection.run('L-1', outboxId, now(), '{}')).not.toThrow();
    expect(() => inspection.run('L-2', outboxId, now(), '{}')).toThrow(/UNIQUE/);
  });

  it('applies on top of a store that already holds outbox rows', () => {
    const db = migratedTo(4);
    insertOutbox(db, 'key-0000000000000009');
    const result = migrate(db, migrations, now);
    expect(result.ok && result.value.applied).toContain('0005-technician');
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);
  });
});
