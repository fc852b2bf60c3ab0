import type { Migration } from '../migration';

/**
 * The working calendar (public holidays and make-up working days, platform/contract/
 * work-calendar.ts) is kept for offline use like the other platform documents the care journeys
 * keep: care_document and care_document_current accept the kind 'workCalendar'.
 *
 * SQLite cannot change a CHECK constraint in place, so both tables are rebuilt with their rows:
 * new tables under temporary names, rows copied, the old tables dropped (the current-version
 * table first, it references the other), then renamed, which also renames the foreign key's
 * target in care_document_current.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'work-calendar-document',
  up(db) {
    db.exec(`
      CREATE TABLE care_document_v13 (
        kind TEXT NOT NULL CHECK (kind IN ('ratingOptions', 'servicePoints', 'workCalendar')),
        version TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 64),
        body TEXT NOT NULL CHECK (json_valid(body)),
        stored_at TEXT NOT NULL,
        PRIMARY KEY (kind, version)
      ) STRICT;

      CREATE TABLE care_document_current_v13 (
        kind TEXT PRIMARY KEY CHECK (kind IN ('ratingOptions', 'servicePoints', 'workCalendar')),
        version TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        FOREIGN KEY (kind, version) REFERENCES care_document_v13 (kind, version)
      ) STRICT;

      INSERT INTO care_document_v13 (kind, version, body, stored_at)
        SELECT kind, version, body, stored_at FROM care_document;
      INSERT INTO care_document_current_v13 (kind, version, confirmed_at)
        SELECT kind, version, confirmed_at FROM care_document_current;

      DROP TABLE care_document_current;
      DROP TABLE care_document;
      ALTER TABLE care_document_v13 RENAME TO care_document;
      ALTER TABLE care_document_current_v13 RENAME TO care_document_current;
    `);
  },
};
