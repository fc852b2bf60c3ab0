import type { Migration } from '../migration';

/**
 * Versioned documents the platform publishes whole: the catalog, the rating options and the
 * service-point list. The current one of a kind is the one published last (highest id); older
 * versions stay for audit.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'published-documents',
  up(db) {
    db.exec(`
      CREATE TABLE published_documents (
        id           INTEGER PRIMARY KEY,
        kind         TEXT NOT NULL,
        version      TEXT NOT NULL,
        published_at TEXT NOT NULL,
        item_count   INTEGER NOT NULL CHECK (item_count >= 0),
        body         TEXT NOT NULL,
        stored_at    TEXT NOT NULL,
        UNIQUE (kind, version)
      ) STRICT;
    `);
  },
};
