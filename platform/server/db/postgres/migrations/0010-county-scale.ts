import type { PostgresMigration } from '../migration';

/**
 * PostgreSQL version 10; the same tables as db/migrations/0010-county-scale.ts (shared day
 * counters, rate-limit windows). The rate-limit windows are UNLOGGED: every request counts a hit,
 * and a counter need not survive a crash of the database server (it is emptied then, which lets
 * a minute's requests through again), so they skip the write-ahead log and its flush per hit.
 */
export const postgresMigration0010: PostgresMigration = {
  version: 10,
  name: 'county-scale',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE day_sequences (
        table_name TEXT NOT NULL,
        day        TEXT NOT NULL,
        last_seq   BIGINT NOT NULL CHECK (last_seq > 0),
        PRIMARY KEY (table_name, day)
      );

      CREATE UNLOGGED TABLE rate_limit_windows (
        limiter      TEXT NOT NULL,
        subject      TEXT NOT NULL,
        window_start TEXT NOT NULL,
        hits         BIGINT NOT NULL CHECK (hits > 0),
        PRIMARY KEY (limiter, subject, window_start)
      );
      CREATE INDEX rate_limit_windows_by_start ON rate_limit_windows (window_start);
    `);
  },
};
