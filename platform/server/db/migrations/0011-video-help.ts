import type { Migration } from '../migration';

/**
 * 远程视频帮办 (docs/video-help.md):
 *
 * - assistance_requests.kind takes 'video': every video call is a help request, so it shows in
 *   the station's inbox and the agent's closing note joins its history (assistance_contacts,
 *   channel 'video', there since 0009). SQLite cannot change a CHECK in place: the table is
 *   rebuilt with the same columns in the same order. Its contacts are held aside meanwhile (a
 *   DROP of a table other rows refer to counts those rows as violations until the commit, and a
 *   rename cannot clear them), then put back unchanged, contact ids included.
 * - video_calls: one row per call, from the resident's request to its end. What statistics and
 *   the fleet console read: waits, talk and set-up times, how it ended, and the call's quality
 *   aggregated from both sides' getStats samples. Never media, never the resident's screen state.
 * - video_agents: who is on duty, for which topics, seen when. On duty lasts while the agent's
 *   socket is open; an instance refreshes seen_at for its own sockets, so an instance that dies
 *   leaves rows that go stale instead of agents that seem on duty forever.
 * - video_relay: frames on their way between the two sides of a call when the sockets sit on
 *   different platform instances (written, notified, read, deleted). Emptied when a call ends.
 * - video_call_recordings: only where a county records, with consent; the bytes are sealed.
 *
 * The same version on PostgreSQL: db/postgres/migrations/0011-video-help.ts.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'video-help',
  up(db) {
    db.exec(`
      CREATE TEMP TABLE assistance_contacts_v10 AS SELECT * FROM assistance_contacts;
      DELETE FROM assistance_contacts;
      CREATE TABLE assistance_requests_v11 (
        request_id     TEXT PRIMARY KEY,
        day            TEXT NOT NULL,
        seq            INTEGER NOT NULL CHECK (seq > 0),
        terminal_id    TEXT NOT NULL REFERENCES terminals (terminal_id),
        station_id     TEXT NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('callback', 'homeVisit', 'agentAtStation', 'video')),
        status         TEXT NOT NULL CHECK (status IN ('received', 'assigned', 'inProgress', 'done', 'cancelled')),
        requested_at   TEXT NOT NULL,
        sealed_request BLOB NOT NULL,
        received_at    TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        requester_index TEXT CHECK (requester_index IS NULL OR length(requester_index) = 64),
        assignee_user_id INTEGER REFERENCES console_users (user_id),
        assignee_name  TEXT CHECK (assignee_name IS NULL OR length(assignee_name) BETWEEN 1 AND 40),
        accepted_at    TEXT,
        completed_at   TEXT,
        sealed_completion BLOB,
        UNIQUE (day, seq)
      ) STRICT;
      INSERT INTO assistance_requests_v11 SELECT * FROM assistance_requests;
      DROP TABLE assistance_requests;
      ALTER TABLE assistance_requests_v11 RENAME TO assistance_requests;
      CREATE INDEX assistance_requests_by_update ON assistance_requests (updated_at);
      CREATE INDEX assistance_requests_by_requester ON assistance_requests (requester_index)
        WHERE requester_index IS NOT NULL;
      CREATE INDEX assistance_requests_by_station ON assistance_requests (station_id, status, day);
      INSERT INTO assistance_contacts SELECT * FROM assistance_contacts_v10;
      DROP TABLE assistance_contacts_v10;

      CREATE TABLE video_calls (
        call_id                 TEXT PRIMARY KEY,
        day                     TEXT NOT NULL,
        seq                     INTEGER NOT NULL CHECK (seq > 0),
        request_id              TEXT NOT NULL UNIQUE REFERENCES assistance_requests (request_id),
        station_id              TEXT NOT NULL,
        terminal_id             TEXT NOT NULL REFERENCES terminals (terminal_id),
        topic                   TEXT NOT NULL,
        elder_mode              INTEGER NOT NULL CHECK (elder_mode IN (0, 1)),
        status                  TEXT NOT NULL CHECK (status IN ('waiting', 'connected', 'ended')),
        end_reason              TEXT CHECK (end_reason IS NULL OR end_reason IN ('residentHungUp', 'agentHungUp',
                                  'sessionEnded', 'calledBack', 'cancelled', 'noAnswer', 'connectionLost', 'deviceLost')),
        requested_at            TEXT NOT NULL,
        accepted_at             TEXT,
        ended_at                TEXT,
        wait_ms                 INTEGER CHECK (wait_ms IS NULL OR wait_ms >= 0),
        talk_ms                 INTEGER CHECK (talk_ms IS NULL OR talk_ms >= 0),
        setup_ms                INTEGER CHECK (setup_ms IS NULL OR setup_ms >= 0),
        agent_user_id           INTEGER REFERENCES console_users (user_id),
        consent_personal_values INTEGER NOT NULL CHECK (consent_personal_values IN (0, 1)),
        consent_document_camera INTEGER NOT NULL CHECK (consent_document_camera IN (0, 1)),
        recording_consented_at  TEXT,
        recorded                INTEGER NOT NULL DEFAULT 0 CHECK (recorded IN (0, 1)),
        audio_only              INTEGER NOT NULL DEFAULT 0 CHECK (audio_only IN (0, 1)),
        quality_samples         INTEGER NOT NULL DEFAULT 0 CHECK (quality_samples >= 0),
        kiosk_inbound_kbps      REAL,
        agent_inbound_kbps      REAL,
        packet_loss_pct         REAL,
        rtt_ms                  REAL,
        candidate_type          TEXT CHECK (candidate_type IS NULL OR candidate_type IN ('host', 'srflx', 'prflx', 'relay')),
        UNIQUE (day, seq),
        CHECK (status <> 'waiting' OR (accepted_at IS NULL AND ended_at IS NULL)),
        CHECK ((status = 'ended') = (ended_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX video_calls_waiting ON video_calls (status, requested_at);
      CREATE INDEX video_calls_by_day ON video_calls (day, station_id);
      CREATE INDEX video_calls_by_terminal ON video_calls (terminal_id, requested_at);

      CREATE TABLE video_agents (
        user_id  INTEGER PRIMARY KEY REFERENCES console_users (user_id),
        on_duty  INTEGER NOT NULL CHECK (on_duty IN (0, 1)),
        topics   TEXT NOT NULL CHECK (json_valid(topics) AND json_type(topics) = 'array'),
        since    TEXT NOT NULL,
        seen_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE video_relay (
        relay_id  INTEGER PRIMARY KEY AUTOINCREMENT,
        call_id   TEXT NOT NULL REFERENCES video_calls (call_id),
        to_side   TEXT NOT NULL CHECK (to_side IN ('kiosk', 'agent')),
        frame     TEXT NOT NULL,
        at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX video_relay_by_call ON video_relay (call_id, to_side, relay_id);

      CREATE TABLE video_call_recordings (
        call_id     TEXT PRIMARY KEY REFERENCES video_calls (call_id),
        mime_type   TEXT NOT NULL,
        bytes       INTEGER NOT NULL CHECK (bytes > 0),
        sealed_data BLOB NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES console_users (user_id),
        stored_at   TEXT NOT NULL
      ) STRICT;
    `);
  },
};
