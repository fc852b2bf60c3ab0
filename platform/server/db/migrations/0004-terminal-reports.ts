import type { Migration } from '../migration';

/**
 * What terminals send about themselves and for residents: heartbeats, inspection reports
 * (巡检单) and assistance requests (帮办代办). Inspections and assistance requests get
 * human-readable ids numbered per China Standard Time day, hence (day, seq).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'terminal-reports',
  up(db) {
    db.exec(`
      CREATE TABLE heartbeats (
        id              INTEGER PRIMARY KEY,
        terminal_id     TEXT NOT NULL REFERENCES terminals (terminal_id),
        received_at     TEXT NOT NULL,
        sent_at         TEXT NOT NULL,
        app_version     TEXT NOT NULL,
        catalog_version TEXT,
        outbox_pending  INTEGER NOT NULL CHECK (outbox_pending >= 0),
        body            TEXT NOT NULL
      ) STRICT;
      CREATE INDEX heartbeats_by_terminal ON heartbeats (terminal_id, received_at);

      CREATE TABLE inspections (
        inspection_id TEXT PRIMARY KEY,
        day           TEXT NOT NULL,
        seq           INTEGER NOT NULL CHECK (seq > 0),
        terminal_id   TEXT NOT NULL REFERENCES terminals (terminal_id),
        outcome       TEXT NOT NULL CHECK (outcome IN ('normal', 'fixedOnSite', 'needsRepair')),
        body          TEXT NOT NULL,
        received_at   TEXT NOT NULL,
        UNIQUE (day, seq)
      ) STRICT;

      CREATE TABLE assistance_requests (
        request_id  TEXT PRIMARY KEY,
        day         TEXT NOT NULL,
        seq         INTEGER NOT NULL CHECK (seq > 0),
        terminal_id TEXT NOT NULL REFERENCES terminals (terminal_id),
        station_id  TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('callback', 'homeVisit', 'agentAtStation')),
        status      TEXT NOT NULL CHECK (status IN ('received', 'assigned', 'inProgress', 'done', 'cancelled')),
        body        TEXT NOT NULL,
        received_at TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        UNIQUE (day, seq)
      ) STRICT;
    `);
  },
};
