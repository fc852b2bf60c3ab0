import type { Migration } from '../migration';

/**
 * What the kiosk knows about its link to the platform's catalog: when the platform last confirmed
 * the stored version is current (the catalog's age counts from there) and why the last attempt
 * failed. Kept apart from catalog_meta because it changes on every check, not only on new versions.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'catalog-sync-state',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        confirmed_at TEXT,
        last_attempt_at TEXT,
        last_error TEXT
      ) STRICT;
      INSERT INTO catalog_sync_state (id) VALUES (1);
    `);
  },
};
