import type { Migration } from '../migration';

/**
 * The outbox (docs/reliability.md §2.2): every request the platform must eventually receive is a row
 * here, written in the same transaction as the business row it reports, with the Idempotency-Key
 * it will always be sent with. A row moves pending → sent, or pending → deadLetter when the
 * platform refused it for good; staff can move dead letters back to pending.
 *
 * `body` and `response` are JSON text (STRICT tables have no JSON type); `json_valid` keeps them
 * parseable. Times are ISO-8601 UTC strings, which sort as text.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
        idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 16 AND 128),
        method TEXT NOT NULL CHECK (method IN ('POST', 'PUT')),
        path TEXT NOT NULL CHECK (substr(path, 1, 1) = '/'),
        body TEXT NOT NULL CHECK (json_valid(body)),
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT,
        last_error TEXT,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'deadLetter')),
        sent_at TEXT,
        response TEXT CHECK (response IS NULL OR json_valid(response)),
        CHECK ((state = 'sent') = (sent_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX outbox_by_state ON outbox (state, id);
    `);
  },
};
