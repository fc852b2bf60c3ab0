import Database from 'better-sqlite3';
import { err, ok, type Result } from '../../../core/api/result';
import { migrate, schemaVersion } from './migrate';
import type { Migration } from './migration';
import { MIGRATIONS } from './migrations';

export type DbOpenError =
  | { readonly kind: 'cannotOpen'; readonly detail: string }
  | { readonly kind: 'schemaTooNew'; readonly found: number; readonly known: number }
  | { readonly kind: 'durability'; readonly detail: string }
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
    case 'migrationFailed':
      return `platform database ${path}: migration ${error.version} (${error.name}) failed and was rolled back: ${error.detail}`;
  }
}

/**
 * Opens the platform's database: one connection, WAL, synchronous=FULL (read back, because
 * better-sqlite3 would silently keep NORMAL if the pragma did not take), foreign keys on, and
 * every migration applied. `:memory:` is allowed for tests and skips the WAL check (an in-memory
 * database has no WAL).
 */
export function openPlatformDb(
  path: string,
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
  } catch (error) {
    db?.close();
    return err({ kind: 'cannotOpen', detail: error instanceof Error ? error.message : String(error) });
  }
  const durability = configureDurability(db, path === ':memory:');
  if (!durability.ok) {
    db.close();
    return durability;
  }
  const migrated = migrate(db, migrations);
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
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return ok(undefined);
}
