import Database from 'better-sqlite3';
import type { Catalog } from '../../platform/contract/catalog';
import { replaceCatalog } from '../catalog/catalog-store';
import { migrate } from '../store/migrate';
import { migrations } from '../store/migrations';

/** When a test store's migrations (and catalog) are stamped: fixed text, or the test's clock. */
export type StoreStamp = string | (() => Date | string);

function stampOf(at: StoreStamp | undefined): () => string {
  if (at === undefined) return () => new Date().toISOString();
  if (typeof at === 'string') return () => at;
  return () => {
    const stamp = at();
    return typeof stamp === 'string' ? stamp : stamp.toISOString();
  };
}

/**
 * Applies the store's migrations (those up to `upTo`, all by default) to `db`, as the kiosk does
 * when it opens its store; throws if one fails, since a test cannot go on over a broken schema.
 */
export function migrateStore(db: Database.Database, options: { upTo?: number; at?: StoreStamp } = {}): void {
  const { upTo } = options;
  const chosen = upTo === undefined ? migrations : migrations.filter((m) => m.version <= upTo);
  const result = migrate(db, chosen, stampOf(options.at));
  if (!result.ok) throw new Error(`test store migration failed: ${JSON.stringify(result.error)}`);
}

/**
 * The kiosk's store for a test: in memory (or at `path`, for a test that reopens it), foreign keys
 * on as core/store/open.ts opens it, every migration applied (or those up to `upTo`, for a
 * migration's own test) and, when given, `catalog` stored as a sync would store it.
 */
export function memoryStore(
  options: { upTo?: number; at?: StoreStamp; path?: string; catalog?: Catalog } = {},
): Database.Database {
  const db = new Database(options.path ?? ':memory:');
  db.pragma('foreign_keys = ON');
  migrateStore(db, options);
  if (options.catalog) replaceCatalog(db, options.catalog, stampOf(options.at)());
  return db;
}

/**
 * For a migration's own test: a store with the migrations up to `version` applied, so the test can
 * put rows in the older schema and then run the next migration over them.
 */
export function migratedTo(version: number, at: StoreStamp = '2026-11-21T08:00:00.000Z'): Database.Database {
  return memoryStore({ upTo: version, at });
}
