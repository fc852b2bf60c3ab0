import { describe, expect, it } from 'vitest';
import { migratedTo } from '../../testing/memory-store';
import { migrations } from '.';
import { migration0015 } from './0015-paper-use';

describe('migration 0015 paper use', () => {
  it('keeps the paper counter, adds an unset dated_since and a STRICT table of timestamps only', () => {
    const db = migratedTo(14);
    db.prepare(
      `UPDATE printer_counter SET prints_since_replaced = 7, paper_replaced_at = '2026-11-20T08:00:00.000Z'`,
    ).run();
    db.transaction(() => migration0015.up(db))();
    expect(db.prepare('SELECT * FROM printer_counter').all()).toEqual([
      { id: 1, paper_replaced_at: '2026-11-20T08:00:00.000Z', prints_since_replaced: 7, dated_since: null },
    ]);
    expect(db.prepare(`SELECT name FROM pragma_table_info('paper_use')`).pluck().all()).toEqual(['at']);
    expect(() => db.prepare('INSERT INTO paper_use (at) VALUES (NULL)').run()).toThrow(/NOT NULL/);
    expect(() => db.prepare('INSERT INTO paper_use (at) VALUES (?)').run(Buffer.from('x'))).toThrow(
      /cannot store BLOB/,
    );
    const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'paper_use'`).pluck().get() as string;
    expect(sql).toMatch(/\)\s*STRICT$/);
  });

  it('is in the list as version 15', () => {
    expect(migrations.find((m) => m.version === 15)).toBe(migration0015);
  });
});
