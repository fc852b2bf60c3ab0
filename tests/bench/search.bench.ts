import Database from 'better-sqlite3';
import { contract } from '../../core/api/contract';
import { createDispatcher } from '../../core/api/dispatcher';
import { ok } from '../../core/api/result';
import type { Handlers } from '../../core/api/types';
import { replaceCatalog } from '../../core/catalog/catalog-store';
import { buildFindHandlers } from '../../core/catalog/find-handlers';
import { silentLogger } from '../../core/logging/logger';
import { migrate } from '../../core/store/migrate';
import { migrations } from '../../core/store/migrations';
import type { Catalog } from '../../platform/contract/catalog';
import { loadSeedCatalog } from '../../platform/seed';
import { kioskInfoFixture } from '../helpers/kiosk-info-fixture';
import { sample, summarise, type Summary } from './measure';

export const SEARCH_BENCH_SIZE = 5000;
export const SEARCH_BENCH_QUERIES = ['sb', 'shebao', '社保', 'yanglaobaoxian'] as const;

/**
 * A county-sized catalog whose names read like real ones: the first half of one seed name joined
 * to the second half of another (城乡居民基本养老 + 高龄补贴 …), so pinyin and initials spread the
 * way they do in a real list rather than repeating 62 names.
 */
export function searchBenchCatalog(size = SEARCH_BENCH_SIZE): Catalog {
  const seed = loadSeedCatalog();
  const names = seed.matters.map((m) => m.name);
  const matters = Array.from({ length: size }, (_, index) => {
    const base = seed.matters[index % seed.matters.length]!;
    const head = names[index % names.length]!;
    const tail = names[Math.floor(index / names.length) % names.length]!;
    const name = `${head.slice(0, Math.ceil(head.length / 2))}${tail.slice(Math.floor(tail.length / 2))}`;
    return { ...base, code: `370784-BENCH-${String(index + 1).padStart(5, '0')}`, seq: index + 1, name };
  });
  return { ...seed, version: `search-bench-${size}`, matters, lifeEvents: [] };
}

/**
 * catalog.search over 5 000 matters through the real dispatcher (input and output validated),
 * after one warm-up call that loads the index into memory; plus storing that catalog with its index.
 */
export async function searchBenchmarks(): Promise<Summary[]> {
  const catalog = searchBenchCatalog();
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  if (!migrate(db, migrations, () => 't').ok) throw new Error('migration failed');
  const results: Summary[] = [
    summarise(
      `store: replace catalog + search index (${SEARCH_BENCH_SIZE})`,
      await sample(5, () => replaceCatalog(db, catalog, new Date().toISOString())),
    ),
  ];
  const handlers = buildFindHandlers({
    db,
    info: kioskInfoFixture,
    logger: silentLogger(),
    now: () => new Date(),
    devices: { print: (document) => Promise.resolve(ok({ receiptId: document.id, printedAt: 't' })) },
  });
  const dispatch = createDispatcher(contract, handlers as unknown as Handlers<typeof contract>, {
    error: () => undefined,
  });
  const ctx = { host: 'test' as const, requestId: 'bench' };
  await dispatch('catalog.search', { text: 'sb' }, ctx);
  for (const text of SEARCH_BENCH_QUERIES) {
    results.push(
      summarise(
        `api: catalog.search '${text}' (${SEARCH_BENCH_SIZE})`,
        await sample(200, () => dispatch('catalog.search', { text }, ctx)),
      ),
    );
  }
  db.close();
  return results;
}
