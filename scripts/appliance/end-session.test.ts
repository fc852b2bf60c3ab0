import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFixture } from '../../tests/helpers/catalog-fixture';
import { createTestCore } from '../../tests/helpers/test-core';
import { startBrowserHost, type BrowserHost } from '../../core/serve/browser-host';
import { endResidentSession } from './end-session';

/** The real browser host over a test core; the calls core received. */
let rendererDir = '';
let host: BrowserHost;
let core: ReturnType<typeof createTestCore>;
const dispatched: string[] = [];

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'end-session-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  core = createTestCore({ catalog: catalogFixture() });
  const dispatch: typeof core.dispatch = (method, input, context) => {
    dispatched.push(typeof method === 'string' ? method : '?');
    return core.dispatch(method, input, context);
  };
  host = await startBrowserHost({
    core: { ...core, dispatch, logger: pino({ level: 'silent' }) },
    rendererDir,
    port: 0,
  });
});

afterAll(async () => {
  await host.close();
  await core.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('endResidentSession', () => {
  it('ends the session through the kiosk API with the URL’s launch key', async () => {
    dispatched.length = 0;

    const result = await endResidentSession(host.url);

    expect(result).toEqual({ ok: true });
    expect(dispatched).toEqual(['session.end']);
  });

  it('reports a key the kiosk refuses (an old run’s URL), and core hears nothing', async () => {
    dispatched.length = 0;

    const result = await endResidentSession(`${host.origin}/#key=${'x'.repeat(32)}`);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/refused the API socket \(HTTP 4\d\d\)/);
    expect(dispatched).toEqual([]);
  });

  it('reports a kiosk that is not there', async () => {
    const closed = await startBrowserHost({
      core: { ...core, logger: pino({ level: 'silent' }) },
      rendererDir,
      port: 0,
    });
    const url = closed.url;
    await closed.close();

    const result = await endResidentSession(url);

    expect(result.ok).toBe(false);
  });
});
