import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { createPlatformApp } from '../app';
import { createCallFeed, type CallFeed } from '../call-feed';
import type { SqlDb } from '../db/sql';
import { FaultController } from '../faults/fault-controller';
import { resolveDeps, type AppEnv, type PlatformApp, type PlatformContext } from '../http/types';
import { insertWaitingTicket, type WaitingTicketRow } from '../queue-calling/testing';
import { ephemeralSealer, type PlatformSealer } from '../sealing/sealer';
import { seedPlatform } from '../seed-platform';
import { registerTerminal } from '../store/terminals';
import { catalogFixture } from '../testing/catalog-fixture';
import { KIOSK_1, KIOSK_2, manualClock } from '../testing/harness';
import { openTestDatabase, type TestDatabase } from '../testing/test-database';
import type { Clock } from '../time';
import { registerCallDisplayRoutes, type CallDisplayOptions } from './display-routes';

/**
 * Test support for call displays: a platform over real HTTP (on the engine this run tests) with a
 * call feed the test holds, waiting tickets of the station, and calls stored the way the calling
 * does it (a ticket_events row, then a nudge) — the calling itself is another part
 * (platform/server/queue-calling/). `startSecondInstance` adds another platform instance on the
 * same database, serving its own displays, for calls that cross instances.
 */

/** Monday 2 March 2026, 10:00 CST: the sample clerk is at work. */
export const MONDAY_10 = '2026-03-02T10:00:00+08:00';
export const STATION = KIOSK_1.stationId;

export interface DisplayPlatform {
  readonly origin: string;
  readonly sql: SqlDb;
  readonly feed: CallFeed;
  readonly app: PlatformApp;
  /** What the app was built from (for handlers a test calls directly). */
  readonly ctx: PlatformContext;
  readonly database: TestDatabase;
  readonly sealer: PlatformSealer;
  readonly clock: { readonly now: Clock; set(instant: string): void };
  /** A waiting ticket of the station, issued now (queue-calling/testing.ts insertWaitingTicket). */
  issueTicket(serviceCode?: string): Promise<WaitingTicketRow>;
  /** Stores a call or recall of the ticket at the window and nudges displays; returns the event id. */
  announce(
    ticket: WaitingTicketRow,
    kind: 'called' | 'recalled',
    windowNo: number,
    options?: { notify?: boolean },
  ): Promise<number>;
  openWindow(windowNo: number, label: string): Promise<void>;
  close(): Promise<void>;
}

async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{
  origin: string;
  close(): Promise<void>;
}> {
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

/** `consoleDir`: the built console beside the built display (out/console), to serve the page too. */
export async function startDisplayPlatform(start = MONDAY_10, consoleDir?: string): Promise<DisplayPlatform> {
  const clock = manualClock(start);
  const sealer = ephemeralSealer();
  const database = await openTestDatabase(sealer);
  const sql = database.db;
  for (const terminal of [KIOSK_1, KIOSK_2]) await registerTerminal(sql, terminal, clock.now());
  const seeded = await seedPlatform(sql, { catalog: catalogFixture() }, clock.now());
  if (!seeded.ok) throw new Error(seeded.error);
  const feed = createCallFeed(sql);
  const deps = {
    sql,
    sealer,
    faults: new FaultController(),
    now: clock.now,
    callFeed: feed,
    ...(consoleDir === undefined ? {} : { consoleDir }),
  };
  const app = createPlatformApp(deps);
  const server = await listen(app.fetch);
  return {
    origin: server.origin,
    sql,
    feed,
    app,
    ctx: resolveDeps(deps),
    database,
    sealer,
    clock,
    issueTicket: (serviceCode = 'general') =>
      insertWaitingTicket(sql, { serviceCode, issuedAt: clock.now(), stationId: STATION, terminalId: KIOSK_1.id }),
    async announce(ticket, kind, windowNo, options = {}) {
      const row = await sql.get<{ id: number }>(
        `INSERT INTO ticket_events (ticket_id, station_id, kind, window_no, at) VALUES (?, ?, ?, ?, ?)
         RETURNING event_id AS id`,
        [ticket.ticketId, STATION, kind, windowNo, clock.now().toISOString()],
      );
      if (!row) throw new Error('no event id');
      if (options.notify !== false) feed.notify(STATION);
      return row.id;
    },
    async openWindow(windowNo, label) {
      await sql.run(
        `INSERT INTO queue_windows (station_id, window_no, label, service_codes, status, updated_at)
         VALUES (?, ?, ?, '["general"]', 'open', ?)`,
        [STATION, windowNo, label, clock.now().toISOString()],
      );
    },
    close: async () => {
      await server.close();
      await database.close();
    },
  };
}

/** Another platform instance's call display API on the same database, with its own call feed. */
export interface SecondInstance {
  readonly origin: string;
  readonly sql: SqlDb;
  readonly feed: CallFeed;
  close(): Promise<void>;
}

/**
 * `display`: the display API's options on this instance (a test that must tell the feed's nudge
 * from the cursor watch sets the watch to hours). Closed with the first platform's database.
 */
export async function startSecondInstance(
  first: DisplayPlatform,
  display: CallDisplayOptions = {},
): Promise<SecondInstance> {
  const sql = await first.database.openSecond();
  const feed = createCallFeed(sql);
  const ctx = resolveDeps({
    sql,
    sealer: first.sealer,
    faults: new FaultController(),
    now: first.clock.now,
    callFeed: feed,
  });
  const app = new Hono<AppEnv>();
  registerCallDisplayRoutes(app, ctx, display);
  const server = await listen(app.fetch);
  return { origin: server.origin, sql, feed, close: () => server.close() };
}

export interface SseMessage {
  readonly event: string;
  readonly id: string | undefined;
  readonly data: string;
}

/** An SSE connection read frame by frame over real HTTP (fetch), for the stream tests. */
export interface SseClient {
  readonly status: number;
  next(timeoutMs?: number): Promise<SseMessage>;
  /** Comment lines seen so far (heartbeats). */
  comments(): number;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let commentCount = 0;
  const ready: SseMessage[] = [];
  const parse = () => {
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      let id: string | undefined;
      const data: string[] = [];
      let onlyComments = true;
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) {
          commentCount += 1;
          continue;
        }
        onlyComments = false;
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('id: ')) id = line.slice(4);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (!onlyComments) ready.push({ event, id, data: data.join('\n') });
    }
  };
  return {
    status: response.status,
    comments: () => commentCount,
    async next(timeoutMs = 3_000) {
      const deadline = Date.now() + timeoutMs;
      while (ready.length === 0) {
        if (!reader) throw new Error('no body');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no SSE message in time');
        let timer: ReturnType<typeof setTimeout> | undefined;
        const chunk = await Promise.race([
          reader.read(),
          new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left))),
        ]).finally(() => clearTimeout(timer));
        if (chunk === 'timeout') throw new Error('no SSE message in time');
        if (chunk.done) throw new Error('stream ended');
        buffer += decoder.decode(chunk.value, { stream: true });
        parse();
      }
      return ready.shift() as SseMessage;
    },
    close: () => abort.abort(),
  };
}

/** Waits until `check` holds, polling; for effects that happen after a socket closes. */
export async function eventually(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
