import type { SqlDb } from './db/sql';

/**
 * Tells the call displays of a station that something was announced there (a call or a recall,
 * stored as ticket_events rows: migration 0009). It carries no data: a display's stream reads the
 * rows after its own cursor, so a lost or doubled nudge costs nothing and a display that was away
 * catches up by itself.
 *
 * The nudge goes through the database's notification channel (SqlDb.listen/notify), so a call
 * made on one platform instance reaches the displays connected to every other instance on the
 * same database: on PostgreSQL that is LISTEN/NOTIFY (db/postgres-sql.ts; the notifying instance
 * hears its own NOTIFY too, so there is one path for all); on SQLite the adapter keeps it in the
 * process, and a second process on the same file is covered by the display streams' cursor watch
 * (call-display/call-stream.ts). The process listens only while it has a display: LISTEN on the
 * first subscriber, UNLISTEN when the last one goes.
 */
export interface CallFeed {
  /** After the transaction that stored the announcement has committed. */
  notify(stationId: string): void;
  /** Returns the unsubscribe function; a display's stream calls it when the connection closes. */
  subscribe(stationId: string, listener: () => void): () => void;
  /** How many listeners are attached in this process (for the memory benchmark and tests). */
  listenerCount(): number;
}

/** The notification channel; the payload is the station id. */
export const CALLS_CHANNEL = 'bianmin_calls';

export type CallFeedLog = (level: 'warn', message: string, fields?: Record<string, unknown>) => void;

type Unlisten = () => Promise<void>;

export function createCallFeed(sql: Pick<SqlDb, 'listen' | 'notify'>, log: CallFeedLog = () => undefined): CallFeed {
  const listeners = new Map<string, Set<() => void>>();
  let total = 0;
  /** The LISTEN in force (or being set up); undefined while nobody in this process listens. */
  let listening: Promise<Unlisten | undefined> | undefined;

  const deliver = (stationId: string): void => {
    for (const listener of [...(listeners.get(stationId) ?? [])]) listener();
  };

  const startListening = (): void => {
    // A fresh callback each time: the adapter keeps a set per channel, and an UNLISTEN still in
    // flight from the previous subscriber must not remove this one.
    const current: Promise<Unlisten | undefined> = sql
      .listen(CALLS_CHANNEL, (payload) => deliver(payload))
      .catch((error: unknown) => {
        // Displays still get calls through their cursor watch; the next subscriber tries again.
        log('warn', 'call feed cannot listen', { error: String(error) });
        if (listening === current) listening = undefined;
        return undefined;
      });
    listening = current;
  };

  const stopListening = (): void => {
    const current = listening;
    listening = undefined;
    void current
      ?.then((unlisten) => unlisten?.())
      .catch((error: unknown) => log('warn', 'call feed cannot stop listening', { error: String(error) }));
  };

  return {
    notify(stationId) {
      sql.notify(CALLS_CHANNEL, stationId).catch((error: unknown) => {
        // This process's displays still hear it; the others' cursor watch picks the call up.
        log('warn', 'call feed cannot notify', { stationId, error: String(error) });
        deliver(stationId);
      });
    },
    subscribe(stationId, listener) {
      const set = listeners.get(stationId) ?? new Set<() => void>();
      if (set.has(listener)) return () => undefined;
      set.add(listener);
      listeners.set(stationId, set);
      total += 1;
      if (listening === undefined) startListening();
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        set.delete(listener);
        if (set.size === 0 && listeners.get(stationId) === set) listeners.delete(stationId);
        total -= 1;
        if (total === 0) stopListening();
      };
    },
    listenerCount: () => total,
  };
}
