import { describe, expect, it } from 'vitest';
import { columns, databaseAt, tableNames } from './testing';

describe('migration 0010 county scale', () => {
  it('adds the shared day counters and rate-limit windows', () => {
    const before = tableNames(databaseAt(9));
    const db = databaseAt(10);
    expect(tableNames(db).filter((name) => !before.includes(name))).toEqual(['day_sequences', 'rate_limit_windows']);
    expect(columns(db, 'day_sequences')).toEqual(['table_name', 'day', 'last_seq']);
    expect(columns(db, 'rate_limit_windows')).toEqual(['limiter', 'subject', 'window_start', 'hits']);
    db.close();
  });

  it('refuses a counter at zero and a second row for the same window', () => {
    const db = databaseAt(10);
    expect(() => db.prepare("INSERT INTO day_sequences VALUES ('tickets', '2026-03-02', 0)").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO rate_limit_windows VALUES ('terminal', 'k1', '2026-03-02T10:00', 1)").run();
    expect(() =>
      db.prepare("INSERT INTO rate_limit_windows VALUES ('terminal', 'k1', '2026-03-02T10:00', 1)").run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});
