import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';
import { migratedTo as migratedToVersion } from '../../testing/memory-store';

const now = () => '2026-11-21T08:00:00.000Z';

/** A fresh in-memory database migrated up to and including `version`. */
const migratedTo = (version: number): Database.Database => migratedToVersion(version, now);

const columns = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name);

describe('migration 0001 catalog', () => {
  it('creates the catalog tables with their constraints', () => {
    const db = migratedTo(1);
    expect(columns(db, 'catalog_matter')).toEqual([
      'code',
      'version',
      'seq',
      'name',
      'service_kind',
      'case_type',
      'promised_working_days',
      'handling',
      'channels',
      'department_code',
      'cross_village',
      'guide',
    ]);
    db.prepare("INSERT INTO catalog_department (code, name) VALUES ('MZJ', '民政局')").run();
    const insert = db.prepare(
      `INSERT INTO catalog_matter (code, version, seq, name, service_kind, case_type, handling, channels, department_code, cross_village)
       VALUES (?, 1, 1, '临时救助', ?, 'promised', 'assisted', '[]', ?, 0)`,
    );
    expect(() => insert.run('A-000001', 'approvalAgency', 'MZJ')).not.toThrow();
    expect(() => insert.run('A-000002', 'notAKind', 'MZJ')).toThrow(/CHECK/);
    expect(() => insert.run('A-000003', 'approvalAgency', 'NOPE')).toThrow(/FOREIGN KEY/);
    // STRICT: a text in an INTEGER column is refused rather than stored.
    expect(() =>
      db.prepare("INSERT INTO catalog_theme (id, name, sort_order) VALUES ('x', 'x', 'first')").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('allows only one catalog_meta row', () => {
    const db = migratedTo(1);
    const insert = db.prepare(
      "INSERT INTO catalog_meta (id, version, published_at, region_code, region_name, stored_at) VALUES (?, 'v', 't', '370784', '安丘市', 't')",
    );
    insert.run(1);
    expect(() => insert.run(2)).toThrow(/CHECK/);
  });
});

describe('migration 0002 catalog sync state', () => {
  it('adds the single sync-state row and keeps the catalog stored under 0001', () => {
    const db = migratedTo(1);
    db.prepare("INSERT INTO catalog_theme (id, name, sort_order) VALUES ('elderly', '老年人服务', 1)").run();
    const result = migrate(db, migrations.slice(0, 2), now);
    expect(result.ok && result.value.applied).toEqual(['0002-catalog-sync-state']);
    expect(db.prepare('SELECT COUNT(*) FROM catalog_sync_state').pluck().get()).toBe(1);
    expect(db.prepare('SELECT name FROM catalog_theme').pluck().get()).toBe('老年人服务');
    expect(() => db.prepare('INSERT INTO catalog_sync_state (id) VALUES (2)').run()).toThrow(/CHECK/);
  });
});

describe('migration list', () => {
  it('is numbered 1..n without gaps, names match the file names', () => {
    migrations.forEach((migration, index) => expect(migration.version).toBe(index + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });
});
