import type pg from 'pg';
import { err, ok, type Result } from '../../../../core/pure/result';
import type { MigrationContext } from '../migration';
import { assertContiguous, migrationFailed, type MigrationError } from '../migrate';
import { clientSqlQueries } from '../postgres-sql';
import type { SqlQueries } from '../sql';
import type { PostgresMigration } from './migration';

/**
 * The schema version lives in schema_migrations (one row per applied migration), the PostgreSQL
 * counterpart of SQLite's user_version. Two platform instances starting at once on an empty
 * database must not both run migration 1: the runner holds a session advisory lock (the number is
 * fixed: "bianmin01" in ASCII, so nothing else on a shared server takes it by accident) while it
 * reads the version and migrates.
 */
export const MIGRATION_LOCK_KEY = 0x6269616e6d696e01n;

export async function postgresSchemaVersion(db: Pick<SqlQueries, 'get'>): Promise<number> {
  const table = await db.get<{ found: number }>(
    "SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'",
  );
  if (table === undefined) return 0;
  const row = await db.get<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
  return row?.version ?? 0;
}

export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly PostgresMigration[],
  context: MigrationContext,
  target: number = migrations.length,
): Promise<Result<{ readonly from: number; readonly to: number }, MigrationError>> {
  assertContiguous(migrations);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    // One connection throughout: the advisory lock belongs to the session.
    const db = clientSqlQueries(client);
    const from = await postgresSchemaVersion(db);
    if (from > migrations.length) return err({ kind: 'schemaTooNew', found: from, known: migrations.length });
    for (const migration of migrations.slice(from, target)) {
      try {
        await db.transaction(async (tx) => {
          await tx.exec(
            'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
          );
          await migration.up(tx, context);
          await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
            migration.version,
            migration.name,
            new Date().toISOString(),
          ]);
        });
      } catch (error) {
        return err(migrationFailed(migration, error));
      }
    }
    return ok({ from, to: Math.max(from, target) });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch(() => undefined);
    client.release();
  }
}
