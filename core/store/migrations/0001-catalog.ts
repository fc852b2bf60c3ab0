import type { Migration } from '../migration';

/**
 * The catalog of matters as last received from the platform. One catalog version is stored at a
 * time: a new version replaces the old one in a single transaction, so a reader sees either the
 * old catalog or the new one, never a mix. Guides are stored as JSON (validated on the way in and
 * on the way out), the fields residents filter by as columns.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'catalog',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version TEXT NOT NULL,
        published_at TEXT NOT NULL,
        region_code TEXT NOT NULL,
        region_name TEXT NOT NULL,
        stored_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE catalog_theme (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        sort_order INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE catalog_department (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        phone TEXT
      ) STRICT;

      CREATE TABLE catalog_matter (
        code TEXT PRIMARY KEY,
        version INTEGER NOT NULL CHECK (version > 0),
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        service_kind TEXT NOT NULL
          CHECK (service_kind IN ('approvalAgency', 'directQuery', 'consultation', 'assistedAcceptance')),
        case_type TEXT NOT NULL CHECK (case_type IN ('instant', 'promised')),
        promised_working_days INTEGER,
        handling TEXT NOT NULL CHECK (handling IN ('onSite', 'assisted', 'convenience')),
        channels TEXT NOT NULL,
        department_code TEXT NOT NULL REFERENCES catalog_department (code),
        cross_village INTEGER NOT NULL CHECK (cross_village IN (0, 1)),
        guide TEXT
      ) STRICT;
      CREATE INDEX catalog_matter_seq ON catalog_matter (seq);
      CREATE INDEX catalog_matter_kind ON catalog_matter (service_kind, seq);

      CREATE TABLE catalog_matter_theme (
        matter_code TEXT NOT NULL REFERENCES catalog_matter (code) ON DELETE CASCADE,
        theme_id TEXT NOT NULL REFERENCES catalog_theme (id),
        PRIMARY KEY (matter_code, theme_id)
      ) STRICT;
      CREATE INDEX catalog_matter_theme_by_theme ON catalog_matter_theme (theme_id, matter_code);
    `);
  },
};
