import type { Migration } from '../migration';

/**
 * Terminals and their tokens (only the sha256 of a token is stored), and the stored responses of
 * idempotent POSTs, keyed per terminal as the Idempotency-Key draft asks.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'terminals-and-idempotency',
  up(db) {
    db.exec(`
      CREATE TABLE terminals (
        terminal_id   TEXT PRIMARY KEY,
        station_id    TEXT NOT NULL,
        token_sha256  TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
        registered_at TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        last_seen_at  TEXT
      ) STRICT;

      CREATE TABLE idempotency_records (
        terminal_id TEXT NOT NULL REFERENCES terminals (terminal_id),
        idem_key    TEXT NOT NULL,
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        method      TEXT NOT NULL,
        path        TEXT NOT NULL,
        status      INTEGER NOT NULL CHECK (status BETWEEN 200 AND 499),
        headers     TEXT NOT NULL,
        body        BLOB NOT NULL,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (terminal_id, idem_key)
      ) STRICT;

      CREATE INDEX idempotency_records_by_age ON idempotency_records (created_at);
    `);
  },
};
