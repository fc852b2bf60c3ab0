import type { KioskBridge } from '../bridge';
import type { Transport } from '../client';

/** The Electron host's transport: straight through the preload bridge. */
export function createIpcTransport(bridge: KioskBridge): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (listener) => bridge.on(listener),
  };
}
