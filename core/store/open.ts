import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { err, ok, type Result } from '../pure/result';
import type { Logger } from '../logging/logger';
import { ensurePrivateFile } from './data-folder';
import { acquireStoreLock } from './lock';
import { describeSchemaError, migrate } from './migrate';
import type { Migration } from './migration';
import { migrations as allMigrations } from './migrations';

export interface Store {
  readonly db: Database.Database;
  readonly path: string;
  close(): void;
}

export type StoreError =
  | { kind: 'storeLocked'; message: string }
  | { kind: 'storeSchema'; message: string }
  | { kind: 'storeDurability'; message: string }
  | { kind: 'storeOpen'; message: string };

export interface OpenStoreOptions {
  readonly path: string;
  readonly logger: Logger;
  readonly migrations?: readonly Migration[];
  readonly now?: () => string;
}

/**
 * Opens the kiosk's one writer connection. Durability is asserted, not assumed: WAL with
 * synchronous=FULL (better-sqlite3 defaults to NORMAL, which can lose the last commits on power
 * loss — docs/reliability.md §2.1 and WordPress/sqlite-database-integration#483), read back after
 * setting and logged. A damaged or foreign database stops start-up with a message; nothing is
 * ever wiped.
 */
export function openStore(options: OpenStoreOptions): Result<Store, StoreError> {
  const log = options.logger.child({ component: 'store' });
  const now = options.now ?? (() => new Date().toISOString());
  mkdirSync(dirname(options.path), { recursive: true, mode: 0o700 });

  const lock = acquireStoreLock(`${options.path}.lock`);
  if (!lock.ok) {
    return err({
      kind: 'storeLocked',
      message: `the store ${options.path} is in use by another kiosk process (pid ${lock.error.ownerPid}); stop it first`,
    });
  }

  let db: Database.Database;
  try {
    // Owner-only before SQLite creates it with the umask's mode; -wal and -shm take its mode.
    ensurePrivateFile(options.path);
    db = new Database(options.path);
  } catch (error) {
    lock.value.release();
    return err({ kind: 'storeOpen', message: `cannot open the store ${options.path}: ${(error as Error).message}` });
  }

  const fail = (error: StoreError): Result<never, StoreError> => {
    db.close();
    lock.value.release();
    return err(error);
  };

  try {
    const journal = String(db.pragma('journal_mode = WAL', { simple: true }));
    db.pragma('synchronous = FULL');
    const synchronous = Number(db.pragma('synchronous', { simple: true }));
    if (journal !== 'wal' || synchronous !== 2) {
      return fail({
        kind: 'storeDurability',
        message: `the store ${options.path} could not be made durable (journal_mode=${journal}, synchronous=${synchronous}; need wal and 2=FULL)`,
      });
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted personal data must not linger in free pages (docs/privacy.md): asserted
    // like durability, because the retention purge relies on it.
    db.pragma('secure_delete = ON');
    const secureDelete = Number(db.pragma('secure_delete', { simple: true }));
    if (secureDelete !== 1) {
      return fail({
        kind: 'storeDurability',
        message: `the store ${options.path} could not turn on secure_delete (read back ${secureDelete}); deleted personal data would stay on disk`,
      });
    }
    // Bound the WAL file; it is checkpointed automatically at 1000 pages (docs/reliability.md §2.1).
    db.pragma('journal_size_limit = 67108864');

    const check = String(db.pragma('quick_check', { simple: true }));
    if (check !== 'ok') {
      return fail({
        kind: 'storeOpen',
        message: `the store ${options.path} is damaged (quick_check: ${check}). Refusing to start; nothing was changed. Keep the file for the maintainer.`,
      });
    }

    const migrated = migrate(db, options.migrations ?? allMigrations, now);
    if (!migrated.ok) return fail({ kind: 'storeSchema', message: describeSchemaError(migrated.error, options.path) });

    log.info(
      {
        path: options.path,
        journal,
        synchronous: 'FULL',
        secureDelete: true,
        schemaVersion: migrated.value.to,
        applied: migrated.value.applied,
        sqlite: String(db.prepare('SELECT sqlite_version() AS v').pluck().get()),
      },
      'store opened',
    );
  } catch (error) {
    return fail({
      kind: 'storeOpen',
      message: `cannot prepare the store ${options.path}: ${(error as Error).message}`,
    });
  }

  let closed = false;
  return ok({
    db,
    path: options.path,
    close() {
      if (closed) return;
      closed = true;
      db.close();
      lock.value.release();
    },
  });
}
