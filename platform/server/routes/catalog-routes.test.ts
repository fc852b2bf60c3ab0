import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../contract/catalog';
import { publishCatalog } from '../store/catalogs';
import { catalogFixture } from '../testing/catalog-fixture';
import { createTestPlatform, type TestPlatform } from '../testing/harness';

let platform: TestPlatform;
afterEach(() => platform.close());

describe('GET /api/v1/catalog/version and /api/v1/catalog', () => {
  it('serves the published catalog with its version as a strong ETag', async () => {
    platform = await createTestPlatform();
    const version = await platform.request('GET', '/api/v1/catalog/version');
    expect(version.json()).toEqual({ version: 'test-1', publishedAt: '2026-01-01T00:00:00+08:00', matterCount: 3 });
    const catalog = await platform.request('GET', '/api/v1/catalog');
    expect(catalog.status).toBe(200);
    expect(catalog.headers.get('etag')).toBe('"test-1"');
    expect(catalog.json<Catalog>()).toEqual(catalogFixture());
  });

  it('answers 304 without a body to If-None-Match with the current version (also weak, in a list, or *)', async () => {
    platform = await createTestPlatform();
    for (const ifNoneMatch of ['"test-1"', 'W/"test-1"', '"old", "test-1"', '*']) {
      const response = await platform.request('GET', '/api/v1/catalog', { headers: { 'if-none-match': ifNoneMatch } });
      expect(response.status, ifNoneMatch).toBe(304);
      expect(response.text).toBe('');
      expect(response.headers.get('etag')).toBe('"test-1"');
    }
    const stale = await platform.request('GET', '/api/v1/catalog', { headers: { 'if-none-match': '"test-0"' } });
    expect(stale.status).toBe(200);
  });

  it('serves a newly published version: new ETag, the old one no longer gets 304', async () => {
    platform = await createTestPlatform();
    const next = catalogFixture('test-2', '2026-02-01T00:00:00+08:00');
    next.matters.pop();
    expect(await publishCatalog(platform.sql, next)).toEqual({ ok: true, value: 'published' });

    expect((await platform.request('GET', '/api/v1/catalog/version')).json()).toMatchObject({
      version: 'test-2',
      matterCount: 2,
    });
    const response = await platform.request('GET', '/api/v1/catalog', { headers: { 'if-none-match': '"test-1"' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"test-2"');
    expect(response.json<Catalog>().matters).toHaveLength(2);
  });

  it('answers 404 notFound while no catalog has been published', async () => {
    platform = await createTestPlatform({ catalog: null });
    expect((await platform.request('GET', '/api/v1/catalog/version')).status).toBe(404);
    const response = await platform.request('GET', '/api/v1/catalog');
    expect(response.status).toBe(404);
    expect(response.json()).toMatchObject({ code: 'notFound' });
  });
});

describe('publishCatalog', () => {
  it('is a no-op for the same version and content', async () => {
    platform = await createTestPlatform();
    expect(await publishCatalog(platform.sql, catalogFixture())).toEqual({ ok: true, value: 'unchanged' });
  });

  it('refuses the same version with different content, keeping what is served', async () => {
    platform = await createTestPlatform();
    const changed = catalogFixture();
    changed.matters[0] = { ...changed.matters[0]!, name: '改过的名字' };
    expect(await publishCatalog(platform.sql, changed)).toEqual({
      ok: false,
      error: { kind: 'versionConflict', version: 'test-1' },
    });
    const served = (await platform.request('GET', '/api/v1/catalog')).json<Catalog>();
    expect(served.matters[0]?.name).toBe('测试事项1');
  });

  it('refuses a catalog that breaks the contract', async () => {
    platform = await createTestPlatform();
    const broken = catalogFixture('test-3');
    broken.matters[0] = { ...broken.matters[0]!, themeIds: ['noSuchTheme'] };
    const result = await publishCatalog(platform.sql, broken);
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.kind === 'invalidCatalog')
      expect(result.error.issues.join()).toMatch(/unknown theme/);
  });
});
