import { describe, expect, it } from 'vitest';
import { databaseAt, tableNames } from './testing';

describe('migration 0004 terminal-reports', () => {
  it('adds heartbeats, inspections and assistance_requests on top of version 3', () => {
    const before = tableNames(databaseAt(3));
    const after = tableNames(databaseAt(4));
    expect(after.filter((name) => !before.includes(name))).toEqual([
      'assistance_requests',
      'heartbeats',
      'inspections',
    ]);
  });

  it('numbers requests per day uniquely and checks kind and status', () => {
    const db = databaseAt(4);
    db.prepare("INSERT INTO terminals VALUES ('k1', 's1', ?, 't', 't', NULL)").run('a'.repeat(64));
    const insert = db.prepare(
      "INSERT INTO assistance_requests VALUES (?, '2026-03-01', ?, 'k1', 's1', ?, ?, '{}', 't', 't')",
    );
    insert.run('AR-20260301-0001', 1, 'callback', 'received');
    expect(() => insert.run('AR-20260301-0002', 1, 'callback', 'received')).toThrow(/UNIQUE/);
    expect(() => insert.run('AR-20260301-0003', 3, 'teleport', 'received')).toThrow(/CHECK/);
    expect(() => insert.run('AR-20260301-0004', 4, 'callback', 'lost')).toThrow(/CHECK/);
    db.close();
  });

  it('keeps heartbeats per terminal with a non-negative outbox depth', () => {
    const db = databaseAt(4);
    db.prepare("INSERT INTO terminals VALUES ('k1', 's1', ?, 't', 't', NULL)").run('a'.repeat(64));
    const insert = db.prepare(
      "INSERT INTO heartbeats (terminal_id, received_at, sent_at, app_version, catalog_version, outbox_pending, body) VALUES ('k1', 't', 't', '1', NULL, ?, '{}')",
    );
    insert.run(0);
    expect(() => insert.run(-1)).toThrow(/CHECK/);
    db.close();
  });
});
