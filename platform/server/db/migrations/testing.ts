import Database from 'better-sqlite3';
import { createPlatformSealer, type PlatformSealer } from '../../sealing/sealer';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

/** A fixed key, so migration tests can check what was sealed and indexed. */
export const TEST_SEALER: PlatformSealer = createPlatformSealer(Buffer.alloc(32, 7));

/** A fresh in-memory database migrated to exactly `version`, for per-migration tests. */
export function databaseAt(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const result = migrate(db, MIGRATIONS, { sealer: TEST_SEALER }, version);
  if (!result.ok) throw new Error(`migration to ${version} failed: ${JSON.stringify(result.error)}`);
  return db;
}

export function columns(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_info(${JSON.stringify(table)})`) as Array<{ name: string }>).map((column) => column.name);
}

export function tableNames(db: Database.Database): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
}
