import { err, ok, type Result } from '../../../../core/pure/result';
import type { PlatformSealer } from '../../sealing/sealer';
import type { DbOpenError } from '../open';
import { postgresSqlDb, type PostgresOptions, type PostgresSqlDb } from '../postgres-sql';
import { migratePostgres, postgresSchemaVersion } from './migrate';
import type { PostgresMigration } from './migration';
import { POSTGRES_MIGRATIONS } from './migrations';

/**
 * Sorting must be the same on both engines: SQLite compares text byte by byte, and keyset pages,
 * catalog order and every "ORDER BY id" assume that. A database created with a language collation
 * (en_US.UTF-8, zh_CN.UTF-8) sorts differently, so it is refused with the command that makes a
 * right one (docs/county-scale.md).
 */
const BYTE_ORDER_COLLATIONS = new Set(['C', 'POSIX', 'C.UTF-8', 'C.utf8']);

/**
 * Opens the platform's PostgreSQL database: connects, refuses a schema newer than this build and
 * a database sealed under another data key (both before writing anything), checks the collation,
 * then applies every pending migration under the migration lock.
 */
export async function openPostgresDb(
  options: PostgresOptions,
  sealer: PlatformSealer,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
): Promise<Result<PostgresSqlDb, DbOpenError>> {
  const db = postgresSqlDb(options);
  const fail = async (error: DbOpenError): Promise<Result<PostgresSqlDb, DbOpenError>> => {
    await db.close().catch(() => undefined);
    return err(error);
  };
  try {
    const found = await postgresSchemaVersion(db);
    if (found > migrations.length) return await fail({ kind: 'schemaTooNew', found, known: migrations.length });
    // datcollate alone is not enough: a database made with LOCALE_PROVIDER icu keeps a libc
    // datcollate (often C.UTF-8) but sorts by its ICU locale, so the provider must be libc too.
    const collation = await db.get<{ datcollate: string; provider: string }>(
      'SELECT datcollate, datlocprovider AS provider FROM pg_database WHERE datname = current_database()',
    );
    if (collation === undefined || collation.provider !== 'c' || !BYTE_ORDER_COLLATIONS.has(collation.datcollate)) {
      const sortsBy =
        collation === undefined
          ? 'an unknown collation'
          : collation.provider === 'c'
            ? collation.datcollate
            : `an ${collation.provider === 'i' ? 'ICU' : `'${collation.provider}' provider`} locale (not libc ${collation.datcollate})`;
      return await fail({ kind: 'wrongCollation', collation: sortsBy });
    }
    if (found > 0) {
      const table = await db.get(
        "SELECT 1 AS found FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'data_key_check'",
      );
      if (table !== undefined) {
        const stored = await db.get<{ key_check: string }>('SELECT key_check FROM data_key_check WHERE id = 1');
        if (stored !== undefined && stored.key_check !== sealer.keyCheck) return await fail({ kind: 'wrongDataKey' });
      }
    }
  } catch (error) {
    return await fail({ kind: 'cannotOpen', detail: error instanceof Error ? error.message : String(error) });
  }
  const migrated = await migratePostgres(db.pool, migrations, { sealer }).catch((error: unknown) =>
    err({ kind: 'cannotOpen' as const, detail: error instanceof Error ? error.message : String(error) }),
  );
  if (!migrated.ok) return await fail(migrated.error);
  return ok(db);
}
