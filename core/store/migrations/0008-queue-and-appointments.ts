import type { Migration } from '../migration';

/**
 * Queue tickets (取号) on this kiosk (core/queue):
 * - `queue_ticket_range`: numbers the platform reserved for this terminal for one China day;
 *   `next_number` is the next one to hand out offline (last + 1 when the range is used up).
 * - `queue_ticket_request`: every take-ticket press, by its confirmation id, with the
 *   Idempotency-Key and the exact JSON body it is POSTed with, so a repeat of the same press is
 *   byte-identical (the platform fingerprints bodies) and staff can see which presses fell back
 *   offline after an ambiguous failure (possible ghost tickets on the platform).
 * - `queue_ticket`: the ticket the resident got for a press, online or from a range, with the
 *   outbox row that reports an offline one and where it was printed.
 * - `queue_status_cache`: the last queue status the platform sent (one row), shown while offline.
 * Appointments keep nothing here: they need the platform, and their requests hold personal data.
 * No table holds personal data. Times are ISO-8601 strings; JSON columns are checked.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'queue-and-appointments',
  up(db) {
    db.exec(`
      CREATE TABLE queue_ticket_range (
        range_id TEXT PRIMARY KEY CHECK (length(range_id) BETWEEN 1 AND 64),
        service_code TEXT NOT NULL CHECK (length(service_code) BETWEEN 1 AND 32),
        prefix TEXT NOT NULL CHECK (length(prefix) = 1 AND prefix BETWEEN 'A' AND 'Z'),
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        first_number INTEGER NOT NULL CHECK (first_number BETWEEN 1 AND 999),
        last_number INTEGER NOT NULL CHECK (last_number BETWEEN first_number AND 999),
        next_number INTEGER NOT NULL CHECK (next_number BETWEEN first_number AND last_number + 1),
        reserved_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX queue_ticket_range_by_service_day ON queue_ticket_range (service_code, day, first_number);

      CREATE TABLE queue_ticket_request (
        confirmation_id TEXT PRIMARY KEY CHECK (length(confirmation_id) = 36),
        idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 16 AND 128),
        service_code TEXT NOT NULL CHECK (length(service_code) BETWEEN 1 AND 32),
        body TEXT NOT NULL CHECK (json_valid(body)),
        created_at TEXT NOT NULL,
        outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'online', 'refused', 'offline'))
      ) STRICT;

      CREATE TABLE queue_ticket (
        confirmation_id TEXT PRIMARY KEY REFERENCES queue_ticket_request (confirmation_id),
        ticket_id TEXT NOT NULL UNIQUE CHECK (length(ticket_id) BETWEEN 1 AND 64),
        source TEXT NOT NULL CHECK (source IN ('online', 'offlineRange')),
        range_id TEXT REFERENCES queue_ticket_range (range_id),
        number INTEGER CHECK (number BETWEEN 1 AND 999),
        ticket TEXT NOT NULL CHECK (json_valid(ticket)),
        outbox_id INTEGER UNIQUE REFERENCES outbox (id),
        print_output TEXT CHECK (print_output IN ('paper', 'screen')),
        print_problem TEXT CHECK (print_problem IN ('printerUnavailable', 'paperOut', 'printFailed')),
        issued_at TEXT NOT NULL,
        UNIQUE (range_id, number),
        CHECK ((source = 'offlineRange') = (range_id IS NOT NULL)),
        CHECK ((range_id IS NULL) = (number IS NULL)),
        CHECK ((range_id IS NULL) = (outbox_id IS NULL)),
        CHECK (print_problem IS NULL OR print_output = 'screen')
      ) STRICT;

      CREATE TABLE queue_status_cache (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        station_id TEXT NOT NULL,
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status TEXT NOT NULL CHECK (json_valid(status)),
        fetched_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
