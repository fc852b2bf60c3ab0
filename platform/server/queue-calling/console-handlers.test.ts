import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleUser } from '../../contract/console/users';
import { createCallFeed } from '../call-feed';
import { createConsoleTestPlatform } from '../console/testing/console-platform';
import { sampleQueueServices } from '../sample/queue-services';
import { registerTerminal } from '../store/terminals';
import { eventually } from '../call-display/calls.testing';
import type { SqlDb } from '../db/sql';
import type { TestDatabase } from '../testing/test-database';
import { createQueueConsoleHandlers } from './console-handlers';
import { addStaffRow, issue, openQueueDb, STATION, TUESDAY_NINE } from './testing';

let database: TestDatabase;
let sql: SqlDb;
beforeEach(async () => {
  database = await openQueueDb();
  sql = database.db;
});
afterEach(() => database.close());

const userOf = (rowId: number, role: ConsoleUser['role'], scope: ConsoleUser['scope']): ConsoleUser => ({
  userId: `U-${rowId}`,
  username: `user${rowId}`,
  displayName: `user${rowId}`,
  role,
  scope,
  disabled: false,
  createdAt: TUESDAY_NINE.toISOString(),
  lastLoginAt: null,
});

/** A station no handler nudges: a marker that every nudge sent before it has arrived. */
const MARKER = 'marker-station';

async function setUp() {
  const feed = createCallFeed(sql);
  // Nudges arrive asynchronously (a NOTIFY on PostgreSQL, a settled promise on SQLite), in order.
  const nudges: string[] = [];
  feed.subscribe(STATION, () => nudges.push(STATION));
  feed.subscribe(MARKER, () => nudges.push(MARKER));
  const handlers = createQueueConsoleHandlers({ sql, queueServices: sampleQueueServices, callFeed: feed });
  const staff = userOf(await addStaffRow(sql, 'alice'), 'stationStaff', { kind: 'station', stationId: STATION });
  const elsewhere = userOf(await addStaffRow(sql, 'bob'), 'stationStaff', {
    kind: 'station',
    stationId: 'another-station',
  });
  const township = userOf(await addStaffRow(sql, 'carol'), 'townshipAdmin', {
    kind: 'township',
    townshipCode: '370784107',
  });
  const county = userOf(await addStaffRow(sql, 'dave'), 'countyAdmin', { kind: 'county' });
  const call = { ip: '203.0.113.7', now: TUESDAY_NINE };
  const at = (user: ConsoleUser, windowNo = 3) => ({
    ...call,
    user,
    params: { stationId: STATION, windowNo },
    query: undefined,
    body: {},
  });
  const list = (user: ConsoleUser, station?: string) =>
    handlers.listQueueWindows({
      ...call,
      user,
      params: undefined,
      body: undefined,
      query: station === undefined ? {} : { station },
    });
  return { handlers, feed, nudges, staff, elsewhere, township, county, call, at, list };
}

describe('queue-calling console handlers', () => {
  it("runs a window: seeded windows, open, call, recall, start, finish, with the station's displays nudged", async () => {
    const { handlers, feed, nudges, staff, at, list } = await setUp();
    const ticket = await issue(sql, 'general', TUESDAY_NINE);
    const listed = await list(staff, STATION);
    if (!listed.ok) throw new Error(listed.error.detail);
    expect(listed.value.stations.map((station) => station.stationId)).toEqual([STATION]);
    expect(listed.value.stations[0]?.windows.map((window) => window.serviceCodes)).toEqual([
      ['social-insurance'],
      ['civil-affairs'],
      ['general'],
    ]);
    const opened = await handlers.openQueueWindow(at(staff));
    expect(opened.ok && opened.value.window).toMatchObject({ status: 'open', staffIsMe: true, staffName: 'alice' });
    expect(opened.ok && opened.value.next).toEqual([ticket.ticketNo]);
    const calledView = await handlers.callNextTicket(at(staff));
    if (!calledView.ok) throw new Error(calledView.error.detail);
    expect(calledView.value.current).toMatchObject({ ticketNo: ticket.ticketNo, status: 'called' });
    expect(calledView.value.waiting).toEqual([{ serviceCode: 'general', name: '综合受理', waiting: 0 }]);
    await eventually(() => nudges.length >= 1, 10_000);
    expect(nudges).toEqual([STATION]);
    await handlers.recallTicket(at(staff));
    await eventually(() => nudges.length >= 2, 10_000);
    await handlers.startTicket(at(staff));
    const finished = await handlers.finishTicket(at(staff));
    // Starting and finishing nudge nobody: once the marker sent after them has arrived, the
    // call and the recall are still the only nudges of the station.
    feed.notify(MARKER);
    await eventually(() => nudges.includes(MARKER), 10_000);
    expect(nudges).toEqual([STATION, STATION, MARKER]);
    expect(finished.ok && finished.value).toMatchObject({ current: null, servedToday: 1 });
  });

  it('answers conflicts with a code the page can show', async () => {
    const { handlers, staff, county, at, list } = await setUp();
    await list(staff, STATION);
    expect(await handlers.callNextTicket(at(staff))).toMatchObject({
      ok: false,
      error: { kind: 'conflict', detail: expect.stringMatching(/^notAtWindow/) },
    });
    await handlers.openQueueWindow(at(staff));
    expect(await handlers.openQueueWindow(at(county))).toMatchObject({
      ok: false,
      error: { kind: 'conflict', detail: expect.stringMatching(/^windowTaken/) },
    });
    expect(await handlers.callNextTicket(at(staff))).toMatchObject({
      ok: false,
      error: { kind: 'conflict', detail: expect.stringMatching(/^noTicketWaiting/) },
    });
    expect(await handlers.transferTicket({ ...at(staff), body: { toWindow: 1 } })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', detail: expect.stringMatching(/^noCurrentTicket/) },
    });
  });

  it('refuses stations outside the scope as not found, and lets admins define windows of known services only', async () => {
    const { handlers, elsewhere, township, county, call, at, list } = await setUp();
    await list(county, STATION);
    for (const user of [elsewhere, township]) {
      expect(await handlers.getQueueWindow({ ...at(user), body: undefined })).toMatchObject({
        ok: false,
        error: { kind: 'notFound' },
      });
      expect(await handlers.openQueueWindow(at(user))).toMatchObject({ ok: false, error: { kind: 'notFound' } });
      const listed = await list(user);
      expect(listed.ok && listed.value.stations).toEqual([]);
      expect(await list(user, STATION)).toMatchObject({ ok: false, error: { kind: 'notFound' } });
    }
    const define = (user: ConsoleUser, serviceCodes: string[]) =>
      handlers.defineQueueWindow({
        ...call,
        query: undefined,
        user,
        params: { stationId: STATION },
        body: { windowNo: 5, label: '综合窗口', serviceCodes },
      });
    expect(await define(township, ['general'])).toMatchObject({ ok: false, error: { kind: 'notFound' } });
    expect(await define(county, ['general', 'no-such'])).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    expect(await define(county, ['general', 'civil-affairs'])).toMatchObject({
      ok: true,
      value: { windowNo: 5, label: '综合窗口', serviceCodes: ['general', 'civil-affairs'], status: 'closed' },
    });
  });
});

describe('queue-calling over HTTP', () => {
  it('calls a ticket through the console API and writes the audit log', async () => {
    const platform = await createConsoleTestPlatform({ now: () => TUESDAY_NINE });
    try {
      await registerTerminal(
        platform.sql,
        { id: 'kiosk-s1', stationId: 'station-1', token: 'b'.repeat(43) },
        TUESDAY_NINE,
      );
      await platform.addUser('staffer', 'stationStaff');
      const browser = await platform.signIn('staffer');
      const base = '/console/api/queue/stations/station-1/windows/3';
      expect(
        (await platform.request('GET', '/console/api/queue/windows?station=station-1', { as: browser })).status,
      ).toBe(200);
      expect((await platform.request('POST', `${base}/open`, { as: browser, body: {} })).status).toBe(200);
      await issue(platform.sql, 'general', TUESDAY_NINE, 'normal', 'station-1', 'kiosk-s1');
      const called = await platform.request('POST', `${base}/call-next`, { as: browser, body: {} });
      expect(called.status).toBe(200);
      expect(called.json<{ current: { ticketNo: string } }>().current.ticketNo).toBe('C001');
      const busy = await platform.request('POST', `${base}/call-next`, { as: browser, body: {} });
      expect(busy.status).toBe(409);
      const audit = await platform.sql.all(
        "SELECT action, target, outcome FROM console_audit WHERE action LIKE 'ticket.%' ORDER BY audit_id",
      );
      expect(audit).toEqual([
        { action: 'ticket.called', target: 'stationId=station-1 windowNo=3', outcome: 'ok' },
        { action: 'ticket.called', target: 'stationId=station-1 windowNo=3', outcome: 'failed' },
      ]);
    } finally {
      await platform.close();
    }
  });
});
