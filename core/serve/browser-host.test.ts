import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { catalogFixture } from '../../tests/helpers/catalog-fixture';
import { createTestCore } from '../../tests/helpers/test-core';
import { createClient } from '../api/client';
import type { KioskContract } from '../api/contract';
import { createWebSocketTransport, type WebSocketConstructor } from '../api/transports/websocket';
import { startBrowserHost, type BrowserHost } from './browser-host';

let rendererDir: string;
let host: BrowserHost;
let core: ReturnType<typeof createTestCore>;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'kiosk-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app-1a2b.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, '..', 'kiosk-secret.txt'), 'do not serve');
  core = createTestCore({ catalog: catalogFixture() });
  host = await startBrowserHost({ core, rendererDir, port: 0 });
});

afterAll(async () => {
  await host.close();
  await core.close();
  rmSync(rendererDir, { recursive: true, force: true });
  rmSync(join(rendererDir, '..', 'kiosk-secret.txt'), { force: true });
});

const wsUrl = () => host.url.replace('http', 'ws') + 'api';
const origin = () => host.url.replace(/\/$/, '');

function rawSocket(headers: Record<string, string> = { origin: origin() }): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(), { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) =>
    ws.once('message', (data) => resolve(JSON.parse((data as Buffer).toString('utf8')) as Record<string, unknown>)),
  );
}

describe('browser host: static files', () => {
  it('serves the renderer on 127.0.0.1 with the security headers', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>kiosk</title>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ${wsUrl().replace('/api', '')}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('marks hashed assets immutable', async () => {
    const response = await fetch(`${host.url}assets/app-1a2b.js`);
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
      const req = request({ host: '127.0.0.1', port: new URL(host.url).port, path, method: 'GET' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(404);
  });
});

describe('browser host: API over WebSocket', () => {
  it('refuses a socket from another origin', async () => {
    await expect(rawSocket({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(rawSocket({})).rejects.toThrow('HTTP 403');
  });

  it('refuses a socket whose Host header is not ours (DNS rebinding)', async () => {
    await expect(rawSocket({ origin: origin(), host: 'kiosk.evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('answers calls through the typed client', async () => {
    const transport = createWebSocketTransport({
      url: wsUrl(),
      WebSocketImpl: class extends WebSocket {
        constructor(url: string) {
          super(url, { headers: { origin: origin() } });
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
    const ws = await rawSocket();
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
    const ws = await rawSocket();
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
    const ws = await rawSocket();
    const answer = nextMessage(ws);
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await answer).toMatchObject({ response: { ok: false, error: { code: 'invalidInput' } } });
    ws.close();
  });
});
