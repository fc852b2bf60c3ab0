import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { hashPin } from '../../core/technician/pin-hash';
import { callKioskApi } from './support/api';
import { runScript, startKiosk, writeTestConfig } from './support/kiosk-process';
import { enterHome, LANDSCAPE } from './support/screens';

test('a broken config stops start-up with a message naming the field, the value and what is allowed', async () => {
  const config = writeTestConfig((c) => {
    (c['devices'] as Record<string, Record<string, unknown>>)['idCardReader'] = {
      mode: 'real',
      path: '/dev/ttyUSB0',
      baudRate: 9601,
    };
    (c['ui'] as Record<string, unknown>)['defaultLocale'] = 'fr';
  });
  const proc = runScript('scripts/start.ts', [], { KIOSK_CONFIG: config.path });
  expect(await proc.exited).toBe(78);
  const output = proc.output();
  expect(output).toContain(config.path);
  expect(output).toContain(
    'devices.idCardReader.baudRate: 9601 is not allowed; allowed: 9600, 19200, 38400, 57600, 115200',
  );
  expect(output).toContain('ui.defaultLocale: "fr" is not allowed; allowed: "zh-CN", "en"');
  expect(output).not.toMatch(/ZodError|at .*\.ts:\d+/);
  config.cleanup();
});

test('a config that is not JSON is reported as such', async () => {
  const config = writeTestConfig();
  writeFileSync(config.path, '{ "station": ');
  const proc = runScript('scripts/start.ts', [], { KIOSK_CONFIG: config.path });
  expect(await proc.exited).toBe(78);
  expect(proc.output()).toMatch(/is not valid JSON/);
  config.cleanup();
});

test('the kiosk refuses a store with a schema it does not know, and leaves it untouched', async () => {
  const config = writeTestConfig();
  const dataDir = join(config.dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const storePath = join(dataDir, 'kiosk.sqlite');
  const db = new Database(storePath);
  db.exec(
    "CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT; CREATE TABLE future_thing (x TEXT) STRICT; INSERT INTO future_thing VALUES ('keep me')",
  );
  db.pragma('user_version = 42');
  db.close();

  const proc = runScript('scripts/start.ts', [], { KIOSK_CONFIG: config.path });
  expect(await proc.exited).toBe(69);
  expect(proc.output()).toMatch(/schema version 42.*only knows versions up to \d+/);
  expect(proc.output()).toMatch(/Refusing to start/);

  const after = new Database(storePath, { readonly: true });
  expect(after.pragma('user_version', { simple: true })).toBe(42);
  expect(after.prepare('SELECT x FROM future_thing').pluck().get()).toBe('keep me');
  after.close();
  config.cleanup();
});

test('a production build refuses the sample technician PIN and plain http to the platform, saying what to do', async () => {
  const config = writeTestConfig((c) => {
    c['platform'] = { mode: 'remote', baseUrl: 'http://127.0.0.1:9/api/v1', tokenFile: 'token' };
  });
  writeFileSync(join(config.dir, 'token'), 'terminal-token-0123456789abcdef\n', { mode: 0o600 });
  // KIOSK_BUILD=production makes this checkout behave as the Debian package will (core/app/build-kind.ts).
  const proc = runScript('scripts/start.ts', [], { KIOSK_CONFIG: config.path, KIOSK_BUILD: 'production' });
  expect(await proc.exited).toBe(78);
  const output = proc.output();
  expect(output).toContain(`${config.path} has settings this production build refuses:`);
  expect(output).toMatch(/technician\.pinHash: this is the sample PIN \(246810\).*npm run hash-pin/);
  expect(output).toMatch(/platform\.baseUrl: http:\/\/127\.0\.0\.1:9 is plain http/);
  expect(output).not.toMatch(/kiosk ready at/);
  config.cleanup();
});

test('a platform token file that other users can read stops start-up, with the chmod to run', async () => {
  const config = writeTestConfig((c) => {
    c['platform'] = { mode: 'remote', baseUrl: 'http://127.0.0.1:9/api/v1', tokenFile: 'token' };
  });
  writeFileSync(join(config.dir, 'token'), 'terminal-token-0123456789abcdef\n', { mode: 0o644 });
  const proc = runScript('scripts/start.ts', [], { KIOSK_CONFIG: config.path });
  expect(await proc.exited).toBe(69);
  expect(proc.output()).toMatch(/has mode 644: other users can read it; run `chmod 600 .*token`/);
  expect(proc.output()).not.toContain('terminal-token-0123456789abcdef');
  config.cleanup();
});

test('a production build ignores KIOSK_DEV=1: no emulator controls, no dev panel', async ({ browser }) => {
  const config = writeTestConfig((c) => {
    (c['technician'] as Record<string, unknown>)['pinHash'] = hashPin('583920');
  });
  const kiosk = await startKiosk(config.path, { KIOSK_BUILD: 'production', KIOSK_DEV: '1' });
  expect(kiosk.proc.output()).toContain('KIOSK_DEV=1 is ignored: this is a production build');
  const page = await (await browser.newContext({ viewport: LANDSCAPE })).newPage();
  await page.goto(kiosk.url);
  await enterHome(page);
  expect(await callKioskApi(page, 'dev.emulator', { device: 'idCardReader', action: 'insertCard' })).toMatchObject({
    ok: false,
    error: { code: 'notAvailable' },
  });
  expect(await callKioskApi(page, 'kiosk.info', {})).toMatchObject({ ok: true, value: { devMode: false } });
  await expect(page.getByTestId('dev-panel-toggle')).toHaveCount(0);
  await page.context().close();
  expect(await kiosk.proc.stop()).toBe(0);
  config.cleanup();
});
