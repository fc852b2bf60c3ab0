import { sqliteSqlDb } from '../db/sqlite-sql';
import type Database from 'better-sqlite3';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Ticket } from '../../contract/queue';
import { createPlatformApp } from '../app';
import { createCallFeed, type CallFeed } from '../call-feed';
import { openPlatformDb } from '../db/open';
import { FaultController } from '../faults/fault-controller';
import type { PlatformApp } from '../http/types';
import { ephemeralSealer } from '../sealing/sealer';
import { seedPlatform } from '../seed-platform';
import { registerTerminal } from '../store/terminals';
import { ticketRequestBody } from '../testing/bodies';
import { catalogFixture } from '../testing/catalog-fixture';
import { KIOSK_1, KIOSK_2, manualClock } from '../testing/harness';

/**
 * Test support for call displays: a platform over real HTTP with a call feed the test holds, real
 * tickets through the kiosk API, and calls stored the way the calling does it (a ticket_events
 * row, then a nudge) — the calling itself is another part (platform/server/queue-calling/).
 */

/** Monday 2 March 2026, 10:00 CST: the sample clerk is at work. */
export const MONDAY_10 = '2026-03-02T10:00:00+08:00';
export const STATION = KIOSK_1.stationId;

export interface DisplayPlatform {
  readonly origin: string;
  readonly db: Database.Database;
  readonly feed: CallFeed;
  readonly app: PlatformApp;
  readonly clock: { set(instant: string): void };
  issueTicket(serviceCode?: string): Promise<Ticket>;
  /** Stores a call or recall of the ticket at the window and nudges displays; returns the event id. */
  announce(ticket: Ticket, kind: 'called' | 'recalled', windowNo: number, options?: { notify?: boolean }): number;
  openWindow(windowNo: number, label: string): void;
  close(): Promise<void>;
}

/** `consoleDir`: the built console beside the built display (out/console), to serve the page too. */
export async function startDisplayPlatform(start = MONDAY_10, consoleDir?: string): Promise<DisplayPlatform> {
  const clock = manualClock(start);
  const sealer = ephemeralSealer();
  const opened = openPlatformDb(':memory:', sealer);
  if (!opened.ok) throw new Error(opened.error.kind);
  const db = opened.value;
  for (const terminal of [KIOSK_1, KIOSK_2]) registerTerminal(db, terminal, clock.now());
  const seeded = seedPlatform(db, { catalog: catalogFixture() }, clock.now());
  if (!seeded.ok) throw new Error(seeded.error);
  const feed = createCallFeed();
  const app = createPlatformApp({
    sql: sqliteSqlDb(db),
    sealer,
    faults: new FaultController(),
    now: clock.now,
    callFeed: feed,
    ...(consoleDir === undefined ? {} : { consoleDir }),
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let seq = 0;
  return {
    origin,
    db,
    feed,
    app,
    clock,
    async issueTicket(serviceCode = 'general') {
      seq += 1;
      const response = await fetch(`${origin}/api/v1/stations/${STATION}/tickets`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${KIOSK_1.token}`,
          'content-type': 'application/json',
          'idempotency-key': `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
        },
        body: JSON.stringify(ticketRequestBody({ serviceCode })),
      });
      if (response.status !== 201) throw new Error(`ticket: ${response.status} ${await response.text()}`);
      return (await response.json()) as Ticket;
    },
    announce(ticket, kind, windowNo, options = {}) {
      const result = db
        .prepare('INSERT INTO ticket_events (ticket_id, station_id, kind, window_no, at) VALUES (?, ?, ?, ?, ?)')
        .run(ticket.ticketId, STATION, kind, windowNo, clock.now().toISOString());
      if (options.notify !== false) feed.notify(STATION);
      return Number(result.lastInsertRowid);
    },
    openWindow(windowNo, label) {
      db.prepare(
        `INSERT INTO queue_windows (station_id, window_no, label, service_codes, status, updated_at)
         VALUES (?, ?, ?, '["general"]', 'open', ?)`,
      ).run(STATION, windowNo, label, clock.now().toISOString());
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }).then(() => {
        db.close();
      }),
  };
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
