import { dirname, join } from 'node:path';
import { err, ok, type Result } from '../../../core/pure/result';
import { describeDatabase, type DatabaseConfig } from '../db/database-config';
import { describeDbOpenError, storedSchemaVersion } from '../db/open';
import { postgresSchemaVersion } from '../db/postgres/migrate';
import { POSTGRES_MIGRATIONS } from '../db/postgres/migrations';
import { postgresSqlDb } from '../db/postgres-sql';
import { MIGRATIONS } from '../db/migrations';
import { SEALED_SINCE_VERSION } from '../db/migrations/0006-sealed-personal-data';
import { describeDataKeyError, loadDataKey } from './data-key-file';
import { createPlatformSealer, ephemeralSealer, type PlatformSealer } from './sealer';

/**
 * Which key seals a database. A file database uses the key file the config names, or by default
 * `platform-data-key` beside the database, made (mode 0600) the first time. A new key is only
 * ever made for a database that holds nothing sealed yet: for one that does, a missing key file
 * is an error to fix (restore the backup), never a reason to start over with a key that opens
 * nothing. An in-memory database without a key file gets a throwaway key.
 */

export const DEFAULT_DATA_KEY_FILE_NAME = 'platform-data-key';

export function defaultDataKeyFile(dbPath: string): string {
  return join(dirname(dbPath), DEFAULT_DATA_KEY_FILE_NAME);
}

export interface DatabaseKey {
  readonly sealer: PlatformSealer;
  /** The key file used; null for a throwaway key. */
  readonly keyFile: string | null;
  readonly created: boolean;
}

export function sealerForDatabase(dbPath: string, dataKeyFile: string | undefined): Result<DatabaseKey, string> {
  if (dbPath === ':memory:' && dataKeyFile === undefined) {
    return ok({ sealer: ephemeralSealer(), keyFile: null, created: false });
  }
  const keyFile = dataKeyFile ?? defaultDataKeyFile(dbPath);
  let version: number;
  try {
    version = storedSchemaVersion(dbPath);
  } catch (error) {
    return err(`cannot open platform database ${dbPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Said before anything about keys: a newer build's database is the problem to report.
  if (version > MIGRATIONS.length) {
    return err(describeDbOpenError(dbPath, { kind: 'schemaTooNew', found: version, known: MIGRATIONS.length }));
  }
  const loaded = loadDataKey(keyFile, { createIfMissing: version < SEALED_SINCE_VERSION });
  if (!loaded.ok) return err(describeDataKeyError(loaded.error));
  return ok({ sealer: createPlatformSealer(loaded.value.key), keyFile, created: loaded.value.created });
}

/**
 * The key of a PostgreSQL database: always a named file (there is no "beside the database" on a
 * server; every instance of the platform reads the same key, from its own copy of the file). It
 * is made only for a database that holds nothing sealed yet, as for SQLite.
 */
export async function sealerForPostgres(
  database: Extract<DatabaseConfig, { engine: 'postgres' }>,
  dataKeyFile: string | undefined,
): Promise<Result<DatabaseKey, string>> {
  const where = describeDatabase(database);
  if (dataKeyFile === undefined) {
    return err(
      `platform database ${where}: a PostgreSQL database needs --data-key-file (the same file on every instance)`,
    );
  }
  const probe = postgresSqlDb({ url: database.url, password: database.password, maxConnections: 1 });
  let version: number;
  try {
    version = await postgresSchemaVersion(probe);
  } catch (error) {
    return err(`cannot open platform database ${where}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await probe.close();
  }
  if (version > POSTGRES_MIGRATIONS.length) {
    return err(describeDbOpenError(where, { kind: 'schemaTooNew', found: version, known: POSTGRES_MIGRATIONS.length }));
  }
  const loaded = loadDataKey(dataKeyFile, { createIfMissing: version < SEALED_SINCE_VERSION });
  if (!loaded.ok) return err(describeDataKeyError(loaded.error));
  return ok({ sealer: createPlatformSealer(loaded.value.key), keyFile: dataKeyFile, created: loaded.value.created });
}
