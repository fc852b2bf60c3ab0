import { afterEach, describe, expect, it } from 'vitest';
import { callDisplayPaths, CallEntry } from '../../contract/call-display';
import type { ConsoleUser } from '../../contract/console/users';
import { createQueueConsoleHandlers } from '../queue-calling/console-handlers';
import { addStaffRow } from '../queue-calling/testing';
import { defineWindow } from '../queue-calling/windows';
import {
  openSse,
  startDisplayPlatform,
  startSecondInstance,
  STATION,
  type DisplayPlatform,
  type SecondInstance,
  type SseClient,
} from './calls.testing';

/**
 * A call made at a window on platform instance A reaches a call display connected to instance B
 * on the same database. B's cursor watch is set to an hour, so the call can only have come through
 * the call feed: PostgreSQL's NOTIFY on a PostgreSQL run, the adapter's in-process channel of the
 * shared connection on a SQLite run.
 */

let a: DisplayPlatform;
let b: SecondInstance;
const clients: SseClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await b.close();
  await a.close();
});

const HOUR = 3_600_000;

describe('a call on one instance, a display on another', () => {
  it("reaches B's display stream through the call feed, not the cursor watch", async () => {
    a = await startDisplayPlatform();
    b = await startSecondInstance(a, { limits: { watchMs: HOUR } });
    const rowId = await addStaffRow(a.sql, 'alice');
    const staff: ConsoleUser = {
      userId: `U-${rowId}`,
      username: 'alice',
      displayName: 'alice',
      role: 'countyAdmin',
      scope: { kind: 'county' },
      disabled: false,
      createdAt: a.clock.now().toISOString(),
      lastLoginAt: null,
    };
    await defineWindow(
      a.sql,
      { stationId: STATION, windowNo: 1, label: '1号窗口', serviceCodes: ['general'] },
      a.clock.now(),
    );
    const ticket = await a.issueTicket('general');

    const display = await openSse(`${b.origin}${callDisplayPaths.stream(STATION)}`);
    clients.push(display);
    expect(display.status).toBe(200);
    expect((await display.next()).event).toBe('board');
    // B listens from its first display on; a probe through A's feed proves B's LISTEN is in force
    // before the call (a NOTIFY sent earlier would reach nobody, and the watch is an hour away).
    let probed = false;
    const stopProbe = b.feed.subscribe('probe-station', () => (probed = true));
    while (!probed) {
      a.feed.notify('probe-station');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stopProbe();

    // Instance A's window endpoint: the console handlers the /console/api routes run.
    const handlers = createQueueConsoleHandlers(a.ctx);
    const call = { user: staff, params: { stationId: STATION, windowNo: 1 }, ip: '203.0.113.7', now: a.clock.now() };
    expect((await handlers.openQueueWindow({ ...call, query: undefined, body: {} })).ok).toBe(true);
    const called = await handlers.callNextTicket({ ...call, query: undefined, body: {} });
    expect(called.ok && called.value.current?.ticketId).toBe(ticket.ticketId);

    const event = await display.next(10_000);
    expect(event.event).toBe('call');
    expect(CallEntry.parse(JSON.parse(event.data))).toMatchObject({
      ticketNo: ticket.ticketNo,
      windowNo: 1,
      kind: 'called',
    });
  }, 30_000);
});
