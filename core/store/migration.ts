import type Database from 'better-sqlite3';

/**
 * One numbered schema change. `up` runs inside a transaction together with the bookkeeping, so a
 * migration is applied completely or not at all. Migrations are never edited once released:
 * a change is a new number (docs/design-anchors.md §7.11).
 */
export interface Migration {
  readonly version: number;
  /** kebab-case, matches the file name; recorded so a foreign database is recognised. */
  readonly name: string;
  up(db: Database.Database): void;
}
