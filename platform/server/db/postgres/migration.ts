import type { MigrationContext } from '../migration';
import type { SqlQueries } from '../sql';

/**
 * One numbered schema change on PostgreSQL. The numbers match the SQLite migrations
 * (db/migrations/): version N on either engine is the same tables and columns (the parity test in
 * db/postgres/schema-parity.test.ts checks it). Each runs in one transaction together with its row
 * in schema_migrations, so a failure leaves the database at a whole version.
 */
export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  up(tx: SqlQueries, context: MigrationContext): Promise<void>;
}
