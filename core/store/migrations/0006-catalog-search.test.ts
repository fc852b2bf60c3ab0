import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';
import { migratedTo as migratedToVersion } from '../../testing/memory-store';

const now = () => '2026-11-28T08:00:00.000Z';

const migratedTo = (version: number): Database.Database => migratedToVersion(version, now);

function storeMatter(db: Database.Database, code: string, name: string, seq: number) {
  db.prepare(`INSERT OR IGNORE INTO catalog_department (code, name) VALUES ('RSJ', '人社局')`).run();
  db.prepare(
    `INSERT INTO catalog_matter (code, version, seq, name, service_kind, case_type, promised_working_days, handling,
       channels, department_code, cross_village, guide)
     VALUES (?, 1, ?, ?, 'assistedAcceptance', 'instant', NULL, 'assisted', '["selfService"]', 'RSJ', 1, NULL)`,
  ).run(code, seq, name);
}

describe('migration 0006 catalog-search', () => {
  it('creates STRICT tables for forms, life events and the search index', () => {
    const db = migratedTo(6);
    for (const table of ['catalog_matter_form', 'catalog_life_event', 'catalog_life_event_matter', 'catalog_search']) {
      const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(table) as string;
      expect(sql, table).toMatch(/\)\s*STRICT$/);
    }
  });

  it('refuses an empty or invalid form, and rows for matters that do not exist', () => {
    const db = migratedTo(6);
    storeMatter(db, 'M-1', '社保', 1);
    const form = db.prepare('INSERT INTO catalog_matter_form (matter_code, fields) VALUES (?, ?)');
    expect(() => form.run('M-1', '[]')).toThrow(/CHECK/);
    expect(() => form.run('M-1', '{"a":1}')).toThrow(/CHECK/);
    expect(() => form.run('M-1', '[not json')).toThrow(/CHECK/);
    expect(() => form.run('M-2', '[{}]')).toThrow(/FOREIGN KEY/);
    expect(() => form.run('M-1', '[{}]')).not.toThrow();
  });

  it('keeps each matter once per life event, in positions', () => {
    const db = migratedTo(6);
    storeMatter(db, 'M-1', '社保', 1);
    storeMatter(db, 'M-2', '医保', 2);
    db.prepare(
      `INSERT INTO catalog_life_event (id, name, description, sort_order) VALUES ('e', '一件事', '', 0)`,
    ).run();
    const member = db.prepare(
      'INSERT INTO catalog_life_event_matter (life_event_id, position, matter_code) VALUES (?, ?, ?)',
    );
    member.run('e', 0, 'M-1');
    expect(() => member.run('e', 1, 'M-1')).toThrow(/UNIQUE/);
    expect(() => member.run('e', 0, 'M-2')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => member.run('x', 1, 'M-2')).toThrow(/FOREIGN KEY/);
    expect(() => member.run('e', -1, 'M-2')).toThrow(/CHECK/);
  });

  it('indexes the catalog a kiosk already stored before it', () => {
    const db = migratedTo(5);
    storeMatter(db, 'M-1', '城乡居民社保', 1);
    const result = migrate(db, migrations, now);
    expect(result.ok && result.value.applied).toContain('0006-catalog-search');
    expect(db.prepare('SELECT matter_code, syllables, full_pinyin, initials FROM catalog_search').all()).toEqual([
      {
        matter_code: 'M-1',
        syllables: '["cheng","xiang","ju","min","she","bao"]',
        full_pinyin: 'chengxiangjuminshebao',
        initials: 'cxjmsb',
      },
    ]);
  });
});

describe('migration 0006 is frozen', () => {
  // The index rows 0006 wrote when it shipped, for names with polyphones, digits and punctuation.
  // pinyin-pro is pinned exactly (package.json) because 0006 reads with it: an upgrade that
  // changes a reading fails here, and then 0006 must keep the old reading itself.
  it('writes the same rows it wrote when it shipped', () => {
    const db = migratedTo(5);
    const names = ['重新申领居民身份证', '银行卡（社保卡）挂失', '2025年度残疾人补贴', '长期护理保险', '行政复议申请'];
    names.forEach((name, index) => storeMatter(db, `M-${index}`, name, index));
    migrate(db, migrations, now);
    const rows = db.prepare('SELECT matter_code, full_pinyin, initials FROM catalog_search ORDER BY matter_code').all();
    expect(rows).toMatchInlineSnapshot(`
      [
        {
          "full_pinyin": "chongxinshenlingjuminshenfenzheng",
          "initials": "cxsljmsfz",
          "matter_code": "M-0",
        },
        {
          "full_pinyin": "yinhangkashebaokaguashi",
          "initials": "yhksbkgs",
          "matter_code": "M-1",
        },
        {
          "full_pinyin": "2025nianducanjirenbutie",
          "initials": "2025ndcjrbt",
          "matter_code": "M-2",
        },
        {
          "full_pinyin": "changqihulibaoxian",
          "initials": "cqhlbx",
          "matter_code": "M-3",
        },
        {
          "full_pinyin": "xingzhengfuyishenqing",
          "initials": "xzfysq",
          "matter_code": "M-4",
        },
      ]
    `);
  });
});
