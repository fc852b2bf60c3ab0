import type { ConnectionState } from '../../../core/api/transports/websocket';

export type { ConnectionState };

/**
 * How the page is linked to its host. Under Electron the link is IPC and cannot drop, so it is
 * always `open`; under the browser host it is a WebSocket that drops and comes back.
 */
export interface ConnectionMonitor {
  readonly state: ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
}

export const alwaysOpen: ConnectionMonitor = {
  state: 'open',
  onStateChange: () => () => undefined,
};

/**
 * What the UI needs to know about the link: whether to show the "reconnecting" screen, and an
 * epoch that goes up each time the link comes back, so data that failed while it was down is
 * fetched again and events missed in between are caught up.
 */
export interface LinkStatus {
  /** True from the first drop until the link is open again (connecting after a drop counts). */
  readonly lost: boolean;
  readonly epoch: number;
}

/** Shaped for `useSyncExternalStore`: plain functions, safe to pass around unbound. */
export interface LinkStatusStore {
  readonly getSnapshot: () => LinkStatus;
  readonly subscribe: (listener: () => void) => () => void;
}

export function createLinkStatusStore(monitor: ConnectionMonitor): LinkStatusStore {
  let snapshot: LinkStatus = { lost: monitor.state === 'closed', epoch: 0 };
  const listeners = new Set<() => void>();
  monitor.onStateChange((state) => {
    const next: LinkStatus =
      state === 'open'
        ? { lost: false, epoch: snapshot.lost ? snapshot.epoch + 1 : snapshot.epoch }
        : { lost: snapshot.lost || state === 'closed', epoch: snapshot.epoch };
    if (next.lost === snapshot.lost && next.epoch === snapshot.epoch) return;
    snapshot = next;
    for (const listener of [...listeners]) listener();
  });
  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
