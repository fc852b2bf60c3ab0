import type { Migration } from '../migration';

/**
 * How often each matter is used at this station, for ranking search results: one counter per
 * matter code, raised once per visit when a resident opens its guide, starts an application for
 * it or books an appointment for it. Counts only: no time, no session, nothing about who. Keyed
 * by code without a reference to catalog_matter, so the counts outlive catalog versions (a matter
 * keeps its code across versions) and a matter that leaves the catalog simply stops being found.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'matter-usage',
  up(db) {
    db.exec(`
      CREATE TABLE matter_usage (
        matter_code TEXT PRIMARY KEY CHECK (length(matter_code) BETWEEN 1 AND 64),
        uses INTEGER NOT NULL CHECK (uses >= 0)
      ) STRICT;
    `);
  },
};
