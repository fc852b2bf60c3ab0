import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseKioskConfig, type LoadedConfig } from '../../kiosk-config/load';
import { silentLogger } from '../logging/logger';
import { startKioskCore } from './start';

/**
 * startKioskCore refuses, before it opens anything, what a production build must not run with.
 * Both hosts start the core through it, so neither can skip the rules.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-start-rules-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function load(change: (raw: Record<string, unknown>) => void = () => undefined): LoadedConfig {
  const raw = JSON.parse(readFileSync(join(import.meta.dirname, '../../kiosk-config/default.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  raw['data'] = { dir: 'data' };
  change(raw);
  const loaded = parseKioskConfig(JSON.stringify(raw), join(dir, 'kiosk.json'));
  if (!loaded.ok) throw new Error(loaded.error.problems.join('\n'));
  return loaded.value;
}

const start = (loaded: LoadedConfig, buildKind: 'development' | 'production', devMode = false) =>
  startKioskCore({ loaded, host: 'browser', appVersion: 'test', buildKind, devMode, logger: silentLogger() });

describe('startKioskCore refuses', () => {
  it('the sample config in a production build, with every reason, and touches no data', async () => {
    const loaded = load((raw) => {
      raw['platform'] = { mode: 'remote', baseUrl: 'http://127.0.0.1:9/api/v1', tokenFile: 'token' };
    });
    const started = await start(loaded, 'production');
    expect(started.ok).toBe(false);
    if (started.ok) return;
    expect(started.error.kind).toBe('deploymentRules');
    expect(started.error.message).toContain(`${join(dir, 'kiosk.json')} has settings this production build refuses:`);
    expect(started.error.message).toMatch(/- technician\.pinHash: this is the sample PIN/);
    expect(started.error.message).toMatch(/- platform\.baseUrl: http:\/\/127\.0\.0\.1:9 is plain http/);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('development mode in a production build (a host bug, thrown)', async () => {
    await expect(start(load(), 'production', true)).rejects.toThrow(/development mode asked for in a production build/);
  });

  it('a platform token file that others can read, in any build', async () => {
    writeFileSync(join(dir, 'token'), 'terminal-token-0123456789abcdef\n', { mode: 0o644 });
    const loaded = load((raw) => {
      raw['platform'] = { mode: 'remote', baseUrl: 'http://127.0.0.1:9/api/v1', tokenFile: 'token' };
    });
    const started = await start(loaded, 'development');
    expect(started).toMatchObject({
      ok: false,
      error: { kind: 'platformToken', message: expect.stringMatching(/other users can read it; run `chmod 600/) },
    });
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });
});
