import { createClient, type Client } from '../../../core/api/client';
import type { KioskContract } from '../../../core/api/contract';
import { createIpcTransport } from '../../../core/api/transports/ipc';
import { createWebSocketTransport } from '../../../core/api/transports/websocket';
import { alwaysOpen, type ConnectionMonitor } from './connection';

export interface HostConnection {
  readonly client: Client<KioskContract>;
  readonly connection: ConnectionMonitor;
}

/**
 * Electron's preload puts the bridge on `window.kiosk`; without it we were served by the browser
 * host, whose API listens on the same host and port as the page.
 */
export function connectToHost(page: Window): HostConnection {
  if (page.kiosk) {
    return { client: createClient<KioskContract>(createIpcTransport(page.kiosk)), connection: alwaysOpen };
  }
  const scheme = page.location.protocol === 'https:' ? 'wss' : 'ws';
  const transport = createWebSocketTransport({ url: `${scheme}://${page.location.host}/api` });
  return { client: createClient<KioskContract>(transport), connection: transport };
}
