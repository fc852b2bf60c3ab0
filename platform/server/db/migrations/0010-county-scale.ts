import type { Migration } from '../migration';

/**
 * What several platform instances on one database must share instead of keeping in memory
 * (docs/county-scale.md):
 *
 * - day_sequences: one counter row per (numbered table, China Standard Time day). nextDaySequence
 *   (store/day-sequence.ts) bumps it with one upsert, so two instances numbering applications,
 *   tickets or ratings at the same moment queue on the row instead of both reading max(seq).
 * - rate_limit_windows: hits per limiter, subject and fixed window (a terminal's requests per
 *   minute, a network address's console logins), counted in the database so a kiosk or an
 *   attacker spread over two instances behind a load balancer still meets one limit. Old windows
 *   are deleted as new ones are counted.
 *
 * The same version on PostgreSQL: db/postgres/migrations/0010-county-scale.ts.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'county-scale',
  up(db) {
    db.exec(`
      CREATE TABLE day_sequences (
        table_name TEXT NOT NULL,
        day        TEXT NOT NULL,
        last_seq   INTEGER NOT NULL CHECK (last_seq > 0),
        PRIMARY KEY (table_name, day)
      ) STRICT;

      CREATE TABLE rate_limit_windows (
        limiter      TEXT NOT NULL,
        subject      TEXT NOT NULL,
        window_start TEXT NOT NULL,
        hits         INTEGER NOT NULL CHECK (hits > 0),
        PRIMARY KEY (limiter, subject, window_start)
      ) STRICT;
      CREATE INDEX rate_limit_windows_by_start ON rate_limit_windows (window_start);
    `);
  },
};
