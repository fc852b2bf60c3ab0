import type { KioskBridge } from '../../core/api/bridge';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../core/api/channels';

/** The slice of ipcRenderer the bridge uses; it is never handed to the page itself. */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export const MAX_METHOD_NAME_LENGTH = 100;

/**
 * `window.kiosk` (checklist item 20): two functions on fixed channels, arguments checked before
 * anything crosses to main. The page never sees ipcRenderer, an IpcRendererEvent or a channel name.
 */
export function createKioskBridge(ipc: RendererIpc): KioskBridge {
  return Object.freeze({
    invoke(method: unknown, input: unknown): Promise<unknown> {
      if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_NAME_LENGTH) {
        return Promise.reject(
          new TypeError(`kiosk.invoke: method must be a string of 1 to ${MAX_METHOD_NAME_LENGTH} characters`),
        );
      }
      return ipc.invoke(IPC_INVOKE_CHANNEL, { method, input });
    },
    on(listener: unknown): () => void {
      if (typeof listener !== 'function') throw new TypeError('kiosk.on: listener must be a function');
      const forward = (_event: unknown, message: unknown) => {
        if (typeof message !== 'object' || message === null) return;
        const { event, payload } = message as { event?: unknown; payload?: unknown };
        if (typeof event !== 'string') return;
        try {
          (listener as (event: string, payload: unknown) => void)(event, payload);
        } catch (error) {
          // One failing page listener must not keep the event from the others.
          console.error('kiosk.on listener threw', error);
        }
      };
      ipc.on(IPC_EVENT_CHANNEL, forward);
      return () => {
        ipc.removeListener(IPC_EVENT_CHANNEL, forward);
      };
    },
  });
}
