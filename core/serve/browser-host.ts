import type { AddressInfo } from 'node:net';
import { serve, upgradeWebSocket, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { WebSocketServer } from 'ws';
import { API_SUBPROTOCOL, launchUrl } from '../api/launch-key';
import { MAX_FRAME_BYTES } from '../api/wire';
import type { KioskCore } from '../app/types';
import { contentSecurityPolicy } from '../security/csp';
import { admitApiConnection, createLaunchKey, createRefusalLog, MAX_API_CONNECTIONS } from './api-door';
import { readStaticFile } from './static-files';
import { apiConnectionEvents } from './websocket-api';

export interface BrowserHost {
  /**
   * The URL to open: `http://127.0.0.1:<port>/#key=<launch key>`. The only way to the API; it is
   * printed on the ready line and given to the kiosk's Chromium, and never written to a log.
   */
  readonly url: string;
  /** `http://127.0.0.1:<port>`, safe to log. */
  readonly origin: string;
  /** API sockets open now (at most MAX_API_CONNECTIONS). */
  openConnections(): number;
  close(): Promise<void>;
}

export interface BrowserHostOptions {
  readonly core: Pick<KioskCore, 'dispatch' | 'events' | 'logger'>;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port: number;
}

/**
 * The browser host: the built renderer and the kiosk API (WebSocket at /api) on 127.0.0.1 only.
 * Anything on this machine can reach a loopback port: any web page in any browser (cross-site
 * WebSocket hijacking, DNS rebinding) and any local process, which can forge Origin and Host. So
 * the API socket takes only our own origin and host name AND the launch key made at this start
 * (core/api/launch-key.ts), at most MAX_API_CONNECTIONS at a time; core/serve/api-door.ts decides.
 * The static files are the public renderer bundle and need no key.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.core.logger.child({ component: 'browser-host' });
  const refusals = createRefusalLog((fields, message) => log.warn(fields, message));
  const key = createLaunchKey();
  const app = new Hono();
  let origin = '';
  let csp = '';

  // ws offers the socket's clients as a Set; it holds every socket from handshake to close.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    // Select the API protocol, never the one carrying the key (ws would pick the first offered).
    handleProtocols: (protocols) => (protocols.has(API_SUBPROTOCOL) ? API_SUBPROTOCOL : false),
  });

  app.get('/api', async (c, next) => {
    const request = {
      host: c.req.header('host'),
      origin: c.req.header('origin'),
      protocols: c.req.header('sec-websocket-protocol'),
    };
    const verdict = admitApiConnection(request, { origin, key }, wss.clients.size);
    if (!verdict.admit) {
      refusals.refused(verdict.reason, request);
      return c.text(verdict.status === 503 ? 'busy' : 'forbidden', verdict.status);
    }
    return next();
  });
  app.get(
    '/api',
    upgradeWebSocket(() => {
      const events = apiConnectionEvents({
        dispatch: options.core.dispatch,
        subscribe: (listener) => options.core.events.subscribe(listener),
        logger: log,
      });
      return {
        ...events,
        onOpen(event, ws) {
          // Two handshakes can pass the door together; the one that lands over the cap goes.
          if (wss.clients.size > MAX_API_CONNECTIONS) {
            refusals.refused('tooManyConnections', {});
            ws.close(1013, 'too many connections');
            return;
          }
          log.info({ open: wss.clients.size }, 'API connection opened');
          events.onOpen?.(event, ws);
        },
      };
    }),
  );

  app.get('*', async (c) => {
    const file = await readStaticFile(options.rendererDir, c.req.path);
    if (!file) return c.text('not found', 404);
    return c.body(new Uint8Array(file.body), 200, {
      'content-type': file.contentType,
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port, websocket: { server: wss } }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  csp = contentSecurityPolicy({ connect: [`ws://127.0.0.1:${port}`] });
  log.info({ origin, maxConnections: MAX_API_CONNECTIONS }, 'browser host listening; the API needs this start’s key');

  return {
    url: launchUrl(origin, key),
    origin,
    openConnections: () => wss.clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}
