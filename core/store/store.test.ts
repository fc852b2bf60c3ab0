import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging/logger';
import { migrations } from './migrations';
import { openStore } from './open';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const open = (path = join(dir, 'kiosk.sqlite')) => openStore({ path, logger: silentLogger() });

describe('openStore', () => {
  it('opens with WAL and synchronous=FULL and applies every migration', () => {
    const store = open();
    expect(store.ok).toBe(true);
    if (!store.ok) return;
    const { db } = store.value;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const names = db.prepare('SELECT name FROM schema_migration ORDER BY version').pluck().all();
    expect(names).toEqual(migrations.map((m) => m.name));
    store.value.close();
  });

  it('keeps secure_delete on and creates the store, its WAL and SHM owner-only', () => {
    const path = join(dir, 'data', 'kiosk.sqlite');
    const store = open(path);
    if (!store.ok) throw new Error(store.error.message);
    const { db } = store.value;
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    db.prepare("UPDATE catalog_sync_state SET last_error = 'x'").run();
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(statSync(file).mode & 0o777, file).toBe(0o600);
    expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
    store.value.close();
  });

  it('tightens a store file left readable by others', () => {
    const path = join(dir, 'kiosk.sqlite');
    const first = open(path);
    if (!first.ok) throw new Error(first.error.message);
    first.value.close();
    chmodSync(path, 0o644);
    const second = open(path);
    if (!second.ok) throw new Error(second.error.message);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    second.value.close();
  });

  it('makes every table STRICT', () => {
    const store = open();
    if (!store.ok) throw new Error(store.error.message);
    const tables = store.value.db
      .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'")
      .all() as Array<{ name: string; strict: number }>;
    expect(tables.length).toBeGreaterThan(3);
    expect(tables.filter((t) => t.strict !== 1).map((t) => t.name)).toEqual([]);
    store.value.close();
  });

  it('reopens an up-to-date store without changing it', () => {
    const first = open();
    if (!first.ok) throw new Error(first.error.message);
    first.value.db.prepare("UPDATE catalog_sync_state SET last_error = 'kept'").run();
    first.value.close();
    const second = open();
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.db.prepare('SELECT last_error FROM catalog_sync_state').pluck().get()).toBe('kept');
    second.value.close();
  });

  it('refuses a store written by a newer release and leaves it untouched', () => {
    const path = join(dir, 'kiosk.sqlite');
    const first = open(path);
    if (!first.ok) throw new Error(first.error.message);
    first.value.db.pragma('user_version = 99');
    first.value.db.prepare("UPDATE catalog_sync_state SET last_error = 'from the future'").run();
    first.value.close();

    const second = open(path);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.kind).toBe('storeSchema');
    expect(second.error.message).toMatch(
      new RegExp(`schema version 99.*only knows versions up to ${migrations.length}\\b`),
    );
    expect(second.error.message).toMatch(/nothing was changed/i);

    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(99);
    expect(raw.prepare('SELECT last_error FROM catalog_sync_state').pluck().get()).toBe('from the future');
    raw.close();
  });

  it('refuses a database of another program', () => {
    const path = join(dir, 'other.sqlite');
    const raw = new Database(path);
    raw.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    raw.close();
    const store = open(path);
    expect(store.ok).toBe(false);
    if (store.ok) return;
    expect(store.error.message).toMatch(/invoices.*not a kiosk store/);
  });

  it('refuses a store whose recorded migrations diverge from ours', () => {
    const path = join(dir, 'kiosk.sqlite');
    const first = open(path);
    if (!first.ok) throw new Error(first.error.message);
    first.value.db.prepare("UPDATE schema_migration SET name = 'something-else' WHERE version = 2").run();
    first.value.close();
    const second = open(path);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.message).toMatch(/migration 2 as "something-else"/);
  });

  it('refuses a damaged file without deleting it', () => {
    const path = join(dir, 'kiosk.sqlite');
    writeFileSync(path, Buffer.alloc(8192, 0x41));
    const store = open(path);
    expect(store.ok).toBe(false);
    if (store.ok) return;
    expect(store.error.kind).toBe('storeOpen');
    expect(statSync(path).size).toBe(8192);
  });

  it('lets only one process own a store, and takes over a lock left by a dead one', () => {
    const path = join(dir, 'kiosk.sqlite');
    const first = open(path);
    if (!first.ok) throw new Error(first.error.message);
    // Same process, second owner: the lock file names a live pid (ours is excluded), so fake another.
    writeFileSync(`${path}.lock`, String(process.ppid));
    const second = open(path);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error.kind).toBe('storeLocked');
    first.value.db.close();

    // A pid that cannot exist: the lock is stale and is taken over.
    writeFileSync(`${path}.lock`, '2147483646');
    const third = open(path);
    expect(third.ok).toBe(true);
    if (third.ok) third.value.close();
  });
});
