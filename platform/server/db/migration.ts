import type Database from 'better-sqlite3';
import type { PlatformSealer } from '../sealing/sealer';

/**
 * What a migration may use besides the database: the sealer, so a migration that moves personal
 * data into sealed columns seals the rows already stored in the same transaction as the schema
 * change. No database ever sits at a version whose shape says "sealed" with plaintext inside.
 */
export interface MigrationContext {
  readonly sealer: PlatformSealer;
}

/**
 * One numbered schema change. Migrations run in order, each in its own transaction together with
 * the `user_version` bump, so a crash leaves the database at a whole version. Tables are STRICT.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database, context: MigrationContext): void;
}
