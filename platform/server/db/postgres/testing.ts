import { randomBytes } from 'node:crypto';
import { testDatabaseUrl, withAdmin } from '../../testing/test-database';
import { postgresSqlDb, type PostgresSqlDb } from '../postgres-sql';

/**
 * Empty databases on the test cluster for the migration tests, which need what
 * testing/test-database.ts never gives: a database at version 0, at an earlier version, or made
 * with another collation. Each is dropped by dropScratchDatabases().
 */

const made: string[] = [];

/**
 * A new empty database; `options` is the text after CREATE DATABASE "name" (template, locale),
 * the byte-order locale the platform wants unless told otherwise. Answers its URL.
 */
export async function createScratchDatabase(
  options = "TEMPLATE template0 LOCALE 'C.UTF-8' ENCODING 'UTF8'",
): Promise<{ readonly name: string; readonly url: string }> {
  const name = `bianmin_pgmig_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" ${options}`));
  made.push(name);
  return { name, url: testDatabaseUrl(name) };
}

/** A pool on `url` that runs no migration (the tests drive migratePostgres themselves). */
export function rawPostgres(url: string): PostgresSqlDb {
  return postgresSqlDb({ url, maxConnections: 3 });
}

export async function dropScratchDatabases(): Promise<void> {
  const names = made.splice(0);
  await withAdmin(async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** Whether the cluster can make a database that sorts by `icuLocale` (an ICU build of PostgreSQL). */
export async function hasIcuLocale(icuLocale: string): Promise<boolean> {
  const found = await withAdmin((client) =>
    client.query("SELECT 1 FROM pg_collation WHERE collprovider = 'i' AND collname = $1", [`${icuLocale}-x-icu`]),
  );
  return (found.rowCount ?? 0) > 0;
}

/** Whether the cluster's operating system has the libc locale `name` (initdb imports each as a collation). */
export async function hasLibcLocale(name: string): Promise<boolean> {
  const found = await withAdmin((client) =>
    client.query("SELECT 1 FROM pg_collation WHERE collprovider = 'c' AND lower(collname) = lower($1)", [name]),
  );
  return (found.rowCount ?? 0) > 0;
}
