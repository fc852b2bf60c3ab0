import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { err, ok, type Result } from '../../../core/pure/result';
import type { PlatformSealer } from '../sealing/sealer';
import { migrate, schemaVersion } from './migrate';
import type { Migration } from './migration';
import { MIGRATIONS } from './migrations';

export type DbOpenError =
  | { readonly kind: 'cannotOpen'; readonly detail: string }
  | { readonly kind: 'schemaTooNew'; readonly found: number; readonly known: number }
  | { readonly kind: 'durability'; readonly detail: string }
  | { readonly kind: 'wrongDataKey' }
  | { readonly kind: 'wrongCollation'; readonly collation: string }
  | { readonly kind: 'migrationFailed'; readonly version: number; readonly name: string; readonly detail: string };

const SYNCHRONOUS_FULL = 2;

export function describeDbOpenError(path: string, error: DbOpenError): string {
  switch (error.kind) {
    case 'cannotOpen':
      return `cannot open platform database ${path}: ${error.detail}`;
    case 'schemaTooNew':
      return (
        `platform database ${path} has schema version ${error.found}, but this build knows only up to ` +
        `${error.known}. It was written by a newer platform; refusing to open it (nothing was changed).`
      );
    case 'durability':
      return `platform database ${path} cannot be made durable: ${error.detail}`;
    case 'wrongDataKey':
      return (
        `platform database ${path} was sealed under a different data key than the one given. ` +
        `Start it with the key file it was created with (nothing was changed)`
      );
    case 'wrongCollation':
      return (
        `platform database ${path} sorts text by ${error.collation}; the platform needs byte order (C). Create it with ` +
        '`createdb --template=template0 --locale-provider=libc --locale=C.UTF-8 --encoding=UTF8 <name>` (nothing was changed)'
      );
    case 'migrationFailed':
      return `platform database ${path}: migration ${error.version} (${error.name}) failed and was rolled back: ${error.detail}`;
  }
}

/**
 * The schema version of a database file, read without writing anything; 0 when there is no file
 * yet. At or past SEALED_SINCE_VERSION it holds data sealed with a data key, and a missing key
 * file may then not be replaced by a new key. Opened read-write like openPlatformDb does, so a
 * WAL left by a crash is recovered rather than refused.
 */
export function storedSchemaVersion(path: string): number {
  if (path === ':memory:' || !existsSync(path)) return 0;
  const db = new Database(path, { fileMustExist: true });
  try {
    return schemaVersion(db);
  } finally {
    db.close();
  }
}

/** The key check stored at first sealing; undefined before that version or in an empty table. */
function storedKeyCheck(db: Database.Database): string | undefined {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'data_key_check'").get();
  if (table === undefined) return undefined;
  const value = db.prepare('SELECT key_check FROM data_key_check WHERE id = 1').pluck().get();
  return typeof value === 'string' ? value : undefined;
}

/**
 * Opens the platform's database: one connection, WAL, synchronous=FULL (read back, because
 * better-sqlite3 would silently keep NORMAL if the pragma did not take), secure_delete on (read
 * back too), foreign keys on, the data key checked against the one the data was sealed with, and
 * every migration applied (a migration that seals rows uses `sealer`). `:memory:` is allowed for
 * tests and skips the WAL check (an in-memory database has no WAL).
 */
export function openPlatformDb(
  path: string,
  sealer: PlatformSealer,
  migrations: readonly Migration[] = MIGRATIONS,
): Result<Database.Database, DbOpenError> {
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    // Checked before any pragma writes to the file: a too-new database is left exactly as it was.
    const found = schemaVersion(db);
    if (found > migrations.length) {
      db.close();
      return err({ kind: 'schemaTooNew', found, known: migrations.length });
    }
    // Likewise a database sealed under another key: migrating it would mix two keys in one file.
    const keyCheck = storedKeyCheck(db);
    if (keyCheck !== undefined && keyCheck !== sealer.keyCheck) {
      db.close();
      return err({ kind: 'wrongDataKey' });
    }
  } catch (error) {
    db?.close();
    return err({ kind: 'cannotOpen', detail: error instanceof Error ? error.message : String(error) });
  }
  const durability = configureDurability(db, path === ':memory:');
  if (!durability.ok) {
    db.close();
    return durability;
  }
  const migrated = migrate(db, migrations, { sealer });
  if (!migrated.ok) {
    db.close();
    return migrated;
  }
  return ok(db);
}

function configureDurability(db: Database.Database, inMemory: boolean): Result<void, DbOpenError> {
  const journal = db.pragma('journal_mode = WAL', { simple: true });
  if (!inMemory && journal !== 'wal') return err({ kind: 'durability', detail: `journal_mode is ${String(journal)}` });
  db.pragma('synchronous = FULL');
  const synchronous = db.pragma('synchronous', { simple: true });
  if (synchronous !== SYNCHRONOUS_FULL) {
    return err({ kind: 'durability', detail: `synchronous is ${String(synchronous)}, expected 2 (FULL)` });
  }
  // Deleted rows (a purged application, a replaced idempotent answer) are overwritten with zeros
  // in the page and in the WAL, instead of lingering in free space until the page is reused.
  db.pragma('secure_delete = ON');
  const secureDelete = db.pragma('secure_delete', { simple: true });
  if (secureDelete !== 1)
    return err({ kind: 'durability', detail: `secure_delete is ${String(secureDelete)}, expected 1` });
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return ok(undefined);
}
