import type { Migration } from '../migration';

/**
 * What residents do at the kiosk and the platform keeps: applications (办件), queue tickets and
 * the number ranges reserved for offline issuing, appointments, 好差评 ratings and the work orders
 * of bad ratings, plus one arrival counter across all of them so operators (and fault-injection
 * tests) can see the order in which kiosks delivered things.
 *
 * Records with readable ids are numbered per China Standard Time day, hence (day, seq). The
 * uniqueness rules the protocol promises are constraints here, not only code: one application per
 * (terminal, localRef), one ticket per (station, service, day, number), one rating per subject.
 * Identity numbers are stored in their own columns so searches need not parse bodies; they never
 * leave the database except in answers to the searching terminal.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'resident-services',
  up(db) {
    db.exec(`
      CREATE TABLE record_arrivals (
        arrival     INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL CHECK (kind IN ('application', 'ticket', 'rating', 'assistanceRequest', 'appointment')),
        record_id   TEXT NOT NULL,
        received_at TEXT NOT NULL,
        UNIQUE (kind, record_id)
      ) STRICT;

      CREATE TABLE applications (
        case_no               TEXT PRIMARY KEY,
        day                   TEXT NOT NULL,
        seq                   INTEGER NOT NULL CHECK (seq > 0),
        terminal_id           TEXT NOT NULL REFERENCES terminals (terminal_id),
        station_id            TEXT NOT NULL,
        local_ref             TEXT NOT NULL,
        matter_code           TEXT NOT NULL,
        matter_version        INTEGER NOT NULL CHECK (matter_version > 0),
        catalog_version       TEXT NOT NULL,
        case_type             TEXT NOT NULL CHECK (case_type IN ('instant', 'promised')),
        promised_working_days INTEGER CHECK (promised_working_days IS NULL OR promised_working_days > 0),
        delivery_method       TEXT NOT NULL CHECK (delivery_method IN ('pickUp', 'mail')),
        applicant_id_type     TEXT NOT NULL,
        applicant_id_number   TEXT NOT NULL,
        agent_id_type         TEXT,
        agent_id_number       TEXT,
        bundle_ref            TEXT,
        body                  TEXT NOT NULL,
        receipt_lines         TEXT NOT NULL,
        confirmed_at          TEXT NOT NULL,
        accepted_at           TEXT NOT NULL,
        promised_by           TEXT,
        CHECK ((case_type = 'promised') = (promised_working_days IS NOT NULL)),
        CHECK ((case_type = 'promised') = (promised_by IS NOT NULL)),
        CHECK ((agent_id_type IS NULL) = (agent_id_number IS NULL)),
        UNIQUE (day, seq),
        UNIQUE (terminal_id, local_ref)
      ) STRICT;
      CREATE INDEX applications_by_applicant ON applications (applicant_id_number, applicant_id_type);
      CREATE INDEX applications_by_agent ON applications (agent_id_number, agent_id_type);

      CREATE TABLE ticket_ranges (
        range_id     TEXT PRIMARY KEY,
        day          TEXT NOT NULL,
        seq          INTEGER NOT NULL CHECK (seq > 0),
        terminal_id  TEXT NOT NULL REFERENCES terminals (terminal_id),
        station_id   TEXT NOT NULL,
        service_code TEXT NOT NULL,
        first        INTEGER NOT NULL CHECK (first BETWEEN 1 AND 999),
        last         INTEGER NOT NULL CHECK (last BETWEEN 1 AND 999),
        reserved_at  TEXT NOT NULL,
        CHECK (first <= last),
        UNIQUE (day, seq)
      ) STRICT;
      CREATE INDEX ticket_ranges_by_service ON ticket_ranges (station_id, service_code, day);

      CREATE TABLE tickets (
        ticket_id       TEXT PRIMARY KEY,
        day             TEXT NOT NULL,
        seq             INTEGER NOT NULL CHECK (seq > 0),
        station_id      TEXT NOT NULL,
        service_code    TEXT NOT NULL,
        number          INTEGER NOT NULL CHECK (number BETWEEN 1 AND 999),
        ticket_no       TEXT NOT NULL,
        priority_class  TEXT NOT NULL CHECK (priority_class IN ('normal', 'elderly', 'disabled', 'appointment')),
        priority_weight INTEGER NOT NULL CHECK (priority_weight BETWEEN 0 AND 100),
        source          TEXT NOT NULL CHECK (source IN ('online', 'offlineRange')),
        range_id        TEXT REFERENCES ticket_ranges (range_id),
        terminal_id     TEXT NOT NULL REFERENCES terminals (terminal_id),
        appointment_id  TEXT,
        matter_code     TEXT,
        issued_at       TEXT NOT NULL,
        received_at     TEXT NOT NULL,
        CHECK ((source = 'offlineRange') = (range_id IS NOT NULL)),
        CHECK (priority_class = 'appointment' OR appointment_id IS NULL),
        UNIQUE (station_id, service_code, day, number),
        UNIQUE (day, seq)
      ) STRICT;

      CREATE TABLE appointments (
        appointment_id        TEXT PRIMARY KEY,
        day                   TEXT NOT NULL,
        seq                   INTEGER NOT NULL CHECK (seq > 0),
        terminal_id           TEXT NOT NULL REFERENCES terminals (terminal_id),
        slot_id               TEXT NOT NULL,
        service_point_id      TEXT NOT NULL,
        slot_day              TEXT NOT NULL,
        starts_at             TEXT NOT NULL,
        ends_at               TEXT NOT NULL,
        matter_code           TEXT NOT NULL,
        matter_version        INTEGER NOT NULL CHECK (matter_version > 0),
        matter_name           TEXT NOT NULL,
        applicant_name_masked TEXT NOT NULL,
        applicant_id_type     TEXT NOT NULL,
        applicant_id_number   TEXT NOT NULL,
        agent_id_type         TEXT,
        agent_id_number       TEXT,
        body                  TEXT NOT NULL,
        status                TEXT NOT NULL CHECK (status IN ('booked', 'checkedIn', 'cancelled', 'noShow')),
        booked_at             TEXT NOT NULL,
        checked_in_at         TEXT,
        cancelled_at          TEXT,
        cancel_reason         TEXT CHECK (cancel_reason IN ('residentRequest', 'cannotAttend', 'other')),
        ticket_id             TEXT REFERENCES tickets (ticket_id),
        CHECK ((status = 'checkedIn') = (checked_in_at IS NOT NULL AND ticket_id IS NOT NULL)),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)),
        UNIQUE (day, seq)
      ) STRICT;
      CREATE INDEX appointments_by_slot ON appointments (slot_id, status);
      CREATE INDEX appointments_by_applicant ON appointments (applicant_id_number, applicant_id_type);
      CREATE INDEX appointments_by_agent ON appointments (agent_id_number, agent_id_type);

      CREATE TABLE ratings (
        rating_id       TEXT PRIMARY KEY,
        day             TEXT NOT NULL,
        seq             INTEGER NOT NULL CHECK (seq > 0),
        terminal_id     TEXT NOT NULL REFERENCES terminals (terminal_id),
        station_id      TEXT NOT NULL,
        subject_kind    TEXT NOT NULL
                        CHECK (subject_kind IN ('application', 'ticket', 'appointment', 'progressQuery', 'assistance')),
        subject_ref     TEXT NOT NULL,
        submitted_ref   TEXT NOT NULL,
        level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        options_version TEXT NOT NULL,
        body            TEXT NOT NULL,
        rated_at        TEXT NOT NULL,
        accepted_at     TEXT NOT NULL,
        UNIQUE (subject_kind, subject_ref),
        UNIQUE (day, seq)
      ) STRICT;

      CREATE TABLE work_orders (
        work_order_no TEXT PRIMARY KEY,
        day           TEXT NOT NULL,
        seq           INTEGER NOT NULL CHECK (seq > 0),
        rating_id     TEXT NOT NULL UNIQUE REFERENCES ratings (rating_id),
        status        TEXT NOT NULL CHECK (status IN ('open', 'followedUp', 'closed')),
        follow_up_by  TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        UNIQUE (day, seq)
      ) STRICT;

      -- Requests stored before this version join the arrival order in the order they came.
      INSERT INTO record_arrivals (kind, record_id, received_at)
        SELECT 'assistanceRequest', request_id, received_at FROM assistance_requests ORDER BY received_at, request_id;
    `);
  },
};
