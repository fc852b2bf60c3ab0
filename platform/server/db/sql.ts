/**
 * The platform's one way to reach its database, whichever engine holds it (docs/county-scale.md):
 * SQLite (embedded, one file, better-sqlite3 underneath: sqlite-sql.ts) or PostgreSQL (a county's
 * or province's server, several platform instances on it: postgres-sql.ts).
 *
 * Every call is asynchronous because PostgreSQL's are. SQL is written once, for both engines, with
 * `?` placeholders or `:name` / `@name` named ones (docs/county-scale.md "Writing SQL for both
 * engines" lists what differs and how the code avoids it); where a query must differ it asks
 * `db.engine`.
 */

/** What a statement may be given: text, numbers, bytes or NULL. No booleans (store 0/1). */
export type SqlValue = string | number | bigint | Uint8Array | null;

/** Positional (`?`) or named (`:name` / `@name`; keys without the prefix). */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

export type SqlRow = Record<string, unknown>;

export type SqlEngine = 'sqlite' | 'postgres';

export interface SqlRunResult {
  /** Rows inserted, updated or deleted. */
  readonly changes: number;
}

export interface TransactionOptions {
  /**
   * 'readCommitted' (the default) is enough wherever a constraint or a conditional UPDATE decides;
   * 'serializable' for read-then-decide logic that no single statement can express. A
   * serialization failure or deadlock makes the whole function run again (up to five times), so
   * it must do nothing outside the database that cannot be repeated. SQLite always runs one
   * writer at a time (BEGIN IMMEDIATE), which is serializable by itself.
   */
  readonly isolation?: 'readCommitted' | 'serializable';
}

export interface SqlQueries {
  readonly engine: SqlEngine;
  /** The first row, or undefined. */
  get<T = SqlRow>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T = SqlRow>(sql: string, params?: SqlParams): Promise<T[]>;
  run(sql: string, params?: SqlParams): Promise<SqlRunResult>;
  /** Several statements without parameters (DDL, migrations, tests). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `work` inside one transaction on one connection and commits when it resolves, rolls back
   * when it rejects. Inside, use only `tx`: on PostgreSQL `db` would be another connection outside
   * the transaction, on SQLite it would wait for the transaction to end (a deadlock). A nested
   * call on `tx` runs inside the outer transaction.
   */
  transaction<T>(work: (tx: SqlQueries) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export interface SqlDb extends SqlQueries {
  /**
   * Calls `listener` whenever someone notifies `channel`, in this process or (PostgreSQL) in any
   * other process on the same database. Returns the unsubscribe function. SQLite has no other
   * process to hear from; its notifications stay in the process (call-feed.ts covers that case
   * with a cursor watch).
   */
  listen(channel: string, listener: (payload: string) => void): Promise<() => Promise<void>>;
  /** Tells every listener of `channel` (after commit when called inside nothing: call it after the transaction). */
  notify(channel: string, payload: string): Promise<void>;
  /** Closes every connection; calls after it reject. Safe to call twice. */
  close(): Promise<void>;
}

/** A unique or primary-key constraint refused the row (SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY, PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = error.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Any constraint (unique, check, foreign key, not null) refused the statement. */
export function isConstraintViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = error.code;
  return (
    (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) || (typeof code === 'string' && /^23/.test(code))
  );
}
