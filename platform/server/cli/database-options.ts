import { err, ok, type Result } from '../../../core/pure/result';
import { describeDatabase, type DatabaseConfig } from '../db/database-config';
import { describeDbOpenError } from '../db/open';
import { openDatabase } from '../db/open-database';
import type { SqlDb } from '../db/sql';
import { sealerForDatabase, sealerForPostgres } from '../sealing/database-key';
import { describeSecretFileError, readSecretFile } from '../sealing/secret-file';

/**
 * The database options every platform command shares (`npm run platform`, create-admin,
 * publish-calendar): `--db <file>` for SQLite, or `--database-url postgres://user@host/db` for
 * PostgreSQL with the password from `--database-password-file <file>` (mode 0600, like every
 * secret here) or the environment variable PLATFORM_DATABASE_PASSWORD — never on the command line,
 * where `ps` shows it to every user of the machine. docs/county-scale.md has the setup.
 */
export const DATABASE_USAGE = `[--db <sqlite file> | --database-url postgres://<user>@<host>:<port>/<database>
      [--database-password-file <file>] [--database-pool-size <n>]]`;

export const DATABASE_OPTIONS = {
  db: { type: 'string' },
  'database-url': { type: 'string' },
  'database-password-file': { type: 'string' },
  'database-pool-size': { type: 'string' },
} as const;

export interface DatabaseOptionValues {
  readonly db?: string;
  readonly 'database-url'?: string;
  readonly 'database-password-file'?: string;
  readonly 'database-pool-size'?: string;
}

export const PASSWORD_ENV = 'PLATFORM_DATABASE_PASSWORD';

export function databaseConfigFrom(
  values: DatabaseOptionValues,
  defaultSqlitePath: string,
  env: NodeJS.ProcessEnv = process.env,
): Result<DatabaseConfig, string> {
  const url = values['database-url'];
  if (url === undefined) {
    if (values['database-password-file'] !== undefined || values['database-pool-size'] !== undefined) {
      return err('--database-password-file and --database-pool-size go with --database-url');
    }
    return ok({ engine: 'sqlite', path: values.db ?? defaultSqlitePath });
  }
  if (values.db !== undefined) return err('give either --db (SQLite) or --database-url (PostgreSQL), not both');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err(`--database-url ${url} is not a URL; expected postgres://<user>@<host>:<port>/<database>`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    return err(`--database-url must start with postgres:// (got ${parsed.protocol}//)`);
  }
  if (parsed.password !== '') {
    return err(
      '--database-url must not carry the password (ps shows it): use --database-password-file or PLATFORM_DATABASE_PASSWORD',
    );
  }
  let password: string | undefined = env[PASSWORD_ENV];
  const file = values['database-password-file'];
  if (file !== undefined) {
    const read = readSecretFile(file);
    if (!read.ok) return err(describeSecretFileError('database password file', read.error));
    password = new TextDecoder().decode(read.value).replace(/\r?\n$/, '');
    if (password === '') return err(`database password file ${file} is empty`);
  }
  let maxConnections: number | undefined;
  const pool = values['database-pool-size'];
  if (pool !== undefined) {
    if (!/^[0-9]+$/.test(pool) || Number(pool) < 2 || Number(pool) > 200) {
      return err('--database-pool-size takes 2 to 200 connections');
    }
    maxConnections = Number(pool);
  }
  return ok({
    engine: 'postgres',
    url,
    ...(password === undefined ? {} : { password }),
    ...(maxConnections === undefined ? {} : { maxConnections }),
  });
}

/**
 * Opens the database a platform command names, with its data key (the file given, or for SQLite
 * the one beside the database), for the commands that run beside a platform (create-admin,
 * publish-calendar). The message says what to fix.
 */
export async function openCommandDatabase(
  database: DatabaseConfig,
  dataKeyFile: string | undefined,
): Promise<Result<SqlDb, string>> {
  const where = describeDatabase(database);
  const key =
    database.engine === 'sqlite'
      ? sealerForDatabase(database.path, dataKeyFile)
      : await sealerForPostgres(database, dataKeyFile);
  if (!key.ok) return key;
  const opened = await openDatabase(database, key.value.sealer);
  return opened.ok ? opened : err(describeDbOpenError(where, opened.error));
}
