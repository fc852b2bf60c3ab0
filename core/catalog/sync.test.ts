import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogFixture } from '../../tests/helpers/catalog-fixture';
import type { CatalogStatus } from '../api/contract';
import { silentLogger } from '../logging/logger';
import { listMatters } from './catalog-store';
import { createCatalogSync, startCatalogSyncLoop } from './sync';
import { memoryStore } from '../testing/memory-store';
import { catalogPlatform } from '../testing/platform-catalog';

const TOKEN = 'token-0123456789abcdef';

/**
 * The platform's catalog endpoints on the kit's fake platform, at the fetch boundary: the sync's
 * own logic (versions, 304, validation, failure bookkeeping) runs for real against a real store.
 * The real platform server is exercised in tests/integration.
 */
function fakePlatform() {
  const platform = catalogPlatform({ catalog: catalogFixture(), token: TOKEN });
  /** What the sync asked, offline or not, with the version it already held. */
  const requests = () =>
    platform.attempts.map(({ path, headers }) => {
      const held = headers.get('if-none-match');
      return `${path}${held ? ` if-none-match=${held}` : ''}`;
    });
  return Object.assign(platform, { requests });
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
      token: TOKEN,
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
    expect(platform.requests()).toEqual(['/catalog/version', '/catalog']);
  });

  it('only confirms when the version is unchanged, and fetches a new version when published', async () => {
    const { sync, platform } = setup();
    await sync.syncOnce();
    now = new Date('2026-11-21T09:00:00.000Z');
    expect(await sync.syncOnce()).toMatchObject({ confirmedAt: '2026-11-21T09:00:00.000Z' });
    expect(platform.requests().slice(2)).toEqual(['/catalog/version']);

    const next = catalogFixture('2026.11.21-1');
    next.matters = next.matters.slice(0, 2);
    platform.state.catalog = next;
    expect(await sync.syncOnce()).toMatchObject({ version: '2026.11.21-1', matterCount: 2 });
    expect(platform.requests().at(-1)).toBe('/catalog if-none-match="2026.11.20-1"');
  });

  it('keeps serving the stored catalog while the platform is down, and says so', async () => {
    const { sync, platform, statuses } = setup();
    await sync.syncOnce();
    platform.online = false;
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

    platform.online = true;
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
    expect(platform.requests()).toEqual(['/catalog/version', '/catalog']);
  });

  it('loops: retries sooner after a failure, then settles to the interval', async () => {
    vi.useFakeTimers();
    try {
      const { sync, platform } = setup();
      platform.online = false;
      const loop = startCatalogSyncLoop(sync, 15 * 60_000);
      await vi.advanceTimersByTimeAsync(0);
      expect(platform.attempts).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(5_000); // first retry after 5 s
      expect(platform.attempts).toHaveLength(2);
      platform.online = true;
      await vi.advanceTimersByTimeAsync(10_000); // second retry after 10 s, succeeds
      expect(sync.status().platform).toBe('reachable');
      const calls = platform.attempts.length;
      await vi.advanceTimersByTimeAsync(14 * 60_000);
      expect(platform.attempts).toHaveLength(calls);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(platform.attempts.length).toBeGreaterThan(calls);
      loop.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
