import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleUser } from '../../contract/console/users';
import { createCallFeed } from '../call-feed';
import { createConsoleTestPlatform } from '../console/testing/console-platform';
import { sampleQueueServices } from '../sample/queue-services';
import { registerTerminal } from '../store/terminals';
import { createQueueConsoleHandlers } from './console-handlers';
import { addStaffRow, issue, openQueueDb, STATION, TUESDAY_NINE } from './testing';

let db: Database.Database;
beforeEach(() => {
  db = openQueueDb();
});
afterEach(() => db.close());

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

function setUp() {
  const feed = createCallFeed();
  const nudges: string[] = [];
  feed.subscribe(STATION, () => nudges.push(STATION));
  const handlers = createQueueConsoleHandlers({ db, queueServices: sampleQueueServices, callFeed: feed });
  const staff = userOf(addStaffRow(db, 'alice'), 'stationStaff', { kind: 'station', stationId: STATION });
  const elsewhere = userOf(addStaffRow(db, 'bob'), 'stationStaff', { kind: 'station', stationId: 'another-station' });
  const township = userOf(addStaffRow(db, 'carol'), 'townshipAdmin', { kind: 'township', townshipCode: '370784107' });
  const county = userOf(addStaffRow(db, 'dave'), 'countyAdmin', { kind: 'county' });
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
  return { handlers, nudges, staff, elsewhere, township, county, call, at, list };
}

describe('queue-calling console handlers', () => {
  it("runs a window: seeded windows, open, call, recall, start, finish, with the station's displays nudged", async () => {
    const { handlers, nudges, staff, at, list } = setUp();
    const ticket = issue(db, 'general', TUESDAY_NINE);
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
    expect(nudges).toHaveLength(1);
    await handlers.recallTicket(at(staff));
    expect(nudges).toHaveLength(2);
    await handlers.startTicket(at(staff));
    const finished = await handlers.finishTicket(at(staff));
    expect(nudges).toHaveLength(2);
    expect(finished.ok && finished.value).toMatchObject({ current: null, servedToday: 1 });
  });

  it('answers conflicts with a code the page can show', async () => {
    const { handlers, staff, county, at, list } = setUp();
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
    const { handlers, elsewhere, township, county, call, at, list } = setUp();
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
      registerTerminal(platform.db, { id: 'kiosk-s1', stationId: 'station-1', token: 'b'.repeat(43) }, TUESDAY_NINE);
      await platform.addUser('staffer', 'stationStaff');
      const browser = await platform.signIn('staffer');
      const base = '/console/api/queue/stations/station-1/windows/3';
      expect(
        (await platform.request('GET', '/console/api/queue/windows?station=station-1', { as: browser })).status,
      ).toBe(200);
      expect((await platform.request('POST', `${base}/open`, { as: browser, body: {} })).status).toBe(200);
      issue(platform.db, 'general', TUESDAY_NINE, 'normal', 'station-1', 'kiosk-s1');
      const called = await platform.request('POST', `${base}/call-next`, { as: browser, body: {} });
      expect(called.status).toBe(200);
      expect(called.json<{ current: { ticketNo: string } }>().current.ticketNo).toBe('C001');
      const busy = await platform.request('POST', `${base}/call-next`, { as: browser, body: {} });
      expect(busy.status).toBe(409);
      const audit = platform.db
        .prepare("SELECT action, target, outcome FROM console_audit WHERE action LIKE 'ticket.%' ORDER BY audit_id")
        .all();
      expect(audit).toEqual([
        { action: 'ticket.called', target: 'stationId=station-1 windowNo=3', outcome: 'ok' },
        { action: 'ticket.called', target: 'stationId=station-1 windowNo=3', outcome: 'failed' },
      ]);
    } finally {
      await platform.close();
    }
  });
});
