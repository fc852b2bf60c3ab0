import type Database from 'better-sqlite3';

/**
 * Runs `write` as its own commit with `synchronous=NORMAL`: for bookkeeping whose loss in a power
 * cut costs nothing but a repeat — when to try a delivery next, how many tries failed, whether a
 * receipt reached paper. The resident's data is never written this way: applications, their
 * materials and their outbox rows commit with the store's `synchronous=FULL` (core/store/open.ts).
 *
 * Why it is safe (docs/reliability.md §2.1): in WAL mode a NORMAL commit survives an application
 * crash like any other; a power cut can lose it, but the WAL is written in order, so the next FULL
 * commit's sync makes it durable too, and nothing committed FULL is ever lost with it. Why it is
 * worth it: each FULL commit waits for one fsync, and a submission answered with four of them was
 * four times the disk's floor (npm run bench, "application.submit").
 *
 * Inside a transaction the write is part of that transaction and takes its durability.
 */
export function bookkeepingWrite<T>(db: Database.Database, write: () => T): T {
  if (db.inTransaction) return write();
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
