import type { Migration } from '../migration';

/**
 * Fleet operations (docs/fleet.md): the kiosk event catalogue, remote commands and their results,
 * the alarm engine's state (one row per kiosk, JSON, so several platform instances can share it),
 * alarms as rows keyed by kiosk, rule and raise time (one episode, stored once whoever notices
 * it), the kiosk timeline, versions, enrolment codes (only their sha256) and enrolments, and
 * revoked terminals.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'fleet',
  up(db) {
    db.exec(`
      CREATE TABLE terminal_events (
        terminal_id TEXT NOT NULL REFERENCES terminals (terminal_id),
        event_id    TEXT NOT NULL,
        sequence    INTEGER NOT NULL CHECK (sequence >= 1),
        kind        TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        body        TEXT NOT NULL,
        PRIMARY KEY (terminal_id, event_id)
      ) STRICT;
      CREATE INDEX terminal_events_by_sequence ON terminal_events (terminal_id, sequence);

      CREATE TABLE remote_commands (
        id           INTEGER PRIMARY KEY,
        terminal_id  TEXT NOT NULL REFERENCES terminals (terminal_id),
        kind         TEXT NOT NULL,
        request      TEXT NOT NULL,
        issued_at    TEXT NOT NULL,
        issued_by    TEXT NOT NULL,
        expires_at   TEXT NOT NULL,
        delivered_at TEXT,
        outcome      TEXT CHECK (outcome IN ('done', 'refused')),
        result       TEXT,
        result_at    TEXT,
        CHECK ((outcome IS NULL) = (result IS NULL) AND (result IS NULL) = (result_at IS NULL))
      ) STRICT;
      CREATE INDEX remote_commands_by_terminal ON remote_commands (terminal_id, id);

      CREATE TABLE fleet_kiosk_state (
        terminal_id   TEXT PRIMARY KEY,
        evaluated_at  INTEGER NOT NULL,
        record        TEXT NOT NULL
      ) STRICT;

      CREATE TABLE fleet_alarms (
        id               INTEGER PRIMARY KEY,
        terminal_id      TEXT NOT NULL,
        rule             TEXT NOT NULL,
        severity         TEXT NOT NULL CHECK (severity IN ('critical', 'major', 'minor')),
        raised_at        TEXT NOT NULL,
        recovered_at     TEXT,
        flapping         INTEGER NOT NULL DEFAULT 0 CHECK (flapping IN (0, 1)),
        flapping_changes INTEGER,
        ack_by           TEXT,
        ack_at           TEXT,
        ack_note         TEXT,
        UNIQUE (terminal_id, rule, raised_at)
      ) STRICT;
      CREATE INDEX fleet_alarms_open ON fleet_alarms (recovered_at, terminal_id);

      CREATE TABLE fleet_timeline (
        id          INTEGER PRIMARY KEY,
        terminal_id TEXT NOT NULL,
        at          TEXT NOT NULL,
        entry       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX fleet_timeline_by_terminal ON fleet_timeline (terminal_id, at);

      CREATE TABLE kiosk_versions (
        id           INTEGER PRIMARY KEY,
        terminal_id  TEXT NOT NULL,
        at           TEXT NOT NULL,
        app_version  TEXT NOT NULL,
        change       TEXT NOT NULL CHECK (change IN ('firstSeen', 'upgrade', 'rollback')),
        from_version TEXT
      ) STRICT;
      CREATE INDEX kiosk_versions_by_terminal ON kiosk_versions (terminal_id, id);

      CREATE TABLE enrolment_codes (
        code_sha256 TEXT PRIMARY KEY CHECK (length(code_sha256) = 64),
        station_id  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        expires_at  TEXT NOT NULL,
        used_at     TEXT
      ) STRICT;

      CREATE TABLE enrolments (
        id                  INTEGER PRIMARY KEY,
        code_sha256         TEXT NOT NULL UNIQUE REFERENCES enrolment_codes (code_sha256),
        terminal_id         TEXT NOT NULL,
        station_id          TEXT NOT NULL,
        app_version         TEXT NOT NULL,
        claim_secret_sha256 TEXT NOT NULL CHECK (length(claim_secret_sha256) = 64),
        requested_at        TEXT NOT NULL,
        requested_from      TEXT NOT NULL,
        state               TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'collected', 'rejected')),
        decided_by          TEXT,
        decided_at          TEXT
      ) STRICT;

      CREATE TABLE terminal_revocations (
        terminal_id TEXT PRIMARY KEY REFERENCES terminals (terminal_id),
        revoked_at  TEXT NOT NULL,
        revoked_by  TEXT NOT NULL,
        reason      TEXT NOT NULL
      ) STRICT;
    `);
  },
};
