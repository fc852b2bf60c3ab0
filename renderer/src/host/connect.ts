import { createClient, type Client } from '../../../core/api/client';
import type { KioskContract } from '../../../core/api/contract';
import { apiSubprotocols } from '../../../core/api/launch-key';
import { createIpcTransport } from '../../../core/api/transports/ipc';
import { createWebSocketTransport } from '../../../core/api/transports/websocket';
import { alwaysOpen, type ConnectionMonitor } from './connection';
import { holdLaunchKey } from './launch-key';

export interface HostConnection {
  readonly client: Client<KioskContract>;
  readonly connection: ConnectionMonitor;
}

/**
 * Electron's preload puts the bridge on `window.kiosk`; without it we were served by the browser
 * host, whose API listens on the same host and port as the page and wants the launch key the
 * page was opened with.
 */
export function connectToHost(page: Window): HostConnection {
  if (page.kiosk) {
    return { client: createClient<KioskContract>(createIpcTransport(page.kiosk)), connection: alwaysOpen };
  }
  const launchKey = holdLaunchKey(page);
  const scheme = page.location.protocol === 'https:' ? 'wss' : 'ws';
  const transport = createWebSocketTransport({
    url: `${scheme}://${page.location.host}/api`,
    protocols: () => apiSubprotocols(launchKey.current()),
  });
  return { client: createClient<KioskContract>(transport), connection: transport };
}
