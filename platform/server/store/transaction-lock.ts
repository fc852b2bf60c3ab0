import { createHash } from 'node:crypto';
import type { SqlQueries } from '../db/sql';

/**
 * A named lock held until the calling transaction commits or rolls back, for a read-then-write
 * that no single statement or constraint can express (the next free ticket number below the
 * reserved ranges; the places left in an appointment slot). Every writer of the guarded rows takes
 * the same lock first, so at READ COMMITTED the second one waits, and its reads after the lock
 * (each statement takes a fresh snapshot) see what the first committed.
 *
 * - PostgreSQL: a transaction-level advisory lock on a 64-bit key hashed from the name (a hash
 *   collision only makes two unrelated writers wait for each other). It never waits on row locks,
 *   so no statement has to be retried; a serializable transaction instead would fail and retry
 *   every writer but one whenever many come at once.
 * - SQLite: nothing to do. A transaction is BEGIN IMMEDIATE, which already holds the database's
 *   one write lock from its first statement (db/sqlite-sql.ts).
 *
 * Call it on `tx`, first thing in the transaction: outside one, PostgreSQL releases the lock at
 * the end of the statement.
 */
export async function lockUntilCommit(tx: SqlQueries, name: string): Promise<void> {
  if (tx.engine === 'sqlite') return;
  await tx.get('SELECT pg_advisory_xact_lock(CAST(? AS BIGINT)) AS locked', [advisoryKey(name)]);
}

/** The first eight bytes of sha256(name) as a signed 64-bit integer, in decimal. */
function advisoryKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}
