import type Database from 'better-sqlite3';
import { err, ok, type Result } from '../../../core/pure/result';
import type { Migration, MigrationContext } from './migration';

export type MigrationError =
  | { readonly kind: 'schemaTooNew'; readonly found: number; readonly known: number }
  | { readonly kind: 'migrationFailed'; readonly version: number; readonly name: string; readonly detail: string };

export function schemaVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new Error(`user_version is not a number: ${String(version)}`);
  return version;
}

/** What the two engines' migration lists (db/migrations, db/postgres/migrations) have in common. */
export interface NumberedMigration {
  readonly version: number;
  readonly name: string;
}

/** Checks the list is 1, 2, 3 … with no gaps; a gap is a bug in the code, not in the database. */
export function assertContiguous(migrations: readonly NumberedMigration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
  });
}

/** The error of a migration whose transaction threw (and was rolled back). */
export function migrationFailed(migration: NumberedMigration, error: unknown): MigrationError {
  return {
    kind: 'migrationFailed',
    version: migration.version,
    name: migration.name,
    detail: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Brings the database up to `target` (default: the newest migration). Refuses a database whose
 * version is newer than the code knows: an older build must never touch, let alone wipe, data
 * written by a newer one.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  context: MigrationContext,
  target: number = migrations.length,
): Result<{ readonly from: number; readonly to: number }, MigrationError> {
  assertContiguous(migrations);
  const from = schemaVersion(db);
  if (from > migrations.length) return err({ kind: 'schemaTooNew', found: from, known: migrations.length });
  for (const migration of migrations.slice(from, target)) {
    try {
      db.transaction(() => {
        migration.up(db, context);
        // PRAGMA takes no bound parameters; the value is an integer from our own code.
        db.pragma(`user_version = ${Math.trunc(migration.version)}`);
      })();
    } catch (error) {
      return err(migrationFailed(migration, error));
    }
  }
  return ok({ from, to: Math.max(from, target) });
}
