import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';
import { migratedTo as migratedToVersion } from '../../testing/memory-store';

const now = () => '2026-12-01T08:00:00.000Z';

const migratedTo = (version: number): Database.Database => migratedToVersion(version, now);

function storeMatter(db: Database.Database, code: string) {
  db.prepare(`INSERT OR IGNORE INTO catalog_department (code, name) VALUES ('MZJ', '民政局')`).run();
  db.prepare(
    `INSERT INTO catalog_matter (code, version, seq, name, service_kind, case_type, promised_working_days, handling,
       channels, department_code, cross_village, guide)
     VALUES (?, 1, 18, '最低生活保障', 'approvalAgency', 'promised', 30, 'assisted', '["assistRequest"]', 'MZJ', 0, NULL)`,
  ).run(code);
}

describe('migration 0011 catalog-aliases-and-search-terms', () => {
  it('gives a matter stored before it no aliases, and leaves the index format unset so it is rebuilt', () => {
    const db = migratedTo(10);
    storeMatter(db, 'M-18');
    const result = migrate(db, migrations, now);
    expect(result.ok && result.value.applied).toContain('0011-catalog-aliases-and-search-terms');
    expect(db.prepare('SELECT aliases FROM catalog_matter').pluck().get()).toBe('[]');
    expect(db.prepare('SELECT COUNT(*) FROM catalog_search_format').pluck().get()).toBe(0);
  });

  it('keeps aliases a JSON array, terms of known fields tied to their matter, and one format row', () => {
    const db = migratedTo(11);
    storeMatter(db, 'M-18');
    const setAliases = db.prepare('UPDATE catalog_matter SET aliases = ? WHERE code = ?');
    expect(() => setAliases.run('["低保"]', 'M-18')).not.toThrow();
    expect(() => setAliases.run('"低保"', 'M-18')).toThrow(/CHECK/);
    expect(() => setAliases.run('[低保', 'M-18')).toThrow(/CHECK/);
    const term = db.prepare(
      'INSERT INTO catalog_search_term (matter_code, position, field, text, syllables) VALUES (?, ?, ?, ?, ?)',
    );
    expect(() => term.run('M-18', 0, 'alias', '低保', '["di","bao"]')).not.toThrow();
    expect(() => term.run('M-18', 0, 'guide', '低保', '["di","bao"]')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => term.run('M-18', 1, 'name', '低保', '["di","bao"]')).toThrow(/CHECK/);
    expect(() => term.run('M-18', 2, 'alias', '', '[]')).toThrow(/CHECK/);
    expect(() => term.run('M-99', 3, 'alias', '低保', '[]')).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM catalog_matter').run();
    expect(db.prepare('SELECT COUNT(*) FROM catalog_search_term').pluck().get()).toBe(0);
    db.prepare('INSERT INTO catalog_search_format (id, format) VALUES (1, 2)').run();
    expect(() => db.prepare('INSERT INTO catalog_search_format (id, format) VALUES (2, 2)').run()).toThrow(/CHECK/);
  });
});

describe('migration 0012 matter-usage', () => {
  it('keeps one count per matter code, not tied to the stored catalog, never negative', () => {
    const db = migratedTo(12);
    const insert = db.prepare('INSERT INTO matter_usage (matter_code, uses) VALUES (?, ?)');
    expect(() => insert.run('370784-CJ-018', 3)).not.toThrow();
    expect(() => insert.run('370784-CJ-018', 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('370784-CJ-019', -1)).toThrow(/CHECK/);
    expect(() => insert.run('', 1)).toThrow(/CHECK/);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('matter_usage')).toEqual([
      'matter_code',
      'uses',
    ]);
    const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'matter_usage'`).pluck().get() as string;
    expect(sql).toMatch(/\)\s*STRICT$/);
  });
});
