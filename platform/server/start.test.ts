import Database from 'better-sqlite3';
import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './db/migrations';
import { PlatformStartError, startPlatformServer } from './start';
import { publishCatalog } from './store/catalogs';
import { postgresSqlDb } from './db/postgres-sql';
import type { SqlQueries } from './db/sql';
import { testEngine } from './testing/test-database';
import { catalogFixture } from './testing/catalog-fixture';
import { KIOSK_1, makeTempDir, newKey, startTestServer } from './testing/harness';
import { APPLICANT_ID, applicationBody, inspectionBody } from './testing/bodies';

const temps: Array<{ remove(): void }> = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));
function tempDbPath(): string {
  const temp = makeTempDir();
  temps.push(temp);
  return join(temp.dir, 'platform.db');
}

describe('startPlatformServer', () => {
  it('listens on 127.0.0.1 and answers on baseUrl', async () => {
    const platform = await startTestServer({ dbPath: tempDbPath() });
    expect(platform.server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect((await platform.request('GET', '/api/v1/catalog/version')).status).toBe(200);
    await platform.close();
    await platform.close();
  });

  it('keeps a catalog published after the seed across a restart', async () => {
    const dbPath = tempDbPath();
    const first = await startTestServer({ dbPath });
    await publishCatalog(first.server.sql, catalogFixture('test-2'));
    await first.close();
    const second = await startTestServer({ dbPath });
    expect((await second.request('GET', '/api/v1/catalog/version')).json()).toMatchObject({ version: 'test-2' });
    await second.close();
  });

  it('refuses to start when the seed changed without a new version', async () => {
    const dbPath = tempDbPath();
    await (await startTestServer({ dbPath })).close();
    const changed = catalogFixture();
    changed.matters.pop();
    await expect(startTestServer({ dbPath, catalog: changed })).rejects.toThrow(
      /already published with different content/,
    );
  });

  it('refuses a database from a newer build with a clear message, leaving it as it was', async () => {
    const dbPath = tempDbPath();
    const newer = new Database(dbPath);
    newer.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    newer.close();
    const start = startPlatformServer({ dbPath, port: 0 });
    await expect(start).rejects.toBeInstanceOf(PlatformStartError);
    await expect(start).rejects.toThrow(/newer platform; refusing to open it/);
    const after = new Database(dbPath, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 5);
    after.close();
  });

  it('refuses an invalid terminal entry and releases the database', async () => {
    const dbPath = tempDbPath();
    const start = startPlatformServer({ dbPath, port: 0, terminals: [{ id: 'k1', token: 'short', stationId: 's1' }] });
    await expect(start).rejects.toThrow(/token68/);
    const again = await startPlatformServer({ dbPath, port: 0 });
    await again.close();
  });

  it('reports a port that is already taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    await expect(startPlatformServer({ dbPath: tempDbPath(), port })).rejects.toThrow(/cannot listen/);
    await new Promise((resolve) => blocker.close(resolve));
  });

  it('forgets stored idempotent answers older than the retention at start', async () => {
    const dbPath = tempDbPath();
    const first = await startTestServer({ dbPath });
    await first.request('POST', `/api/v1/terminals/${KIOSK_1.id}/inspections`, {
      body: inspectionBody(),
      idempotencyKey: newKey(),
    });
    await first.close();
    const count = async (db: SqlQueries) =>
      (await db.get<{ n: number }>('SELECT count(*) AS n FROM idempotency_records'))?.n;

    const soon = await startPlatformServer({ dbPath, port: 0, now: () => new Date(Date.now() + 29 * 86_400_000) });
    expect(await count(soon.sql)).toBe(1);
    await soon.close();
    const later = await startPlatformServer({ dbPath, port: 0, now: () => new Date(Date.now() + 31 * 86_400_000) });
    expect(await count(later.sql)).toBe(0);
    await later.close();
  });
});

describe('the data key and retention at start', () => {
  const sealedApplication = async (dbPath: string, dataKeyFile?: string) => {
    const platform = await startTestServer({ dbPath, dataKeyFile });
    expect((await platform.request('POST', '/api/v1/applications', { body: applicationBody() })).status).toBe(201);
    await platform.close();
  };

  it('makes platform-data-key beside the database (0600) and refuses another key, leaving the file as it was', async () => {
    const dbPath = tempDbPath();
    await sealedApplication(dbPath);
    const keyFile = join(dirname(dbPath), 'platform-data-key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile);
    writeFileSync(keyFile, `${'cd'.repeat(32)}\n`);
    const before = readFileSync(dbPath);
    await expect(startTestServer({ dbPath })).rejects.toThrow(/sealed under a different data key/);
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    writeFileSync(keyFile, key);
    const again = await startTestServer({ dbPath });
    const found = await again.request('POST', '/api/v1/case-searches', {
      body: { idType: 'residentIdCard', idNumber: APPLICANT_ID },
    });
    expect(found.json()).toMatchObject({ cases: [{ caseNo: expect.any(String) }] });
    await again.close();
  });

  it('refuses to start a sealed database whose key file is missing, and makes no new key', async () => {
    const dbPath = tempDbPath();
    await sealedApplication(dbPath);
    const keyFile = join(dirname(dbPath), 'platform-data-key');
    rmSync(keyFile);
    await expect(startTestServer({ dbPath })).rejects.toThrow(/missing, but the database holds data sealed/);
    expect(existsSync(keyFile)).toBe(false);
  });

  it('uses the key file it is given, and refuses one that others may read', async () => {
    const dbPath = tempDbPath();
    const keyDir = makeTempDir();
    temps.push(keyDir);
    const keyFile = join(keyDir.dir, 'station-platform-key');
    await sealedApplication(dbPath, keyFile);
    expect(existsSync(join(dirname(dbPath), 'platform-data-key'))).toBe(false);
    chmodSync(keyFile, 0o644);
    await expect(startTestServer({ dbPath, dataKeyFile: keyFile })).rejects.toThrow(/mode 0644.*chmod 600/s);
  });

  it('refuses a retention shorter than the contract or the policy allows', async () => {
    await expect(startTestServer({ dbPath: tempDbPath(), retention: { idempotencyDays: 7 } })).rejects.toThrow(
      /retention idempotencyDays must be a whole number of days from 30/,
    );
    await expect(startTestServer({ dbPath: tempDbPath(), retention: { serviceRecordDays: 1.5 } })).rejects.toThrow(
      /serviceRecordDays/,
    );
  });
});

describe.skipIf(testEngine() !== 'postgres')('startPlatformServer on PostgreSQL', () => {
  it('keeps what was published across a restart and serves two instances on one database', async () => {
    const first = await startTestServer();
    expect(first.database.engine).toBe('postgres');
    await publishCatalog(first.server.sql, catalogFixture('test-2'));
    const second = await startTestServer({ database: first.database, dataKeyFile: first.dataKeyFile });
    for (const instance of [first, second]) {
      expect((await instance.request('GET', '/api/v1/catalog/version')).json()).toMatchObject({ version: 'test-2' });
    }
    await second.close();
    await first.close();
    const restarted = await startTestServer({ database: first.database, dataKeyFile: first.dataKeyFile });
    expect((await restarted.request('GET', '/api/v1/catalog/version')).json()).toMatchObject({ version: 'test-2' });
    await restarted.close();
    await first.cleanUp();
  });

  it('refuses a database from a newer build, and one without a named data key, leaving it as it was', async () => {
    const first = await startTestServer();
    await first.close();
    await expect(startPlatformServer({ database: first.database, port: 0 })).rejects.toThrow(/needs --data-key-file/);
    const probe = postgresSqlDb({ url: (first.database as { url: string }).url });
    await probe.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from-the-future', 'x')");
    await expect(
      startPlatformServer({ database: first.database, dataKeyFile: first.dataKeyFile, port: 0 }),
    ).rejects.toThrow(/schema version 99.*refusing to open it/s);
    expect(await probe.get('SELECT max(version) AS top FROM schema_migrations')).toEqual({ top: 99 });
    await probe.close();
    await first.cleanUp();
  });
});
