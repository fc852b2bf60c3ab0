import type { Migration } from '../migration';

/** Uploaded material bytes, content-addressed: the sha256 is the key, so the same bytes are kept once. */
export const migration0003: Migration = {
  version: 3,
  name: 'materials',
  up(db) {
    db.exec(`
      CREATE TABLE materials (
        sha256       TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size         INTEGER NOT NULL CHECK (size > 0),
        content_type TEXT NOT NULL,
        bytes        BLOB NOT NULL,
        uploaded_by  TEXT NOT NULL REFERENCES terminals (terminal_id),
        stored_at    TEXT NOT NULL
      ) STRICT;
    `);
  },
};
