import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../platform/embedded';
import { kioskInfoFixture } from '../../tests/helpers/kiosk-info-fixture';
import { testServiceDeps, testCallContext as ctx, type TestServiceDeps } from '../testing/service-deps';
import { readCurrentDocument } from '../platform-documents/store';
import { buildServiceMapHandlers } from './handlers';
import { startPlatformDocumentRefresh } from '../platform-documents/refresh-loop';

const TOKEN = 'token-care-map-00000000000';
let platform: EmbeddedPlatform;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'care-map-'));
  platform = await startEmbeddedPlatform({
    dbPath: join(dir, 'platform.sqlite'),
    port: 0,
    terminals: [{ id: 'KIOSK-TEST-01', token: TOKEN, stationId: 'TEST-STATION' }],
  });
});
afterAll(async () => {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

let t: TestServiceDeps;
afterEach(async () => {
  await t.close();
});

/** This kiosk standing in 东景芝村, about 300 m from its station. */
const info = {
  ...kioskInfoFixture,
  // An id the service map does not list, so "here" is found by distance.
  station: { ...kioskInfoFixture.station, id: '370784-JZ-DJZ', location: { lat: 36.3445, lng: 119.4102 } },
};

function setUp() {
  t = testServiceDeps({ token: TOKEN, info });
  t.platform.fallbackBaseUrl = platform.baseUrl;
  return buildServiceMapHandlers(t.deps);
}

describe('serviceMap.points', () => {
  it('comes from the platform with "you are here", then revalidates with If-None-Match', async () => {
    const handlers = setUp();
    const first = await handlers['serviceMap.points']({}, ctx);
    expect(first.ok && first.value).toMatchObject({ source: 'platform', herePointId: 'aq-jingzhi-dongjingzhi' });
    expect(first.ok && first.value.servicePoints.length).toBeGreaterThan(5);

    const second = await handlers['serviceMap.points']({}, ctx);
    expect(second.ok && second.value.version).toBe(first.ok && first.value.version);
    const version = first.ok ? first.value.version : '';
    expect(t.platform.calls.map((c) => c.headers.get('if-none-match'))).toEqual([null, `"${version}"`]);
  });

  it('offline: the stored list; never received: notAvailable', async () => {
    const handlers = setUp();
    t.platform.online = false;
    expect(await handlers['serviceMap.points']({}, ctx)).toMatchObject({ ok: false, error: { code: 'notAvailable' } });
    t.platform.online = true;
    await handlers['serviceMap.points']({}, ctx);
    t.platform.online = false;
    const cached = await handlers['serviceMap.points']({}, ctx);
    expect(cached.ok && cached.value).toMatchObject({ source: 'cache', herePointId: 'aq-jingzhi-dongjingzhi' });
  });
});

describe('startPlatformDocumentRefresh', () => {
  it('stores the rating options and the service map at start', async () => {
    setUp();
    const refresh = startPlatformDocumentRefresh(t.deps);
    await refresh.stop();
    expect(readCurrentDocument(t.deps.db, 'ratingOptions')?.version).toEqual(expect.any(String));
    expect(readCurrentDocument(t.deps.db, 'servicePoints')?.version).toEqual(expect.any(String));
  });

  it('leaves the stored copies alone when the platform is down', async () => {
    setUp();
    t.platform.online = false;
    const refresh = startPlatformDocumentRefresh(t.deps);
    await refresh.stop();
    expect(readCurrentDocument(t.deps.db, 'ratingOptions')).toBeNull();
  });
});
