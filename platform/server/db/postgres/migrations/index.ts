import type { PostgresMigration } from '../migration';

/** Every PostgreSQL migration in order; version N matches db/migrations/ version N on SQLite. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [];
