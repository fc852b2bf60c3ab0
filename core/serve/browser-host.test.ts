import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { catalogFixture } from '../../tests/helpers/catalog-fixture';
import { createTestCore } from '../../tests/helpers/test-core';
import { createClient } from '../api/client';
import type { KioskContract } from '../api/contract';
import { API_SUBPROTOCOL, apiSubprotocols, KEY_SUBPROTOCOL_PREFIX } from '../api/launch-key';
import { createWebSocketTransport, type WebSocketConstructor } from '../api/transports/websocket';
import { MAX_API_CONNECTIONS } from './api-door';
import { startBrowserHost, type BrowserHost } from './browser-host';

let rendererDir: string;
let host: BrowserHost;
let core: ReturnType<typeof createTestCore>;
/** What the host logged (JSON lines), to check refusals are logged and the key never is. */
const logged: string[] = [];

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'kiosk-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, '..', 'kiosk-secret.txt'), 'do not serve');
  core = createTestCore({ catalog: catalogFixture() });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(chunk.toString('utf8'));
      done();
    },
  });
  host = await startBrowserHost({ core: { ...core, logger: pino({ level: 'debug' }, sink) }, rendererDir, port: 0 });
});

afterAll(async () => {
  await host.close();
  await core.close();
  rmSync(rendererDir, { recursive: true, force: true });
  rmSync(join(rendererDir, '..', 'kiosk-secret.txt'), { force: true });
});

const wsUrl = () => `${host.origin.replace('http', 'ws')}/api`;
const origin = () => host.origin;
const launchKey = () => new URL(host.url).hash.replace('#key=', '');

/** Opens a socket as a client would; rejects with the HTTP status when the host refuses it. */
function rawSocket(
  headers: Record<string, string> = { origin: origin() },
  protocols: string[] = apiSubprotocols(launchKey()),
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(), protocols, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const opened: WebSocket[] = [];
async function open(): Promise<WebSocket> {
  const ws = await rawSocket();
  opened.push(ws);
  return ws;
}
function closed(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve();
    ws.once('close', () => resolve());
    ws.close();
  });
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map(closed));
  // The host counts a socket until its own side has closed; the next test starts from none.
  for (let waited = 0; host.openConnections() > 0 && waited < 2_000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
});

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) =>
    ws.once('message', (data) => resolve(JSON.parse((data as Buffer).toString('utf8')) as Record<string, unknown>)),
  );
}

describe('browser host: static files', () => {
  it('serves the renderer on 127.0.0.1 with the security headers', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>kiosk</title>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${wsUrl().replace('/api', '')}`);
    // The key is not needed for the page itself: the bundle is public; the API is not.
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('marks hashed assets immutable', async () => {
    const response = await fetch(`${host.origin}/assets/app-1a2b.js`);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it.each([
    '/../kiosk-secret.txt',
    '/%2e%2e/kiosk-secret.txt',
    '/assets/..%2f..%2fkiosk-secret.txt',
    '/assets',
    '/nope.js',
    '/%00',
  ])('refuses %s', async (path) => {
    // fetch normalises dot segments, so send the raw path over a socket-level request.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: new URL(host.origin).port, path, method: 'GET' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(404);
  });
});

describe('browser host: the launch URL', () => {
  it('is the origin with a 256-bit launch key in the fragment, fresh at each start', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#key=[A-Za-z0-9_-]{43}$/);
    expect(host.url.startsWith(`${host.origin}/#key=`)).toBe(true);
    const second = await startBrowserHost({ core, rendererDir, port: 0 });
    expect(new URL(second.url).hash).not.toBe(new URL(host.url).hash);
    await second.close();
  });

  it('never writes the key to the log', () => {
    expect(logged.join('')).toContain('browser host listening');
    expect(logged.join('')).not.toContain(launchKey());
  });
});

describe('browser host: who may open the API socket', () => {
  it('refuses a socket from another origin, even with the key', async () => {
    await expect(rawSocket({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(rawSocket({})).rejects.toThrow('HTTP 403');
  });

  it('refuses a socket whose Host header is not ours (DNS rebinding), even with the key', async () => {
    await expect(rawSocket({ origin: origin(), host: 'kiosk.evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('refuses a local process that forges Origin and Host but has no key', async () => {
    const forged = { origin: origin(), host: new URL(origin()).host };
    await expect(rawSocket(forged, [])).rejects.toThrow('HTTP 403');
    await expect(rawSocket(forged, [API_SUBPROTOCOL])).rejects.toThrow('HTTP 403');
  });

  it('refuses a wrong, malformed or doubled key', async () => {
    const key = launchKey();
    const wrong = key.startsWith('A') ? `B${key.slice(1)}` : `A${key.slice(1)}`;
    for (const protocols of [
      apiSubprotocols(wrong),
      apiSubprotocols(key.slice(0, 20)),
      [API_SUBPROTOCOL, `${KEY_SUBPROTOCOL_PREFIX}${key}`, `${KEY_SUBPROTOCOL_PREFIX}${wrong}`],
      // The key without the API protocol.
      [`${KEY_SUBPROTOCOL_PREFIX}${key}`],
    ]) {
      await expect(rawSocket({ origin: origin() }, protocols), protocols.join(',')).rejects.toThrow('HTTP 403');
    }
  });

  it('logs each refusal with its reason, never the key offered', () => {
    const lines = logged.filter((line) => line.includes('refused an API connection'));
    const reasons = new Set(lines.map((line) => (JSON.parse(line) as { reason: string }).reason));
    expect([...reasons].sort()).toEqual(['foreignOrigin', 'noKey', 'wrongKey']);
    expect(logged.join('')).not.toContain(launchKey());
    expect(logged.join('')).not.toContain(launchKey().slice(1));
  });

  it('admits the key holder and answers with the API protocol, never echoing the key', async () => {
    const ws = await open();
    expect(ws.protocol).toBe(API_SUBPROTOCOL);
    // Even a client that offers the key first gets the API protocol back.
    const reordered = await rawSocket({ origin: origin() }, [...apiSubprotocols(launchKey())].reverse());
    opened.push(reordered);
    expect(reordered.protocol).toBe(API_SUBPROTOCOL);
  });

  it(`holds at most ${MAX_API_CONNECTIONS} sockets at once, and admits again when one closes`, async () => {
    const sockets: WebSocket[] = [];
    for (let i = 0; i < MAX_API_CONNECTIONS; i++) sockets.push(await open());
    await expect(rawSocket()).rejects.toThrow('HTTP 503');
    await closed(sockets[0]!);
    opened.push(await rawSocket());
  });

  it('keeps the cap when many handshakes arrive together', async () => {
    const attempts = await Promise.allSettled(Array.from({ length: MAX_API_CONNECTIONS + 3 }, () => rawSocket()));
    const sockets = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
    opened.push(...sockets);
    // Any that slipped past the door together are closed as they open.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length).toBeLessThanOrEqual(MAX_API_CONNECTIONS);
    expect(attempts.filter((attempt) => attempt.status === 'rejected').length).toBeGreaterThan(0);
  });
});

describe('browser host: API over WebSocket', () => {
  it('answers calls through the typed client', async () => {
    const transport = createWebSocketTransport({
      url: wsUrl(),
      protocols: () => apiSubprotocols(launchKey()),
      WebSocketImpl: class extends WebSocket {
        constructor(url: string, protocols?: string[]) {
          super(url, protocols, { headers: { origin: origin() } });
        }
      } as unknown as WebSocketConstructor,
    });
    const client = createClient<KioskContract>(transport);
    const info = await client.call('kiosk.info', {});
    expect(info.ok && info.value.station.name).toBe('东埠村便民服务站');
    const list = await client.call('catalog.list', { themeId: 'elderly' });
    expect(list.ok && list.value.matters.map((m) => m.name)).toEqual(['老年优待证办理', '临时救助']);
    const missing = await client.call('catalog.matter', { code: 'NOPE-0000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'notFound' } });
    const invalid = await client.call('catalog.list', { limit: 100000 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalidInput', issues: [{ path: 'limit' }] } });
    transport.close();
  });

  it('pushes core events to every open socket', async () => {
    const ws = await open();
    const received = nextMessage(ws);
    core.events.emit('catalog.statusChanged', core.catalogSync.status());
    expect(await received).toMatchObject({
      type: 'event',
      event: 'catalog.statusChanged',
      payload: { version: '2026.11.20-1' },
    });
    ws.close();
  });

  it.each([
    ['not JSON', 'hello', null],
    ['not a call', JSON.stringify({ type: 'call', id: 7 }), 7],
    ['unknown method', JSON.stringify({ type: 'call', id: 8, method: 'system.shutdown', input: {} }), 8],
    ['null frame', 'null', null],
  ])('answers a bad frame (%s) with an error and keeps the socket open', async (_name, frame, id) => {
    const ws = await open();
    const answer = nextMessage(ws);
    ws.send(frame);
    const message = await answer;
    expect(message).toMatchObject({ type: 'result', id, response: { ok: false } });
    const ping = nextMessage(ws);
    ws.send(JSON.stringify({ type: 'call', id: 99, method: 'catalog.status', input: {} }));
    expect(await ping).toMatchObject({ id: 99, response: { ok: true } });
    ws.close();
  });

  it('refuses binary frames', async () => {
    const ws = await open();
    const answer = nextMessage(ws);
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await answer).toMatchObject({ response: { ok: false, error: { code: 'invalidInput' } } });
    ws.close();
  });
});
