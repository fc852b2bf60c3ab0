import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogStatus } from '../../core/api/contract';
import { startKioskCore } from '../../core/app/start';
import type { KioskCore } from '../../core/app/types';
import { silentLogger } from '../../core/logging/logger';
import { parseKioskConfig } from '../../kiosk-config/load';
import { loadSeedCatalog, SEED_CATALOG_VERSION } from '../../platform/seed';
import { startPlatformServer, type PlatformServer } from '../../platform/server/start';
import { publishCatalog } from '../../platform/server/store/catalogs';

/**
 * The kiosk core against the real reference platform over HTTP: the catalog arrives by version,
 * survives the platform going away (and a kiosk restart), and a newly published version is picked
 * up. Nothing here is faked: real store on disk, real platform server, real fault injection.
 */
const TERMINAL = 'KIOSK-370784-JZ-DB-01';
const TOKEN = 'integration-token-0123456789';
const ctx = { host: 'test' as const, requestId: 'it' };

let dir: string;
let platform: PlatformServer;
let core: KioskCore | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-it-'));
  platform = await startPlatformServer({
    dbPath: join(dir, 'platform.sqlite'),
    terminals: [{ id: TERMINAL, token: TOKEN, stationId: '370784-JZ-DB' }],
    seedCatalog: loadSeedCatalog,
  });
});

afterEach(async () => {
  await core?.close();
  core = null;
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startCore(token = TOKEN): Promise<KioskCore> {
  const config = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../kiosk-config/default.json'), 'utf8'),
  ) as Record<string, unknown>;
  config['platform'] = { mode: 'remote', baseUrl: platform.baseUrl, tokenFile: 'token', timeoutMs: 1000 };
  config['data'] = { dir: 'data' };
  // Owner-only, as a station keeps it: startKioskCore refuses a token file others can read.
  writeFileSync(join(dir, 'token'), token, { mode: 0o600 });
  const loaded = parseKioskConfig(JSON.stringify(config), join(dir, 'kiosk.json'));
  if (!loaded.ok) throw new Error(loaded.error.problems.join('\n'));
  const started = await startKioskCore({
    loaded: loaded.value,
    host: 'browser',
    appVersion: 'test',
    // A platform on loopback over plain http: allowed on a development checkout only.
    buildKind: 'development',
    devMode: false,
    logger: silentLogger(),
  });
  if (!started.ok) throw new Error(started.error.message);
  core = started.value;
  return core;
}

async function call(method: string, input: unknown = {}) {
  const response = await core!.dispatch(method, input, ctx);
  if (!response.ok) throw new Error(`${method}: ${response.error.code} ${response.error.message}`);
  return response.value;
}

describe('kiosk core with the reference platform', () => {
  it('pulls the seeded catalog: 62 matters, guides included', async () => {
    await startCore();
    const status = (await call('catalog.syncNow')) as CatalogStatus;
    expect(status).toMatchObject({
      version: SEED_CATALOG_VERSION,
      matterCount: 62,
      platform: 'reachable',
      lastError: null,
    });
    const list = (await call('catalog.list', { limit: 500 })) as {
      total: number;
      matters: Array<{ name: string; hasGuide: boolean }>;
    };
    expect(list.total).toBe(62);
    expect(list.matters.filter((m) => m.hasGuide).length).toBeGreaterThanOrEqual(12);
    const overview = (await call('catalog.overview')) as { serviceKinds: Array<{ kind: string }> };
    expect(overview.serviceKinds.map((k) => k.kind).sort()).toEqual([
      'approvalAgency',
      'assistedAcceptance',
      'consultation',
      'directQuery',
    ]);
  });

  it('keeps serving the catalog through an outage and a kiosk restart, and says the platform is unreachable', async () => {
    await startCore();
    await call('catalog.syncNow');
    platform.faults.update({ outage: true });

    const down = (await call('catalog.syncNow')) as CatalogStatus;
    expect(down).toMatchObject({ platform: 'unreachable', matterCount: 62 });
    expect(down.lastError).toMatch(/unreachable|did not answer/);
    const guide = (await call('catalog.matter', { code: '370784-CJ-018' })) as {
      name: string;
      guide: { materials: unknown[] };
    };
    expect(guide.name).toBe('最低生活保障');
    expect(guide.guide.materials.length).toBeGreaterThan(0);

    await core!.close();
    await startCore();
    const afterRestart = (await call('catalog.syncNow')) as CatalogStatus;
    expect(afterRestart).toMatchObject({ version: SEED_CATALOG_VERSION, platform: 'unreachable', matterCount: 62 });
    expect(((await call('catalog.list')) as { total: number }).total).toBe(62);

    platform.faults.update({ outage: false });
    expect(await call('catalog.syncNow')).toMatchObject({ platform: 'reachable', lastError: null });
  });

  it('survives error storms and slow answers without losing the stored catalog', async () => {
    await startCore();
    await call('catalog.syncNow');
    platform.faults.update({ errorRate: 1 });
    expect(await call('catalog.syncNow')).toMatchObject({ platform: 'unreachable', matterCount: 62 });
    expect(((await call('catalog.syncNow')) as CatalogStatus).lastError).toMatch(/503/);
    platform.faults.update({ errorRate: 0, latencyMs: 1500 });
    expect(((await call('catalog.syncNow')) as CatalogStatus).lastError).toMatch(/did not answer in time/);
    platform.faults.update({ latencyMs: 0 });
    expect(await call('catalog.syncNow')).toMatchObject({ platform: 'reachable' });
  });

  it('picks up a newly published version and tells the renderer', async () => {
    await startCore();
    await call('catalog.syncNow');
    const events: unknown[] = [];
    core!.events.subscribe((event, payload) => events.push({ event, payload }));

    const next = loadSeedCatalog();
    next.version = '2026.11.22-1';
    next.publishedAt = '2026-11-22T09:00:00+08:00';
    next.matters = next.matters.filter((m) => m.seq !== 62);
    expect((await publishCatalog(platform.sql, next)).ok).toBe(true);

    expect(await call('catalog.syncNow')).toMatchObject({ version: '2026.11.22-1', matterCount: 61 });
    expect(events).toContainEqual({
      event: 'catalog.statusChanged',
      payload: expect.objectContaining({ version: '2026.11.22-1' }),
    });
    const missing = await core!.dispatch('catalog.matter', { code: '370784-CJ-062' }, ctx);
    expect(missing).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });

  it('reports a revoked terminal token as a platform refusal, keeping the catalog', async () => {
    await startCore();
    await call('catalog.syncNow');
    await core!.close();
    await startCore('another-token-that-is-not-registered');
    const status = (await call('catalog.syncNow')) as CatalogStatus;
    expect(status.lastError).toMatch(/answered 401/);
    expect(status.matterCount).toBe(62);
  });
});
