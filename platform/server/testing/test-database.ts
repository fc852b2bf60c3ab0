import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPlatformDb } from '../db/open';
import { openPostgresDb } from '../db/postgres/open';
import type { SqlDb, SqlEngine } from '../db/sql';
import { sqliteSqlDb } from '../db/sqlite-sql';
import type { PlatformSealer } from '../sealing/sealer';

/**
 * The database a platform test runs on. The whole platform suite runs twice in CI: once as it
 * is (SQLite in memory) and once with PLATFORM_TEST_ENGINE=postgres and PLATFORM_TEST_POSTGRES_URL
 * naming a throwaway cluster (scripts/postgres/cluster.sh starts one). Each test database on
 * PostgreSQL is a fresh database cloned from a migrated template (CREATE DATABASE … TEMPLATE is a
 * file copy, far faster than migrating each time), dropped when the test closes it.
 */
export function testEngine(): SqlEngine {
  const engine = process.env['PLATFORM_TEST_ENGINE'] ?? 'sqlite';
  if (engine !== 'sqlite' && engine !== 'postgres')
    throw new Error(`PLATFORM_TEST_ENGINE=${engine}: expected sqlite or postgres`);
  return engine;
}

export function testPostgresUrl(): string {
  const url = process.env['PLATFORM_TEST_POSTGRES_URL'];
  if (url === undefined || url === '')
    throw new Error('PLATFORM_TEST_ENGINE=postgres needs PLATFORM_TEST_POSTGRES_URL');
  return url;
}

/** A connection URL for `database` on the test cluster. */
export function testDatabaseUrl(database: string): string {
  const url = new URL(testPostgresUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export interface TestDatabase {
  readonly db: SqlDb;
  /**
   * Another connection (pool) to the same database, as a second platform instance would have;
   * on SQLite the same connection (two connections in one thread would wait on each other's
   * lock synchronously; two processes on one file are tested in queue-calling/).
   */
  openSecond(): Promise<SqlDb>;
  /** Closes the connections and (PostgreSQL) drops the database. */
  close(): Promise<void>;
}

let template: Promise<string> | undefined;

/** Runs `work` on a connection to the test cluster's `postgres` database (creating and dropping databases). */
export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The migrated template, made once per cluster and schema (the name carries the number of
 * migrations and a hash of their code, so a new or changed migration makes a new template). Several vitest workers race
 * to make it: an advisory lock on the admin database lets one do it.
 */
function migratedTemplate(sealer: PlatformSealer): Promise<string> {
  return (template ??= (async () => {
    const { POSTGRES_MIGRATIONS } = await import('../db/postgres/migrations');
    // The migrations' own code in the name: a changed migration (same count) gets a new template
    // on a long-lived cluster instead of an old one.
    const digest = createHash('sha256')
      .update(POSTGRES_MIGRATIONS.map((migration) => `${migration.version}\n${migration.up.toString()}`).join('\n'))
      .digest('hex')
      .slice(0, 12);
    const name = `bianmin_test_template_v${POSTGRES_MIGRATIONS.length}_${digest}`;
    await withAdmin(async (admin) => {
      await admin.query('SELECT pg_advisory_lock(7235110)');
      try {
        const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) {
          const building = `${name}_building_${randomBytes(4).toString('hex')}`;
          await admin.query(`CREATE DATABASE "${building}" TEMPLATE template0 LOCALE 'C.UTF-8' ENCODING 'UTF8'`);
          const opened = await openPostgresDb({ url: testDatabaseUrl(building) }, sealer);
          if (!opened.ok) throw new Error(`test template: ${JSON.stringify(opened.error)}`);
          await opened.value.close();
          await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
        }
      } finally {
        await admin.query('SELECT pg_advisory_unlock(7235110)');
      }
    });
    return name;
  })());
}

/**
 * A fresh PostgreSQL database cloned from the migrated template, its data key check set to
 * `sealer`'s; nothing connected to it. For tests that start a whole platform server on it.
 */
export async function createPostgresTestDatabase(
  sealer: PlatformSealer,
): Promise<{ readonly name: string; readonly url: string; readonly drop: () => Promise<void> }> {
  const source = await migratedTemplate(sealer);
  const name = `bianmin_test_${randomBytes(8).toString('hex')}`;
  // CREATE DATABASE … TEMPLATE needs the template to have no sessions; another worker may be
  // cloning it at the same moment, which PostgreSQL reports as "being accessed": try again.
  for (let attempt = 0; ; attempt += 1) {
    try {
      await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source}" STRATEGY FILE_COPY`));
      break;
    } catch (error) {
      if (attempt >= 50 || !String(error).includes('being accessed')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 50));
    }
  }
  // The template was sealed by whichever test made it; an empty database may take this test's key.
  const setup = new pg.Client({ connectionString: testDatabaseUrl(name) });
  await setup.connect();
  await setup.query('UPDATE data_key_check SET key_check = $1 WHERE id = 1', [sealer.keyCheck]);
  await setup.end();
  return {
    name,
    url: testDatabaseUrl(name),
    drop: () =>
      withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A fresh, migrated database on the engine the run is for, whose data key is `sealer`'s. */
export async function openTestDatabase(
  sealer: PlatformSealer,
  options: { readonly sqlitePath?: string } = {},
): Promise<TestDatabase> {
  if (testEngine() === 'sqlite') {
    const opened = openPlatformDb(options.sqlitePath ?? ':memory:', sealer);
    if (!opened.ok) throw new Error(`test database: ${JSON.stringify(opened.error)}`);
    const db = sqliteSqlDb(opened.value);
    return { db, openSecond: () => Promise.resolve(db), close: () => db.close() };
  }
  const { name, drop } = await createPostgresTestDatabase(sealer);
  const opened = await openPostgresDb({ url: testDatabaseUrl(name), maxConnections: 5 }, sealer);
  if (!opened.ok) throw new Error(`test database: ${JSON.stringify(opened.error)}`);
  const db = opened.value;
  const seconds: SqlDb[] = [];
  let closed = false;
  return {
    db,
    openSecond: async () => {
      const second = await openPostgresDb({ url: testDatabaseUrl(name), maxConnections: 5 }, sealer);
      if (!second.ok) throw new Error(`second connection: ${JSON.stringify(second.error)}`);
      seconds.push(second.value);
      return second.value;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      for (const second of seconds) await second.close();
      await db.close();
      await drop();
    },
  };
}
