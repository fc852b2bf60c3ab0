import type { Migration } from '../migration';

/**
 * Care journeys (好差评, 帮办代办, service map):
 * - care_document: platform documents kept for offline use, by kind and version. Rating option
 *   sets keep every version seen, so a rating shown with yesterday's options still validates
 *   after a refresh; the service-point list keeps only the current one.
 * - care_document_current: which version of each kind is current, and when the platform last
 *   confirmed it.
 * - rating: one row per rated service (一次一评). UNIQUE (service_kind, service_ref) makes a second
 *   rating impossible, across restarts; the rating itself travels in its outbox row.
 * - assistance_request: each help request with the outbox row that carries it (the platform's
 *   AR-… id is in that row's response once delivered).
 * Personal data (phones, addresses, names) lives only in the outbox bodies, not in these rows.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'care',
  up(db) {
    db.exec(`
      CREATE TABLE care_document (
        kind TEXT NOT NULL CHECK (kind IN ('ratingOptions', 'servicePoints')),
        version TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 64),
        body TEXT NOT NULL CHECK (json_valid(body)),
        stored_at TEXT NOT NULL,
        PRIMARY KEY (kind, version)
      ) STRICT;

      CREATE TABLE care_document_current (
        kind TEXT PRIMARY KEY CHECK (kind IN ('ratingOptions', 'servicePoints')),
        version TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        FOREIGN KEY (kind, version) REFERENCES care_document (kind, version)
      ) STRICT;

      CREATE TABLE rating (
        id INTEGER PRIMARY KEY,
        confirmation_id TEXT NOT NULL UNIQUE CHECK (length(confirmation_id) = 36),
        service_kind TEXT NOT NULL
          CHECK (service_kind IN ('application', 'ticket', 'appointment', 'progressQuery', 'assistance')),
        service_ref TEXT NOT NULL CHECK (length(service_ref) BETWEEN 6 AND 64),
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        options_version TEXT NOT NULL,
        rated_at TEXT NOT NULL,
        offline INTEGER NOT NULL CHECK (offline IN (0, 1)),
        outbox_id INTEGER NOT NULL UNIQUE REFERENCES outbox (id),
        UNIQUE (service_kind, service_ref)
      ) STRICT;

      CREATE TABLE assistance_request (
        local_ref TEXT PRIMARY KEY CHECK (length(local_ref) BETWEEN 6 AND 64),
        confirmation_id TEXT NOT NULL UNIQUE CHECK (length(confirmation_id) = 36),
        kind TEXT NOT NULL CHECK (kind IN ('callback', 'homeVisit', 'agentAtStation')),
        matter_code TEXT,
        requested_at TEXT NOT NULL,
        offline INTEGER NOT NULL CHECK (offline IN (0, 1)),
        outbox_id INTEGER NOT NULL UNIQUE REFERENCES outbox (id)
      ) STRICT;
    `);
  },
};
