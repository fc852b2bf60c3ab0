import type { AddressInfo } from 'node:net';
import { serve, upgradeWebSocket, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { WebSocketServer } from 'ws';
import { MAX_FRAME_BYTES } from '../api/wire';
import type { KioskCore } from '../app/types';
import { contentSecurityPolicy } from '../security/csp';
import { readStaticFile } from './static-files';
import { apiConnectionEvents } from './websocket-api';

export interface BrowserHost {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
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
 * Any web page in any browser on this machine could try to reach a local service, so the socket
 * accepts only our own origin and host name (cross-site WebSocket hijacking and DNS rebinding),
 * and nothing listens on other interfaces.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.core.logger.child({ component: 'browser-host' });
  const app = new Hono();
  let origin = '';
  let csp = '';

  app.get('/api', async (c, next) => {
    const host = c.req.header('host');
    const from = c.req.header('origin');
    if (host !== new URL(origin).host || from !== origin) {
      log.warn({ host, origin: from }, 'refused an API connection from another origin');
      return c.text('forbidden', 403);
    }
    return next();
  });
  app.get(
    '/api',
    upgradeWebSocket(() =>
      apiConnectionEvents({
        dispatch: options.core.dispatch,
        subscribe: (listener) => options.core.events.subscribe(listener),
        logger: log,
      }),
    ),
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

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: options.port, websocket: { server: wss } }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  csp = contentSecurityPolicy({ connect: [`ws://127.0.0.1:${port}`] });
  log.info({ url: `${origin}/` }, 'browser host listening');

  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}
