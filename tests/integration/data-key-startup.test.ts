import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKioskCore } from '../../core/app/start';
import { silentLogger } from '../../core/logging/logger';
import { createDataSealer } from '../../core/outbox/data-sealer';
import { openStore } from '../../core/store/open';
import { migrations } from '../../core/store/migrations';
import type { LoadedConfig } from '../../kiosk-config/load';
import { kioskConfigIn } from '../helpers/kiosk-config-on-disk';

/**
 * What start-up does with the data key and the data folder, through startKioskCore as a host
 * calls it: a new key outside the data folder, a refused loose key file, an older kiosk's key and
 * plaintext rows taken over, a lost key noticed, a systemd credential used.
 */
const PHONE = '13912345678';
let root: string;
let loaded: LoadedConfig;
let savedCredentials: string | undefined;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiosk-key-start-'));
  // An unreachable platform: these tests are about the kiosk's own files.
  writeFileSync(join(root, 'token'), 'key-startup-token-0123456789', { mode: 0o600 });
  loaded = kioskConfigIn(root, (config) => {
    config['platform'] = { mode: 'remote', baseUrl: 'http://127.0.0.1:9/api/v1', tokenFile: 'token', timeoutMs: 500 };
    config['data'] = { dir: 'data', keyFile: 'keys/data-key' };
  });
  savedCredentials = process.env['CREDENTIALS_DIRECTORY'];
  delete process.env['CREDENTIALS_DIRECTORY'];
});

afterEach(() => {
  if (savedCredentials === undefined) delete process.env['CREDENTIALS_DIRECTORY'];
  else process.env['CREDENTIALS_DIRECTORY'] = savedCredentials;
  rmSync(root, { recursive: true, force: true });
});

const dataDir = () => join(root, 'data');
const keyFile = () => join(root, 'keys', 'data-key');
const mode = (path: string) => statSync(path).mode & 0o777;

async function start() {
  return startKioskCore({
    loaded,
    host: 'browser',
    appVersion: 'test',
    buildKind: 'development',
    devMode: true,
    logger: silentLogger(),
  });
}

async function startAndStop(): Promise<void> {
  const core = await start();
  if (!core.ok) throw new Error(core.error.message);
  await core.value.close();
}

/** The store as a kiosk before migration 0010 left it: one sealed body, one in clear. */
function olderStore(key: Buffer): { sealedId: number; plainId: number } {
  const store = openStore({
    path: join(dataDir(), 'kiosk.sqlite'),
    logger: silentLogger(),
    migrations: migrations.slice(0, 9),
  });
  if (!store.ok) throw new Error(store.error.message);
  const insert = store.value.db.prepare(
    `INSERT INTO outbox (kind, idempotency_key, method, path, body, body_blob, sealed, created_at, next_attempt_at)
     VALUES ('rating', ?, 'POST', '/ratings', ?, ?, ?, '2026-11-21T08:00:00.000Z', '2026-11-21T08:00:00.000Z')`,
  );
  const sealed = createDataSealer(key).seal(Buffer.from(JSON.stringify({ callbackPhone: PHONE })));
  const sealedId = Number(insert.run('older-sealed-key-0001', 'null', sealed, 1).lastInsertRowid);
  const plainId = Number(
    insert.run('older-plain-key-00001', JSON.stringify({ phone: PHONE }), null, 0).lastInsertRowid,
  );
  store.value.close();
  return { sealedId, plainId };
}

describe('start-up with the data key', () => {
  it('makes the key outside the data folder on first start, everything owner-only', async () => {
    await startAndStop();
    expect(readFileSync(keyFile())).toHaveLength(32);
    expect(mode(keyFile())).toBe(0o600);
    expect(mode(join(root, 'keys'))).toBe(0o700);
    expect(mode(dataDir())).toBe(0o700);
    expect(mode(join(dataDir(), 'kiosk.sqlite'))).toBe(0o600);
    expect(existsSync(join(dataDir(), 'data-key'))).toBe(false);
  });

  it('says so when the data folder cannot be made private', async () => {
    writeFileSync(dataDir(), 'a file where the data folder should be');
    const refused = await start();
    expect(refused).toMatchObject({ ok: false, error: { kind: 'storeOpen' } });
    expect(!refused.ok && refused.error.message).toMatch(/cannot make the data folder .* private/);
  });

  it('refuses a key file others can read, says how to fix it, and starts once it is fixed', async () => {
    await startAndStop();
    chmodSync(keyFile(), 0o644);
    const refused = await start();
    expect(refused).toMatchObject({ ok: false, error: { kind: 'dataKey' } });
    expect(!refused.ok && refused.error.message).toContain(`chmod 600 ${keyFile()}`);
    chmodSync(keyFile(), 0o600);
    await startAndStop(); // the refused start released the store
  });

  it('takes over an older kiosk: its key moved out of the data folder, its rows readable, clear bodies sealed', async () => {
    mkdirSync(dataDir(), { mode: 0o755 });
    const key = Buffer.alloc(32, 11);
    writeFileSync(join(dataDir(), 'data-key'), key, { mode: 0o600 });
    const { sealedId, plainId } = olderStore(key);
    chmodSync(join(dataDir(), 'kiosk.sqlite'), 0o644);

    await startAndStop();
    expect(existsSync(join(dataDir(), 'data-key'))).toBe(false);
    expect(readFileSync(keyFile())).toEqual(key);
    expect(mode(dataDir())).toBe(0o700);
    expect(mode(join(dataDir(), 'kiosk.sqlite'))).toBe(0o600);

    const db = new Database(join(dataDir(), 'kiosk.sqlite'), { readonly: true });
    try {
      const sealer = createDataSealer(key);
      const body = (id: number) => {
        const row = db.prepare('SELECT body, body_blob, sealed FROM outbox WHERE id = ?').get(id) as {
          body: string;
          body_blob: Buffer;
          sealed: number;
        };
        expect(row).toMatchObject({ body: 'null', sealed: 1 });
        return JSON.parse(sealer.open(row.body_blob).toString('utf8')) as unknown;
      };
      expect(body(sealedId)).toEqual({ callbackPhone: PHONE });
      expect(body(plainId)).toEqual({ phone: PHONE });
    } finally {
      db.close();
    }
    expect(readFileSync(join(dataDir(), 'kiosk.sqlite')).includes(Buffer.from(PHONE))).toBe(false);
  });

  it('stops when the key is gone but the store holds sealed data, and makes no new key', async () => {
    mkdirSync(dataDir(), { mode: 0o700 });
    olderStore(Buffer.alloc(32, 12));
    const refused = await start();
    expect(refused).toMatchObject({ ok: false, error: { kind: 'dataKey' } });
    expect(!refused.ok && refused.error.message).toMatch(/holds sealed personal data .* Restore the key file/);
    expect(existsSync(keyFile())).toBe(false);
  });

  it('uses the systemd credential when systemd passed one, and writes no key file', async () => {
    const credentials = join(root, 'credentials');
    mkdirSync(credentials, { mode: 0o700 });
    writeFileSync(join(credentials, 'data-key'), Buffer.alloc(32, 13), { mode: 0o400 });
    process.env['CREDENTIALS_DIRECTORY'] = credentials;
    await startAndStop();
    expect(existsSync(keyFile())).toBe(false);
    // Sealed with that key: a later start without it must not make a new one.
    const store = openStore({ path: join(dataDir(), 'kiosk.sqlite'), logger: silentLogger() });
    if (!store.ok) throw new Error(store.error.message);
    store.value.db
      .prepare(
        `INSERT INTO outbox (kind, idempotency_key, method, path, body, body_blob, sealed, created_at)
         VALUES ('rating', 'credential-key-00001', 'POST', '/ratings', 'null', ?, 1, '2026-11-21T08:00:00.000Z')`,
      )
      .run(createDataSealer(Buffer.alloc(32, 13)).seal(Buffer.from('{}')));
    store.value.close();
    delete process.env['CREDENTIALS_DIRECTORY'];
    expect(await start()).toMatchObject({ ok: false, error: { kind: 'dataKey' } });
    unlinkSync(join(credentials, 'data-key'));
  });
});
