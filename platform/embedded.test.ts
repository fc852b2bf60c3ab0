import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PlatformStartError, startEmbeddedPlatform } from './embedded';
import { loadSeedCatalog } from './seed';
import { makeTempDir } from './server/testing/harness';

const temps: Array<{ remove(): void }> = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

const TOKEN_A = 'embedded-token-aaaaaaaaaaaa';
const TOKEN_B = 'embedded-token-bbbbbbbbbbbb';
const get = (url: string, token: string) => fetch(url, { headers: { authorization: `Bearer ${token}` } });

describe('startEmbeddedPlatform', { timeout: 30_000 }, () => {
  it('serves the seeded catalog on baseUrl and exposes the fault controller', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const platform = await startEmbeddedPlatform({
      dbPath: join(temp.dir, 'embedded.db'),
      port: 0,
      terminals: [{ id: 'kiosk-1', token: TOKEN_A, stationId: 'station-1' }],
    });
    expect(platform.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    const version = await (await get(`${platform.baseUrl}/catalog/version`, TOKEN_A)).json();
    expect(version).toMatchObject({ version: loadSeedCatalog().version, matterCount: 62 });

    platform.faults.update({ errorRate: 1 });
    expect((await get(`${platform.baseUrl}/catalog/version`, TOKEN_A)).status).toBe(503);
    await platform.close();
  });

  it('registers terminals idempotently: starting again with a new token replaces the old one', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const dbPath = join(temp.dir, 'embedded.db');
    const terminals = (token: string) => [{ id: 'kiosk-1', token, stationId: 'station-1' }];
    const logged: string[] = [];
    const first = await startEmbeddedPlatform({
      dbPath,
      port: 0,
      terminals: terminals(TOKEN_A),
      log: (_l, message) => logged.push(message),
    });
    await first.close();
    expect(logged).toContain('platform listening');

    const same = await startEmbeddedPlatform({ dbPath, port: 0, terminals: terminals(TOKEN_A) });
    expect((await get(`${same.baseUrl}/catalog/version`, TOKEN_A)).status).toBe(200);
    await same.close();

    const rotated = await startEmbeddedPlatform({ dbPath, port: 0, terminals: terminals(TOKEN_B) });
    expect((await get(`${rotated.baseUrl}/catalog/version`, TOKEN_A)).status).toBe(401);
    expect((await get(`${rotated.baseUrl}/catalog/version`, TOKEN_B)).status).toBe(200);
    await rotated.close();
  });

  it('seals under the key file it is given (default: platform-data-key beside dbPath) and takes a retention', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const terminals = [{ id: 'kiosk-1', token: TOKEN_A, stationId: 'station-1' }];
    const byDefault = await startEmbeddedPlatform({ dbPath: join(temp.dir, 'platform.sqlite'), port: 0, terminals });
    await byDefault.close();
    expect(statSync(join(temp.dir, 'platform-data-key')).mode & 0o777).toBe(0o600);

    const keyFile = join(temp.dir, 'elsewhere-key');
    const named = await startEmbeddedPlatform({
      dbPath: join(temp.dir, 'other.sqlite'),
      port: 0,
      terminals,
      dataKeyFile: keyFile,
      retention: { serviceRecordDays: 90 },
    });
    await named.close();
    expect(existsSync(keyFile)).toBe(true);

    await expect(
      startEmbeddedPlatform({
        dbPath: join(temp.dir, 'third.sqlite'),
        port: 0,
        terminals,
        retention: { idempotencyDays: 1 },
      }),
    ).rejects.toBeInstanceOf(PlatformStartError);
  });
});
