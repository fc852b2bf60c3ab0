import type { PostgresMigration } from '../migration';

/** PostgreSQL version 1; the same tables as db/migrations/0001-terminals-and-idempotency.ts. */
export const postgresMigration0001: PostgresMigration = {
  version: 1,
  name: 'terminals-and-idempotency',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE terminals (
        terminal_id   TEXT PRIMARY KEY,
        station_id    TEXT NOT NULL,
        token_sha256  TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
        registered_at TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        last_seen_at  TEXT
      );

      CREATE TABLE idempotency_records (
        terminal_id TEXT NOT NULL REFERENCES terminals (terminal_id),
        idem_key    TEXT NOT NULL,
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        method      TEXT NOT NULL,
        path        TEXT NOT NULL,
        status      BIGINT NOT NULL CHECK (status BETWEEN 200 AND 499),
        headers     TEXT NOT NULL,
        body        BYTEA NOT NULL,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (terminal_id, idem_key)
      );

      CREATE INDEX idempotency_records_by_age ON idempotency_records (created_at);
    `);
  },
};
