import type Database from 'better-sqlite3';

/**
 * One numbered schema change. Migrations run in order, each in its own transaction together with
 * the `user_version` bump, so a crash leaves the database at a whole version. Tables are STRICT.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
