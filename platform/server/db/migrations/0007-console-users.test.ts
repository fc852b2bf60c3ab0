import { describe, expect, it } from 'vitest';
import { databaseAt, tableNames } from './testing';

describe('migration 0007 console-users', () => {
  it('adds console users, sessions and the audit log on top of version 6', () => {
    const before = tableNames(databaseAt(6));
    const after = tableNames(databaseAt(7));
    expect(after.filter((name) => !before.includes(name))).toEqual([
      'console_audit',
      'console_sessions',
      'console_users',
    ]);
  });

  it('keeps usernames unique, roles known and scopes JSON', () => {
    const db = databaseAt(7);
    const insert = db.prepare(
      "INSERT INTO console_users (username, display_name, role, scope, password_hash, created_at) VALUES (?, 'n', ?, ?, 'h', 't')",
    );
    insert.run('wang.li', 'countyAdmin', '{"kind":"county"}');
    expect(() => insert.run('wang.li', 'technician', '{"kind":"county"}')).toThrow(/UNIQUE/);
    expect(() => insert.run('zhao.yu', 'mayor', '{"kind":"county"}')).toThrow(/CHECK/);
    expect(() => insert.run('zhao.yu', 'technician', 'county')).toThrow(/CHECK/);
    db.close();
  });

  it('stores only 64-hex-digit session hashes and drops a deleted user’s sessions', () => {
    const db = databaseAt(7);
    db.prepare(
      "INSERT INTO console_users (username, display_name, role, scope, password_hash, created_at) VALUES ('wang.li', 'n', 'technician', '{\"kind\":\"county\"}', 'h', 't')",
    ).run();
    const insert = db.prepare("INSERT INTO console_sessions VALUES (?, 1, 't', 't', 't')");
    expect(() => insert.run('short')).toThrow(/CHECK/);
    insert.run('a'.repeat(64));
    db.prepare('DELETE FROM console_users').run();
    expect(db.prepare('SELECT count(*) FROM console_sessions').pluck().get()).toBe(0);
    db.close();
  });
});
