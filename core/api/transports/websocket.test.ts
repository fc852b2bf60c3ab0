import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createClient } from '../client';
import type { KioskContract } from '../contract';
import { createWebSocketTransport, type ConnectionState, type WebSocketConstructor } from './websocket';

/** A minimal host: answers `kiosk.echo`-style calls by handing them to `respond`. */
function fakeHost(
  port = 0,
  respond: (msg: { id: number; method: string }) => unknown = () => ({ ok: true, value: {} }),
) {
  const server = new WebSocketServer({ host: '127.0.0.1', port });
  const received: string[] = [];
  server.on('connection', (ws) => {
    ws.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as { id: number; method: string };
      received.push(message.method);
      const response = respond(message);
      if (response !== undefined) ws.send(JSON.stringify({ type: 'result', id: message.id, response }));
    });
  });
  const ready = new Promise<number>((resolve) =>
    server.once('listening', () => resolve((server.address() as AddressInfo).port)),
  );
  const close = () =>
    new Promise<void>((r) => {
      for (const ws of server.clients) ws.terminate();
      server.close(() => r());
    });
  return { server, received, ready, close };
}

const Impl = WebSocket as unknown as WebSocketConstructor;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function waitForState(transport: ReturnType<typeof createWebSocketTransport>, state: ConnectionState) {
  return new Promise<void>((resolve) => {
    if (transport.state === state) return resolve();
    const off = transport.onStateChange((s) => {
      if (s === state) {
        off();
        resolve();
      }
    });
  });
}

describe('createWebSocketTransport', () => {
  it('queues calls made before the socket opens and answers them in order', async () => {
    const host = fakeHost(0, (m) => ({ ok: true, value: { method: m.method } }));
    const port = await host.ready;
    cleanups.push(host.close);
    const transport = createWebSocketTransport({ url: `ws://127.0.0.1:${port}`, WebSocketImpl: Impl });
    cleanups.push(() => transport.close());
    const client = createClient<KioskContract>(transport);
    const [a, b] = await Promise.all([client.call('catalog.status', {}), client.call('kiosk.info', {})]);
    expect(a).toEqual({ ok: true, value: { method: 'catalog.status' } });
    expect(b).toEqual({ ok: true, value: { method: 'kiosk.info' } });
  });

  it('turns a call with no answer into a transport error after the timeout', async () => {
    const host = fakeHost(0, () => undefined);
    const port = await host.ready;
    cleanups.push(host.close);
    const transport = createWebSocketTransport({
      url: `ws://127.0.0.1:${port}`,
      WebSocketImpl: Impl,
      callTimeoutMs: 200,
    });
    cleanups.push(() => transport.close());
    const result = await createClient<KioskContract>(transport).call('catalog.status', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'transport', message: expect.stringMatching(/no answer .* 200 ms/) },
    });
  });

  it('fails calls in flight when the host goes away, then reconnects to the restarted host', async () => {
    let host = fakeHost(0, () => undefined);
    const port = await host.ready;
    const transport = createWebSocketTransport({
      url: `ws://127.0.0.1:${port}`,
      WebSocketImpl: Impl,
      reconnectMinMs: 50,
      reconnectMaxMs: 100,
    });
    cleanups.push(() => transport.close());
    const client = createClient<KioskContract>(transport);
    await waitForState(transport, 'open');

    const pending = client.call('catalog.status', {});
    await expect.poll(() => host.received).toEqual(['catalog.status']);
    await host.close();
    expect(await pending).toMatchObject({
      ok: false,
      error: { code: 'transport', message: expect.stringMatching(/lost during the call/) },
    });
    expect(transport.state).not.toBe('open');

    host = fakeHost(port, () => ({ ok: true, value: { back: true } }));
    await host.ready;
    cleanups.push(host.close);
    await waitForState(transport, 'open');
    expect(await client.call('catalog.status', {})).toEqual({ ok: true, value: { back: true } });
  });

  it('delivers events to subscribers and ignores malformed frames', async () => {
    const host = fakeHost();
    const port = await host.ready;
    cleanups.push(host.close);
    const transport = createWebSocketTransport({ url: `ws://127.0.0.1:${port}`, WebSocketImpl: Impl });
    cleanups.push(() => transport.close());
    const client = createClient<KioskContract>(transport);
    const seen: unknown[] = [];
    client.on('catalog.statusChanged', (payload) => seen.push(payload));
    await waitForState(transport, 'open');
    for (const ws of host.server.clients) {
      ws.send('garbage');
      ws.send(JSON.stringify({ type: 'event', event: 'other.event', payload: 1 }));
      ws.send(JSON.stringify({ type: 'event', event: 'catalog.statusChanged', payload: { version: 'v2' } }));
    }
    await expect.poll(() => seen).toEqual([{ version: 'v2' }]);
  });

  it('rejects a malformed answer envelope as a transport error', async () => {
    const host = fakeHost(0, () => ({ nonsense: true }));
    const port = await host.ready;
    cleanups.push(host.close);
    const transport = createWebSocketTransport({ url: `ws://127.0.0.1:${port}`, WebSocketImpl: Impl });
    cleanups.push(() => transport.close());
    expect(await createClient<KioskContract>(transport).call('kiosk.info', {})).toMatchObject({
      ok: false,
      error: { code: 'transport', message: 'malformed answer to kiosk.info' },
    });
  });

  it('offers the subprotocols it is given, asking for them again at each reconnect', async () => {
    const host = fakeHost();
    const port = await host.ready;
    cleanups.push(host.close);
    const offered: string[] = [];
    host.server.on('connection', (_ws, request) => offered.push(String(request.headers['sec-websocket-protocol'])));
    let key = 'first';
    const transport = createWebSocketTransport({
      url: `ws://127.0.0.1:${port}`,
      WebSocketImpl: Impl,
      protocols: () => ['bianmin-kiosk.api.v1', `bianmin-kiosk.key.${key}`],
      reconnectMinMs: 10,
    });
    cleanups.push(() => transport.close());
    await waitForState(transport, 'open');
    key = 'second';
    for (const ws of host.server.clients) ws.terminate();
    await waitForState(transport, 'closed');
    await waitForState(transport, 'open');
    expect(offered).toEqual([
      'bianmin-kiosk.api.v1,bianmin-kiosk.key.first',
      'bianmin-kiosk.api.v1,bianmin-kiosk.key.second',
    ]);
  });
});
