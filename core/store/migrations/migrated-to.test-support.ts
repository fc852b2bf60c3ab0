import Database from 'better-sqlite3';
import { migrate } from '../migrate';
import { migrations } from '.';

/**
 * For the migration tests: a fresh in-memory store with the migrations up to `version` applied
 * (foreign keys on, as the kiosk opens its store), so a test can put rows in an older schema and
 * then run the next migration over them. `now` stamps the applied migrations.
 */
export function migratedTo(version: number, now: () => string = () => '2026-11-21T08:00:00.000Z'): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const result = migrate(
    db,
    migrations.filter((m) => m.version <= version),
    now,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return db;
}
