import type { PostgresMigration } from '../migration';

/** PostgreSQL version 3; the same table as db/migrations/0003-materials.ts. */
export const postgresMigration0003: PostgresMigration = {
  version: 3,
  name: 'materials',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE materials (
        sha256       TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size         BIGINT NOT NULL CHECK (size > 0),
        content_type TEXT NOT NULL,
        bytes        BYTEA NOT NULL,
        uploaded_by  TEXT NOT NULL REFERENCES terminals (terminal_id),
        stored_at    TEXT NOT NULL
      );
    `);
  },
};
