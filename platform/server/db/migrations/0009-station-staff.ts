import type { Migration } from '../migration';

/**
 * What station staff do with what residents send (docs/station-staff.md):
 *
 * - Queue calling. `queue_windows` are a station's counters (窗口) and the services each calls;
 *   `ticket_states` is where every ticket is now (waiting in a service's queue, called to a window,
 *   being served, finished, no-show), one row per ticket, written in the same transaction as the
 *   ticket; `ticket_events` keeps every step with its time (called, recalled, started, finished,
 *   no-show, transferred), and its called/recalled rows are what call displays announce, in
 *   `event_id` order. Two windows never hold the same ticket: a call is an UPDATE … WHERE status =
 *   'waiting' that only one transaction can win, and the partial unique index keeps a window to one
 *   ticket at a time. Tickets stored before this version start as waiting.
 * - Help requests (帮办代办). Who handles a request and when it was accepted and completed; the
 *   keyed index of the signed-in resident who asked (the same HMAC as applications' applicant_index),
 *   so they can follow it at a kiosk after card sign-in; every contact staff record with its outcome.
 *   Notes may name people, so they are sealed like every other body.
 * - 差评 work orders. The callback (回访: when, by whom, satisfied or not), the fix (整改) and the
 *   closing; `status` keeps its three values (open → followedUp → closed).
 * - Station settings a county sets per station (the time limits for help requests), as JSON
 *   validated by platform/contract/console/station-settings.ts.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'station-staff',
  up(db) {
    db.exec(`
      CREATE TABLE queue_windows (
        station_id    TEXT NOT NULL,
        window_no     INTEGER NOT NULL CHECK (window_no BETWEEN 1 AND 99),
        label         TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 20),
        service_codes TEXT NOT NULL CHECK (json_valid(service_codes) AND json_type(service_codes) = 'array'),
        status        TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('open', 'paused', 'closed')),
        staff_user_id INTEGER REFERENCES console_users (user_id),
        updated_at    TEXT NOT NULL,
        PRIMARY KEY (station_id, window_no)
      ) STRICT;

      CREATE TABLE ticket_states (
        ticket_id       TEXT PRIMARY KEY REFERENCES tickets (ticket_id),
        station_id      TEXT NOT NULL,
        day             TEXT NOT NULL,
        queue_service   TEXT NOT NULL,
        target_window   INTEGER CHECK (target_window IS NULL OR target_window BETWEEN 1 AND 99),
        status          TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'finished', 'noShow')),
        window_no       INTEGER CHECK (window_no IS NULL OR window_no BETWEEN 1 AND 99),
        staff_user_id   INTEGER REFERENCES console_users (user_id),
        first_called_at TEXT,
        called_at       TEXT,
        recall_count    INTEGER NOT NULL DEFAULT 0 CHECK (recall_count >= 0),
        recalled_at     TEXT,
        started_at      TEXT,
        finished_at     TEXT,
        no_show_at      TEXT,
        transferred_at  TEXT,
        updated_at      TEXT NOT NULL,
        CHECK (status = 'waiting' OR window_no IS NOT NULL),
        CHECK (status <> 'finished' OR finished_at IS NOT NULL),
        CHECK (status <> 'noShow' OR no_show_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX ticket_states_waiting ON ticket_states (station_id, day, queue_service, status);
      CREATE UNIQUE INDEX ticket_states_one_per_window ON ticket_states (station_id, day, window_no)
        WHERE status IN ('called', 'serving');

      CREATE TABLE ticket_events (
        event_id      INTEGER PRIMARY KEY,
        ticket_id     TEXT NOT NULL REFERENCES tickets (ticket_id),
        station_id    TEXT NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('called', 'recalled', 'started', 'finished', 'noShow', 'transferred')),
        window_no     INTEGER CHECK (window_no IS NULL OR window_no BETWEEN 1 AND 99),
        staff_user_id INTEGER REFERENCES console_users (user_id),
        detail        TEXT CHECK (detail IS NULL OR json_valid(detail)),
        at            TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ticket_events_by_station ON ticket_events (station_id, event_id);
      CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, event_id);

      INSERT INTO ticket_states (ticket_id, station_id, day, queue_service, status, updated_at)
        SELECT ticket_id, station_id, day, service_code, 'waiting', received_at FROM tickets ORDER BY day, seq;

      ALTER TABLE assistance_requests ADD COLUMN requester_index TEXT
        CHECK (requester_index IS NULL OR length(requester_index) = 64);
      ALTER TABLE assistance_requests ADD COLUMN assignee_user_id INTEGER REFERENCES console_users (user_id);
      ALTER TABLE assistance_requests ADD COLUMN assignee_name TEXT
        CHECK (assignee_name IS NULL OR length(assignee_name) BETWEEN 1 AND 40);
      ALTER TABLE assistance_requests ADD COLUMN accepted_at TEXT;
      ALTER TABLE assistance_requests ADD COLUMN completed_at TEXT;
      ALTER TABLE assistance_requests ADD COLUMN sealed_completion BLOB;
      CREATE INDEX assistance_requests_by_requester ON assistance_requests (requester_index)
        WHERE requester_index IS NOT NULL;
      CREATE INDEX assistance_requests_by_station ON assistance_requests (station_id, status, day);

      CREATE TABLE assistance_contacts (
        contact_id    INTEGER PRIMARY KEY,
        request_id    TEXT NOT NULL REFERENCES assistance_requests (request_id),
        at            TEXT NOT NULL,
        channel       TEXT NOT NULL CHECK (channel IN ('phone', 'homeVisit', 'atStation', 'video', 'other')),
        outcome       TEXT NOT NULL CHECK (outcome IN ('reached', 'noAnswer', 'rescheduled', 'resolved')),
        staff_user_id INTEGER NOT NULL REFERENCES console_users (user_id),
        sealed_note   BLOB,
        recorded_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX assistance_contacts_by_request ON assistance_contacts (request_id, contact_id);

      ALTER TABLE work_orders ADD COLUMN callback_at TEXT;
      ALTER TABLE work_orders ADD COLUMN callback_satisfied INTEGER CHECK (callback_satisfied IS NULL OR callback_satisfied IN (0, 1));
      ALTER TABLE work_orders ADD COLUMN callback_by INTEGER REFERENCES console_users (user_id);
      ALTER TABLE work_orders ADD COLUMN sealed_callback_note BLOB;
      ALTER TABLE work_orders ADD COLUMN rectified_at TEXT;
      ALTER TABLE work_orders ADD COLUMN rectified_by INTEGER REFERENCES console_users (user_id);
      ALTER TABLE work_orders ADD COLUMN sealed_rectification BLOB;
      ALTER TABLE work_orders ADD COLUMN closed_at TEXT;
      ALTER TABLE work_orders ADD COLUMN closed_by INTEGER REFERENCES console_users (user_id);
      CREATE INDEX work_orders_by_status ON work_orders (status, follow_up_by);

      CREATE TABLE station_settings (
        station_id TEXT PRIMARY KEY,
        settings   TEXT NOT NULL CHECK (json_valid(settings)),
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES console_users (user_id)
      ) STRICT;
    `);
  },
};
