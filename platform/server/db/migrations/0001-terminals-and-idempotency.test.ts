import { describe, expect, it } from 'vitest';
import { columns, databaseAt, tableNames } from './testing';

describe('migration 0001 terminals-and-idempotency', () => {
  it('creates terminals and idempotency_records', () => {
    const db = databaseAt(1);
    expect(tableNames(db)).toEqual(['idempotency_records', 'terminals']);
    expect(columns(db, 'terminals')).toEqual([
      'terminal_id',
      'station_id',
      'token_sha256',
      'registered_at',
      'updated_at',
      'last_seen_at',
    ]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('keys stored responses on (terminal, key) and refuses a second record for the same pair', () => {
    const db = databaseAt(1);
    db.prepare("INSERT INTO terminals VALUES ('k1', 's1', ?, 't', 't', NULL)").run('a'.repeat(64));
    const insert = db.prepare(
      "INSERT INTO idempotency_records VALUES ('k1', ?, ?, 'POST', '/x', 201, '{}', x'00', 't')",
    );
    insert.run('key-1', 'f'.repeat(64));
    expect(() => insert.run('key-1', 'e'.repeat(64))).toThrow(/UNIQUE|PRIMARY KEY/);
    db.close();
  });

  it('refuses a record for an unknown terminal, a 5xx status and a wrongly typed value (STRICT)', () => {
    const db = databaseAt(1);
    db.prepare("INSERT INTO terminals VALUES ('k1', 's1', ?, 't', 't', NULL)").run('a'.repeat(64));
    const insert = db.prepare(
      "INSERT INTO idempotency_records VALUES (?, 'key', ?, 'POST', '/x', ?, '{}', x'00', 't')",
    );
    expect(() => insert.run('nobody', 'f'.repeat(64), 201)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run('k1', 'f'.repeat(64), 503)).toThrow(/CHECK/);
    expect(() => insert.run('k1', 'f'.repeat(64), 'two hundred')).toThrow(/cannot store TEXT value in INTEGER/);
    db.close();
  });

  it('refuses two terminals with the same token hash', () => {
    const db = databaseAt(1);
    const insert = db.prepare("INSERT INTO terminals VALUES (?, 's1', ?, 't', 't', NULL)");
    insert.run('k1', 'a'.repeat(64));
    expect(() => insert.run('k2', 'a'.repeat(64))).toThrow(/UNIQUE/);
    db.close();
  });
});
