import { createHash } from 'node:crypto';
import pg from 'pg';
import { numberPlaceholders } from './placeholders';
import type { SqlDb, SqlParams, SqlQueries, SqlRow, SqlRunResult, TransactionOptions } from './sql';

/**
 * SqlDb over a PostgreSQL connection pool (node-postgres). Statements go to any free connection;
 * a transaction takes one connection for its whole length. Numbers come back as JS numbers:
 * COUNT and SUM answer int8/numeric, which node-postgres would hand over as strings; every
 * number the platform stores fits in 2^53 (counts, sequence numbers, milliseconds), and a
 * bigger one is a bug that throws rather than rounds.
 *
 * LISTEN runs on one dedicated connection that reconnects by itself after the server restarts;
 * a notification sent while it was away is lost, which the call feed allows (call-feed.ts).
 */
export interface PostgresOptions {
  readonly url: string;
  /** Password when the URL has none (read from a file or the environment by the caller). */
  readonly password?: string;
  /** Pool size; docs/county-scale.md "Connection pool" says how to choose it. */
  readonly maxConnections?: number;
  readonly log?: (level: 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

export interface PostgresSqlDb extends SqlDb {
  readonly engine: 'postgres';
  /** For db/ only (migrations take an advisory lock on one connection). */
  readonly pool: pg.Pool;
}

const INT8 = 20;
const NUMERIC = 1700;
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;
const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

function toSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`integer ${text} from PostgreSQL does not fit a JS number`);
  return value;
}

const types = {
  getTypeParser(oid: number, format?: string): (text: string) => unknown {
    if (oid === INT8) return toSafeInteger;
    if (oid === NUMERIC) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, (format ?? 'text') as 'text') as (text: string) => unknown;
  },
};

type Run = (query: string | pg.QueryConfig) => Promise<pg.QueryResult>;

/**
 * Statements are prepared once per connection under a name derived from their text: PostgreSQL
 * then parses each statement once and reuses its plan, which halved the database's time per
 * request in the fleet benchmark. The names are remembered per text (bounded: SQL built from
 * lists varies a little).
 */
const statementNames = new Map<string, string>();
const STATEMENT_NAMES_KEPT = 2000;

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `b${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    if (statementNames.size >= STATEMENT_NAMES_KEPT) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

function queriesOn(run: Run): Omit<SqlQueries, 'transaction'> {
  const query = (sql: string, params?: SqlParams) => {
    const statement = numberPlaceholders(sql, params);
    return run({ name: statementName(statement.text), text: statement.text, values: statement.values });
  };
  return {
    engine: 'postgres',
    get: async <T = SqlRow>(sql: string, params?: SqlParams) => (await query(sql, params)).rows[0] as T | undefined,
    all: async <T = SqlRow>(sql: string, params?: SqlParams) => (await query(sql, params)).rows as T[],
    run: async (sql: string, params?: SqlParams): Promise<SqlRunResult> => ({
      changes: (await query(sql, params)).rowCount ?? 0,
    }),
    // Several statements in one string go through the simple protocol, unprepared.
    exec: async (sql: string) => {
      await run(sql);
    },
  };
}

/** SqlQueries on one connection (migrations, which hold a session lock): its own BEGIN/COMMIT, no retry. */
export function clientSqlQueries(client: pg.PoolClient | pg.Client): SqlQueries {
  const base = queriesOn((query) => client.query(query));
  const inner: SqlQueries = { ...base, transaction: (work) => work(inner) };
  return {
    ...base,
    transaction: async (work) => {
      await client.query('BEGIN');
      try {
        const result = await work(inner);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
  };
}

function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && RETRYABLE.has(String((error as { code?: unknown }).code));
}

export function postgresSqlDb(options: PostgresOptions): PostgresSqlDb {
  const pool = new pg.Pool({
    connectionString: options.url,
    password: options.password,
    max: options.maxConnections ?? 10,
    types,
    // A statement that waits on a lock longer than this is a bug or a stuck instance, not load.
    statement_timeout: 60_000,
    application_name: 'bianmin-platform',
  });
  // An idle connection the server dropped (restart, failover) must not crash the process.
  pool.on('error', (error) => options.log?.('warn', 'idle PostgreSQL connection failed', { error: error.message }));

  const plain = queriesOn((query) => pool.query(query));

  const transaction = async <T>(work: (tx: SqlQueries) => Promise<T>, opts?: TransactionOptions): Promise<T> => {
    const begin = opts?.isolation === 'serializable' ? 'BEGIN ISOLATION LEVEL SERIALIZABLE' : 'BEGIN';
    for (let attempt = 1; ; attempt += 1) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query(begin);
        const onClient = queriesOn((query) => client.query(query));
        const tx: SqlQueries = { ...onClient, transaction: (inner) => inner(tx) };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        if (attempt < MAX_ATTEMPTS && isRetryable(error)) {
          // Jitter so two retrying transactions do not collide again in step.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
          continue;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    }
  };

  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listener: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let closed = false;

  const deliver = (message: pg.Notification): void => {
    for (const callback of [...(listeners.get(message.channel) ?? [])]) callback(message.payload ?? '');
  };

  const connectListener = (): Promise<pg.Client> =>
    (connecting ??= (async () => {
      const client = new pg.Client({ connectionString: options.url, password: options.password, types });
      client.on('notification', deliver);
      client.on('error', (error) => {
        options.log?.('warn', 'PostgreSQL LISTEN connection lost; reconnecting', { error: error.message });
        listener = undefined;
        connecting = undefined;
        void client.end().catch(() => undefined);
        if (!closed && listeners.size > 0) scheduleReconnect(1);
      });
      await client.connect();
      for (const channel of listeners.keys()) await client.query(`LISTEN "${channel}"`);
      listener = client;
      return client;
    })().catch((error: unknown) => {
      connecting = undefined;
      throw error;
    }));

  const scheduleReconnect = (attempt: number): void => {
    setTimeout(
      () => {
        if (closed || listener !== undefined) return;
        connectListener().catch(() => scheduleReconnect(Math.min(attempt + 1, 6)));
      },
      Math.min(250 * 2 ** attempt, 10_000),
    ).unref();
  };

  return {
    ...plain,
    engine: 'postgres',
    pool,
    transaction,
    listen: async (channel, callback) => {
      if (!CHANNEL.test(channel)) throw new Error(`bad notification channel name ${channel}`);
      const set = listeners.get(channel) ?? new Set();
      const first = set.size === 0;
      set.add(callback);
      listeners.set(channel, set);
      if (first) {
        const client = listener ?? (await connectListener());
        // connectListener LISTENs on every channel known when it connected, this one included.
        if (client === listener) await client.query(`LISTEN "${channel}"`);
      }
      return async () => {
        set.delete(callback);
        if (set.size > 0 || listeners.get(channel) !== set) return;
        listeners.delete(channel);
        await listener?.query(`UNLISTEN "${channel}"`).catch(() => undefined);
      };
    },
    notify: async (channel, payload) => {
      if (!CHANNEL.test(channel)) throw new Error(`bad notification channel name ${channel}`);
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
