import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { runScript, writeTestConfig } from './support/kiosk-process';

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
