/**
 * Tells the call displays of a station that something was announced there (a call or a recall,
 * stored as ticket_events rows: migration 0009). It carries no data: a display's stream reads the
 * rows after its own cursor, so a lost or doubled nudge costs nothing and a display that was away
 * catches up by itself. In one process this is a set of listeners; several platform instances on
 * one database need a shared channel instead (PostgreSQL LISTEN/NOTIFY), behind this same interface.
 */
export interface CallFeed {
  /** After the transaction that stored the announcement has committed. */
  notify(stationId: string): void;
  /** Returns the unsubscribe function; a display's stream calls it when the connection closes. */
  subscribe(stationId: string, listener: () => void): () => void;
  /** How many listeners are attached (for the memory benchmark and tests). */
  listenerCount(): number;
}

export function createCallFeed(): CallFeed {
  const listeners = new Map<string, Set<() => void>>();
  return {
    notify(stationId) {
      for (const listener of [...(listeners.get(stationId) ?? [])]) listener();
    },
    subscribe(stationId, listener) {
      const set = listeners.get(stationId) ?? new Set<() => void>();
      set.add(listener);
      listeners.set(stationId, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(stationId) === set) listeners.delete(stationId);
      };
    },
    listenerCount() {
      let count = 0;
      for (const set of listeners.values()) count += set.size;
      return count;
    },
  };
}
