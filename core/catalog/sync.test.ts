import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../../platform/contract/catalog';
import { catalogFixture } from '../../tests/helpers/catalog-fixture';
import type { CatalogStatus } from '../api/contract';
import { silentLogger } from '../logging/logger';
import { listMatters } from './catalog-store';
import { createCatalogSync, startCatalogSyncLoop } from './sync';
import { memoryStore } from '../testing/memory-store';

/**
 * A scripted stand-in for the platform's two catalog endpoints, at the fetch boundary: the sync's
 * own logic (versions, 304, validation, failure bookkeeping) runs for real against a real store.
 * The real platform server is exercised in tests/integration.
 */
function fakePlatform() {
  const state: { catalog: Catalog; down: boolean; garbage: boolean; requests: string[] } = {
    catalog: catalogFixture(),
    down: false,
    garbage: false,
    requests: [],
  };
  const respond = (url: string | URL | Request, init?: RequestInit): Response => {
    const href = typeof url === 'string' ? url : url instanceof URL ? url.href : url.url;
    const path = href.replace('http://platform.test/api/v1', '');
    const headers = new Headers(init?.headers);
    state.requests.push(
      `${path}${headers.get('if-none-match') ? ` if-none-match=${headers.get('if-none-match')}` : ''}`,
    );
    if (headers.get('authorization') !== 'Bearer token-0123456789abcdef') return new Response('{}', { status: 401 });
    if (state.down) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    if (path === '/catalog/version') {
      const { version, publishedAt } = state.catalog;
      return Response.json({ version, publishedAt, matterCount: state.catalog.matters.length });
    }
    if (path === '/catalog') {
      if (headers.get('if-none-match') === `"${state.catalog.version}"`) return new Response(null, { status: 304 });
      return Response.json(state.garbage ? { ...state.catalog, matters: [{ code: 'bad' }] } : state.catalog);
    }
    return new Response('{}', { status: 404 });
  };
  const fetch = vi.fn((url: string | URL | Request, init?: RequestInit) =>
    Promise.resolve().then(() => respond(url, init)),
  );
  return { state, fetch };
}

let db: Database.Database;
let now: Date;
beforeEach(() => {
  db = memoryStore();
  now = new Date('2026-11-21T08:00:00.000Z');
});

function setup() {
  const platform = fakePlatform();
  const statuses: CatalogStatus[] = [];
  const sync = createCatalogSync({
    db,
    platform: {
      baseUrl: 'http://platform.test/api/v1',
      token: 'token-0123456789abcdef',
      timeoutMs: 1000,
      fetch: platform.fetch,
    },
    staleAfterHours: 72,
    now: () => now,
    logger: silentLogger(),
    onStatus: (status) => statuses.push(status),
  });
  return { platform, sync, statuses };
}

describe('catalog sync', () => {
  it('stores the catalog on first contact and reports it', async () => {
    const { sync, statuses, platform } = setup();
    expect(sync.status()).toMatchObject({ version: null, matterCount: 0, platform: 'unknown', stale: false });
    const status = await sync.syncOnce();
    expect(status).toMatchObject({
      version: '2026.11.20-1',
      matterCount: 3,
      platform: 'reachable',
      lastError: null,
      confirmedAt: '2026-11-21T08:00:00.000Z',
      stale: false,
    });
    expect(statuses).toHaveLength(1);
    expect(platform.state.requests).toEqual(['/catalog/version', '/catalog']);
  });

  it('only confirms when the version is unchanged, and fetches a new version when published', async () => {
    const { sync, platform } = setup();
    await sync.syncOnce();
    now = new Date('2026-11-21T09:00:00.000Z');
    expect(await sync.syncOnce()).toMatchObject({ confirmedAt: '2026-11-21T09:00:00.000Z' });
    expect(platform.state.requests.slice(2)).toEqual(['/catalog/version']);

    const next = catalogFixture('2026.11.21-1');
    next.matters = next.matters.slice(0, 2);
    platform.state.catalog = next;
    expect(await sync.syncOnce()).toMatchObject({ version: '2026.11.21-1', matterCount: 2 });
    expect(platform.state.requests.at(-1)).toBe('/catalog if-none-match="2026.11.20-1"');
  });

  it('keeps serving the stored catalog while the platform is down, and says so', async () => {
    const { sync, platform, statuses } = setup();
    await sync.syncOnce();
    platform.state.down = true;
    now = new Date('2026-11-25T09:00:00.000Z');
    const status = await sync.syncOnce();
    expect(status).toMatchObject({
      version: '2026.11.20-1',
      matterCount: 3,
      platform: 'unreachable',
      confirmedAt: '2026-11-21T08:00:00.000Z',
      stale: true,
    });
    expect(status.lastError).toMatch(/unreachable: ECONNREFUSED/);
    expect(listMatters(db, { offset: 0, limit: 10 }).total).toBe(3);
    expect(statuses.at(-1)?.platform).toBe('unreachable');

    platform.state.down = false;
    expect(await sync.syncOnce()).toMatchObject({ platform: 'reachable', lastError: null, stale: false });
  });

  it('refuses an off-contract catalog and keeps the previous one', async () => {
    const { sync, platform } = setup();
    await sync.syncOnce();
    platform.state.catalog = catalogFixture('2026.11.21-9');
    platform.state.garbage = true;
    const status = await sync.syncOnce();
    expect(status).toMatchObject({ version: '2026.11.20-1', platform: 'unreachable' });
    expect(status.lastError).toMatch(/off-contract/);
  });

  it('reports a refused token as an error, not as a network problem', async () => {
    const { sync } = setup();
    const broken = createCatalogSync({
      db,
      platform: {
        baseUrl: 'http://platform.test/api/v1',
        token: 'wrong',
        timeoutMs: 1000,
        fetch: fakePlatform().fetch,
      },
      staleAfterHours: 72,
      now: () => now,
      logger: silentLogger(),
      onStatus: () => undefined,
    });
    expect((await broken.syncOnce()).lastError).toMatch(/answered 401/);
    expect(sync.status().version).toBeNull();
  });

  it('shares one attempt between concurrent callers', async () => {
    const { sync, platform } = setup();
    const [a, b] = await Promise.all([sync.syncOnce(), sync.syncOnce()]);
    expect(a).toEqual(b);
    expect(platform.state.requests).toEqual(['/catalog/version', '/catalog']);
  });

  it('loops: retries sooner after a failure, then settles to the interval', async () => {
    vi.useFakeTimers();
    try {
      const { sync, platform } = setup();
      platform.state.down = true;
      const loop = startCatalogSyncLoop(sync, 15 * 60_000);
      await vi.advanceTimersByTimeAsync(0);
      expect(platform.fetch).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(5_000); // first retry after 5 s
      expect(platform.fetch).toHaveBeenCalledTimes(2);
      platform.state.down = false;
      await vi.advanceTimersByTimeAsync(10_000); // second retry after 10 s, succeeds
      expect(sync.status().platform).toBe('reachable');
      const calls = platform.fetch.mock.calls.length;
      await vi.advanceTimersByTimeAsync(14 * 60_000);
      expect(platform.fetch).toHaveBeenCalledTimes(calls);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(platform.fetch.mock.calls.length).toBeGreaterThan(calls);
      loop.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
