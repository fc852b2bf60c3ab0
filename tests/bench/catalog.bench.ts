import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { contract } from '../../core/api/contract';
import { createDispatcher } from '../../core/api/dispatcher';
import { replaceCatalog } from '../../core/catalog/catalog-store';
import { createCatalogSync } from '../../core/catalog/sync';
import { silentLogger } from '../../core/logging/logger';
import { migrate } from '../../core/store/migrate';
import { migrations } from '../../core/store/migrations';
import { kioskInfoFixture } from '../helpers/kiosk-info-fixture';
import { createTestHandlers } from '../helpers/test-handlers';
import { sample, summarise, times, type Summary } from './measure';
import { syntheticCatalog } from './synthetic-catalog';

/** Store writes and API reads of the catalog, through the real dispatcher, at village and county scale. */
export async function catalogBenchmarks(): Promise<Summary[]> {
  const results: Summary[] = [];
  for (const size of [62, 3000]) {
    const catalog = syntheticCatalog(size);
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    if (!migrate(db, migrations, () => 't').ok) throw new Error('migration failed');

    results.push(
      summarise(
        `store: replace catalog of ${size} matters`,
        await sample(times(10), () => replaceCatalog(db, catalog, 't')),
      ),
    );

    const platform = { baseUrl: 'http://127.0.0.1:9', token: 'bench-token-0000000', timeoutMs: 100 };
    const sync = createCatalogSync({
      db,
      platform,
      staleAfterHours: 72,
      now: () => new Date(),
      logger: silentLogger(),
      onStatus: () => undefined,
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
    const all = createTestHandlers({
      db,
      info: kioskInfoFixture,
      catalogSync: sync,
      platform,
      logger: silentLogger(),
      dataDir,
    });
    const dispatch = createDispatcher(contract, all.handlers, { error: () => undefined });
    const ctx = { host: 'test' as const, requestId: 'bench' };
    results.push(
      summarise(
        `api: catalog.overview (${size})`,
        await sample(times(200), () => dispatch('catalog.overview', {}, ctx)),
      ),
    );
    results.push(
      summarise(
        `api: catalog.list first 200 (${size})`,
        await sample(times(200), () => dispatch('catalog.list', {}, ctx)),
      ),
    );
    results.push(
      summarise(
        `api: catalog.list by theme (${size})`,
        await sample(times(200), () => dispatch('catalog.list', { themeId: 'socialAssistance' }, ctx)),
      ),
    );
    const withGuide = catalog.matters.find((m) => m.guide)!.code;
    results.push(
      summarise(
        `api: catalog.matter with guide (${size})`,
        await sample(times(500), () => dispatch('catalog.matter', { code: withGuide }, ctx)),
      ),
    );
    await all.close();
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
