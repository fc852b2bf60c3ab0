import type Database from 'better-sqlite3';
import type { SqlDb, SqlParams, SqlQueries, SqlRow, SqlRunResult, SqlValue } from './sql';

/**
 * SqlDb over one better-sqlite3 connection. The driver is synchronous, so each statement finishes
 * before its promise is handed back; what needs care is a transaction that awaits between its
 * statements: any other statement on the connection meanwhile would land inside it. So the
 * connection has one lock: a transaction holds it from BEGIN to COMMIT, and every statement from
 * outside waits for it. BEGIN IMMEDIATE takes SQLite's write lock at once, so a second process on
 * the same file waits (busy_timeout) instead of failing on upgrade from a read lock.
 *
 * `raw` is the connection itself, for db/ (migrations, pragmas, backups) only.
 */
export interface SqliteSqlDb extends SqlDb {
  readonly engine: 'sqlite';
  readonly raw: Database.Database;
}

type Release = () => void;

class ConnectionLock {
  private tail: Promise<void> = Promise.resolve();
  private held = false;

  get isHeld(): boolean {
    return this.held;
  }

  acquire(): Promise<Release> {
    let release!: Release;
    const next = new Promise<void>((resolve) => {
      release = () => {
        this.held = false;
        resolve();
      };
    });
    const ready = this.tail.then(() => {
      this.held = true;
      return release;
    });
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

function bind(params: SqlParams | undefined): unknown[] {
  if (params === undefined) return [];
  if (Array.isArray(params)) return (params as readonly SqlValue[]).map(toSqlite);
  const named: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params as Readonly<Record<string, SqlValue>>)) named[key] = toSqlite(value);
  return [named];
}

/** better-sqlite3 binds Buffers, not bare Uint8Arrays. */
function toSqlite(value: SqlValue): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    : value;
}

function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Prepared statements kept per connection: preparing is a large share of a short statement's cost. */
const STATEMENT_CACHE_SIZE = 500;

function statementCache(raw: Database.Database): (sql: string) => Database.Statement {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = raw.prepare(sql);
      // The oldest goes first (a Map keeps insertion order); SQL built from lists can vary.
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    }
    return statement;
  };
}

function statements(raw: Database.Database): Omit<SqlQueries, 'transaction'> {
  const prepare = statementCache(raw);
  return {
    engine: 'sqlite',
    // The driver is synchronous; a statement that throws must still reject, not throw.
    get: <T = SqlRow>(sql: string, params?: SqlParams) =>
      settle(() => prepare(sql).get(...bind(params)) as T | undefined),
    all: <T = SqlRow>(sql: string, params?: SqlParams) => settle(() => prepare(sql).all(...bind(params)) as T[]),
    run: (sql: string, params?: SqlParams): Promise<SqlRunResult> =>
      settle(() => ({ changes: prepare(sql).run(...bind(params)).changes })),
    exec: (sql: string) =>
      settle(() => {
        raw.exec(sql);
      }),
  };
}

export function sqliteSqlDb(raw: Database.Database): SqliteSqlDb {
  const lock = new ConnectionLock();
  const inside = statements(raw);
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let closed = false;

  const outside = async <T>(work: () => Promise<T>): Promise<T> => {
    if (closed) throw new Error('the platform database is closed');
    const release = await lock.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };

  const txQueries: SqlQueries = {
    ...inside,
    // Nested: already inside the transaction that holds the lock.
    transaction: (work) => work(txQueries),
  };

  const db: SqliteSqlDb = {
    engine: 'sqlite',
    raw,
    get: (sql, params) => outside(() => inside.get(sql, params)),
    all: (sql, params) => outside(() => inside.all(sql, params)),
    run: (sql, params) => outside(() => inside.run(sql, params)),
    exec: (sql) => outside(() => inside.exec(sql)),
    transaction: (work) =>
      outside(async () => {
        raw.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(txQueries);
          raw.exec('COMMIT');
          return result;
        } catch (error) {
          if (raw.inTransaction) raw.exec('ROLLBACK');
          throw error;
        }
      }),
    listen: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return Promise.resolve(() => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(channel);
        return Promise.resolve();
      });
    },
    notify: (channel, payload) =>
      settle(() => {
        for (const listener of [...(listeners.get(channel) ?? [])]) listener(payload);
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      // Waits for a transaction in flight to finish before closing under it.
      const release = await lock.acquire();
      try {
        if (raw.open) raw.close();
      } finally {
        release();
      }
    },
  };
  return db;
}
