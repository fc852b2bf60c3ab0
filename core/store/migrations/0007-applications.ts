import type { Migration } from '../migration';

/**
 * Self-service applications (自助申报), written in ONE transaction with their material bytes and
 * the outbox rows that carry them to the platform (core/applications/commit.ts).
 *
 * - outbox gains a binary body: `body_blob` with the bytes to send, `content_type` when they are
 *   sent as they are (a material PDF), and `sealed` when `body_blob` is AES-256-GCM sealed and must
 *   be opened at send time (personal data at rest). A plain JSON item keeps `body_blob` NULL.
 * - application: one confirmed submission (one matter, or a life-event bundle). Personal data
 *   (applicant, agent, form, delivery) is sealed; the only index on the person is `applicant_key`,
 *   a keyed hash of the ID number, never the number.
 * - application_matter: one row per matter, each with the outbox row of its POST /applications;
 *   the platform's 办件编号 is that row's response.
 * - application_blob: the material bytes (sealed), once per distinct sha256 of an application, each
 *   with its PUT /materials/{sha256} outbox row. application_page maps material names to them.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'applications',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN body_blob BLOB;
      ALTER TABLE outbox ADD COLUMN content_type TEXT
        CHECK (content_type IS NULL OR length(content_type) BETWEEN 3 AND 100);
      ALTER TABLE outbox ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1));

      CREATE TABLE application (
        local_ref TEXT PRIMARY KEY CHECK (length(local_ref) = 36),
        confirmation_id TEXT NOT NULL UNIQUE CHECK (length(confirmation_id) = 36),
        applicant_key TEXT NOT NULL CHECK (length(applicant_key) = 64),
        life_event_id TEXT,
        catalog_version TEXT NOT NULL CHECK (length(catalog_version) >= 1),
        station_id TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        offline INTEGER NOT NULL CHECK (offline IN (0, 1)),
        delivery_method TEXT NOT NULL CHECK (delivery_method IN ('pickUp', 'mail')),
        sealed_people BLOB NOT NULL,
        sealed_form BLOB NOT NULL,
        print_output TEXT CHECK (print_output IN ('paper', 'screen')),
        print_problem TEXT CHECK (print_problem IN ('printerUnavailable', 'paperOut', 'printFailed')),
        CHECK (print_problem IS NULL OR print_output = 'screen')
      ) STRICT;
      CREATE INDEX application_by_applicant ON application (applicant_key, submitted_at);

      CREATE TABLE application_matter (
        local_ref TEXT NOT NULL REFERENCES application (local_ref),
        idx INTEGER NOT NULL CHECK (idx BETWEEN 0 AND 7),
        submission_ref TEXT NOT NULL UNIQUE CHECK (length(submission_ref) = 36),
        matter_code TEXT NOT NULL,
        matter_version INTEGER NOT NULL CHECK (matter_version > 0),
        matter_name TEXT NOT NULL,
        promised_working_days INTEGER CHECK (promised_working_days IS NULL OR promised_working_days >= 0),
        outbox_id INTEGER NOT NULL UNIQUE REFERENCES outbox (id),
        PRIMARY KEY (local_ref, idx)
      ) STRICT;

      CREATE TABLE application_blob (
        local_ref TEXT NOT NULL REFERENCES application (local_ref),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size INTEGER NOT NULL CHECK (size > 0),
        sealed_bytes BLOB NOT NULL,
        outbox_id INTEGER NOT NULL UNIQUE REFERENCES outbox (id),
        PRIMARY KEY (local_ref, sha256)
      ) STRICT;

      CREATE TABLE application_page (
        local_ref TEXT NOT NULL,
        material_name TEXT NOT NULL CHECK (length(material_name) BETWEEN 1 AND 128),
        seq INTEGER NOT NULL CHECK (seq >= 0),
        sha256 TEXT NOT NULL,
        PRIMARY KEY (local_ref, material_name, seq),
        FOREIGN KEY (local_ref, sha256) REFERENCES application_blob (local_ref, sha256)
      ) STRICT;
    `);
  },
};
