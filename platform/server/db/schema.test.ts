import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/harness';
import { migrate, schemaVersion } from './migrate';
import type { Migration } from './migration';
import { MIGRATIONS } from './migrations';
import { TEST_SEALER } from './migrations/testing';
import { describeDbOpenError, openPlatformDb } from './open';

const temps: Array<{ remove(): void }> = [];
function tempDbPath(): string {
  const temp = makeTempDir();
  temps.push(temp);
  return join(temp.dir, 'platform.db');
}
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

function tables(db: Database.Database): Array<{ name: string; strict: number }> {
  return (db.pragma('table_list') as Array<{ schema: string; name: string; type: string; strict: number }>).filter(
    (table) => table.schema === 'main' && table.type === 'table' && !table.name.startsWith('sqlite_'),
  );
}

describe('the platform database', () => {
  it('opens a file in WAL mode with synchronous=FULL, secure_delete and foreign keys on, read back from SQLite', () => {
    const path = tempDbPath();
    const opened = openPlatformDb(path, TEST_SEALER);
    if (!opened.ok) throw new Error(opened.error.kind);
    const db = opened.value;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('makes every table STRICT', () => {
    const opened = openPlatformDb(':memory:', TEST_SEALER);
    if (!opened.ok) throw new Error(opened.error.kind);
    const found = tables(opened.value);
    expect(found.map((table) => table.name)).toEqual(
      expect.arrayContaining(['terminals', 'idempotency_records', 'published_documents', 'materials', 'heartbeats']),
    );
    expect(found.filter((table) => table.strict !== 1).map((table) => table.name)).toEqual([]);
    opened.value.close();
  });

  it('refuses a database written by a newer schema, and leaves it untouched', () => {
    const path = tempDbPath();
    const newer = new Database(path);
    newer.exec('CREATE TABLE from_the_future (x INTEGER) STRICT; INSERT INTO from_the_future VALUES (7);');
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();

    const opened = openPlatformDb(path, TEST_SEALER);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error).toEqual({ kind: 'schemaTooNew', found: MIGRATIONS.length + 1, known: MIGRATIONS.length });
    expect(describeDbOpenError(path, opened.error)).toMatch(/newer platform; refusing to open it/);

    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    expect(after.prepare('SELECT x FROM from_the_future').pluck().get()).toBe(7);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });

  it('reports a file that is not a database instead of throwing', () => {
    const path = tempDbPath();
    const garbage = new Database(path);
    garbage.close();
    // Overwrite with bytes that are not a SQLite header.
    writeFileSync(path, 'this is not a database, just text long enough to be read');
    const opened = openPlatformDb(path, TEST_SEALER);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error.kind).toBe('cannotOpen');
    expect(existsSync(path)).toBe(true);
  });

  it('is a no-op to migrate an up-to-date database', () => {
    const opened = openPlatformDb(':memory:', TEST_SEALER);
    if (!opened.ok) throw new Error(opened.error.kind);
    expect(migrate(opened.value, MIGRATIONS, { sealer: TEST_SEALER })).toEqual({
      ok: true,
      value: { from: MIGRATIONS.length, to: MIGRATIONS.length },
    });
    opened.value.close();
  });

  it('rolls a failing migration back whole, leaving the version where it was', () => {
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x INTEGER) STRICT');
        db.exec('THIS IS NOT SQL');
      },
    };
    const db = new Database(':memory:');
    const result = migrate(db, [...MIGRATIONS, broken], { sealer: TEST_SEALER });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ kind: 'migrationFailed', version: broken.version, name: 'broken' });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('treats a gap in the migration numbers as a bug', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [MIGRATIONS[1] as Migration], { sealer: TEST_SEALER })).toThrow(/expected 1/);
    db.close();
  });
});
