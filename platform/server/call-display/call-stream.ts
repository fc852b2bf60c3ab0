import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { CALL_STREAM_EVENTS, type CallEntry } from '../../contract/call-display';
import { problemResponse } from '../http/problem';
import type { PlatformContext } from '../http/types';
import { callBoard, callsAfter, stationCursor } from './board';

/**
 * A call display's server-sent events stream:
 *
 * - On connect: the calls after Last-Event-ID when the display is resuming (at most five, the
 *   newest, so a display that was away an hour does not recite the morning), then the `board`
 *   (id = the station's cursor). A display that starts fresh gets the board only: it shows the
 *   current calls without announcing them.
 * - Then every new call or recall as its own `call` event (id = event_id), read from the table
 *   after this stream's own cursor whenever the call feed nudges (platform/server/call-feed.ts:
 *   from any platform instance on the database) or the station's cursor watch sees the table
 *   move: a doubled or lost nudge costs nothing.
 * - A comment line every 15 s keeps proxies and the browser from closing a quiet stream.
 * - On disconnect the feed subscription and the timer go, so a TV that reconnects all day leaves
 *   nothing behind (the benchmark counts listeners).
 */

export interface CallStreamLimits {
  /** Open streams per station; the next display gets 503 and polls instead. */
  readonly maxStreamsPerStation: number;
  readonly heartbeatMs: number;
  /** What the browser waits before reconnecting (the `retry:` field). */
  readonly retryMs: number;
  /**
   * How often a station with open streams checks its cursor in the table, for calls stored where
   * this process's feed did not hear them (another process on the same SQLite file, a
   * notification lost while PostgreSQL's LISTEN connection was reconnecting, a tool writing
   * rows): one indexed MAX per station, and a nudge to this process's streams when it moved.
   */
  readonly watchMs: number;
}

export const DEFAULT_CALL_STREAM_LIMITS: CallStreamLimits = {
  maxStreamsPerStation: 8,
  heartbeatMs: 15_000,
  retryMs: 2_000,
  watchMs: 250,
};

/** The most missed calls a resuming display is sent (and so announces). */
const RESUME_AT_MOST = 5;
/** The most calls sent per nudge; more than that in one instant would not be heard anyway. */
const PER_NUDGE_AT_MOST = 20;

export interface CallStreams {
  open(c: Context, stationId: string, lastEventId: number | null): Response;
  /** Streams open now, per station (tests and the benchmark). */
  openCount(stationId?: string): number;
}

export function createCallStreams(ctx: PlatformContext, limits: CallStreamLimits): CallStreams {
  const open = new Map<string, number>();
  const watchers = new Map<string, ReturnType<typeof setInterval>>();
  const count = (stationId: string) => open.get(stationId) ?? 0;

  /** Each open stream's nudge by station, for the cursor watch: it wakes this process's streams only. */
  const local = new Map<string, Set<() => void>>();
  const nudgeHere = (stationId: string) => {
    for (const nudge of [...(local.get(stationId) ?? [])]) nudge();
  };

  const watch = (stationId: string) => {
    let seen: number | undefined;
    let checking = false;
    const check = async () => {
      if (checking) return;
      checking = true;
      try {
        const cursor = await stationCursor(ctx.sql, stationId);
        if (seen !== undefined && cursor !== seen) nudgeHere(stationId);
        seen = cursor;
      } catch (error) {
        ctx.log('warn', 'call display cursor watch failed', { stationId, error: String(error) });
      } finally {
        checking = false;
      }
    };
    void check();
    const timer = setInterval(() => void check(), limits.watchMs);
    timer.unref();
    watchers.set(stationId, timer);
  };

  const adjust = (stationId: string, by: number) => {
    const next = count(stationId) + by;
    if (next <= 0) {
      open.delete(stationId);
      clearInterval(watchers.get(stationId));
      watchers.delete(stationId);
    } else {
      open.set(stationId, next);
      if (!watchers.has(stationId)) watch(stationId);
    }
  };

  const send = (stream: SSEStreamingApi, entry: CallEntry) =>
    stream.writeSSE({ event: CALL_STREAM_EVENTS.call, id: String(entry.eventId), data: JSON.stringify(entry) });

  return {
    openCount: (stationId) =>
      stationId === undefined ? [...open.values()].reduce((a, b) => a + b, 0) : count(stationId),
    open(c, stationId, lastEventId) {
      if (count(stationId) >= limits.maxStreamsPerStation) {
        const refused = problemResponse(
          503,
          'serviceUnavailable',
          'too many displays are streaming this station; poll instead',
        );
        refused.headers.set('retry-after', '30');
        return refused;
      }
      adjust(stationId, 1);
      c.header('x-accel-buffering', 'no');
      return streamSSE(c, async (stream) => {
        let finished!: () => void;
        const closed = new Promise<void>((resolve) => (finished = resolve));
        let cursor = 0;
        let ready = false;
        let pumping = false;
        let again = false;

        const pump = async () => {
          // Before the board is sent the cursor is unknown; the pump after the board catches up.
          if (!ready) return;
          if (pumping) {
            again = true;
            return;
          }
          pumping = true;
          try {
            do {
              again = false;
              for (const entry of await callsAfter(ctx.sql, stationId, cursor, ctx.now(), PER_NUDGE_AT_MOST)) {
                if (stream.aborted || stream.closed) return;
                await send(stream, entry);
                cursor = entry.eventId;
              }
            } while (again && !stream.aborted);
          } finally {
            pumping = false;
          }
        };

        const nudge = () => {
          pump().catch((error: unknown) => ctx.log('warn', 'call stream failed', { stationId, error: String(error) }));
        };
        const unsubscribe = ctx.callFeed.subscribe(stationId, nudge);
        const nudges = local.get(stationId) ?? new Set<() => void>();
        nudges.add(nudge);
        local.set(stationId, nudges);
        const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n'), limits.heartbeatMs);
        let cleaned = false;
        const cleanUp = () => {
          if (cleaned) return;
          cleaned = true;
          unsubscribe();
          nudges.delete(nudge);
          if (nudges.size === 0 && local.get(stationId) === nudges) local.delete(stationId);
          clearInterval(heartbeat);
          adjust(stationId, -1);
          finished();
        };
        stream.onAbort(cleanUp);
        c.req.raw.signal.addEventListener('abort', cleanUp, { once: true });

        try {
          const board = await callBoard(ctx.sql, stationId, ctx.now());
          if (lastEventId !== null && lastEventId < board.cursor) {
            for (const entry of await callsAfter(ctx.sql, stationId, lastEventId, ctx.now(), RESUME_AT_MOST)) {
              await send(stream, entry);
            }
          }
          // The board's cursor may be ahead of the calls sent (a 'started' row): resume from it.
          cursor = board.cursor;
          await stream.writeSSE({
            event: CALL_STREAM_EVENTS.board,
            id: String(board.cursor),
            retry: limits.retryMs,
            data: JSON.stringify(board),
          });
          ready = true;
          // A call stored between reading the board and subscribing is picked up here.
          await pump();
          await closed;
        } finally {
          cleanUp();
        }
      });
    },
  };
}
