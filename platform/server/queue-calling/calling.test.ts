import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VILLAGE_QUEUE_SERVICES } from '../sample/queue-services';
import { queueServiceStatus, reportOfflineTickets, reserveTicketRange } from '../store/tickets';
import {
  callNext,
  closeWindow,
  finish,
  noShow,
  openWindow,
  pauseWindow,
  recall,
  startServing,
  transfer,
  type Actor,
  type WindowKey,
} from './calling';
import { calledTicket } from './window-view';
import { defineWindow, findWindow, listWindows, seedWindows } from './windows';
import type { SqlDb } from '../db/sql';
import { isUniqueViolation } from '../db/sql';
import type { TestDatabase } from '../testing/test-database';
import { addStaffRow, issue, KIOSK, minutesAfter, openQueueDb, STATION, TUESDAY_NINE } from './testing';

const SERVICES = VILLAGE_QUEUE_SERVICES;
const CODES = SERVICES.map((service) => service.serviceCode);
const W1: WindowKey = { stationId: STATION, windowNo: 1 };
const W2: WindowKey = { stationId: STATION, windowNo: 2 };
const W9: WindowKey = { stationId: STATION, windowNo: 9 };

let database: TestDatabase;
let sql: SqlDb;
let alice: Actor;
let bob: Actor;
let clock: number;
/** Every step a minute later, so times and orders are distinct. */
const tick = () => minutesAfter(TUESDAY_NINE, (clock += 1));

beforeEach(async () => {
  database = await openQueueDb();
  sql = database.db;
  clock = 0;
  alice = { userId: await addStaffRow(sql, 'alice'), admin: false };
  bob = { userId: await addStaffRow(sql, 'bob'), admin: false };
  // Window 1 and 2 both call 社保医保 and 综合受理; window 9 calls 民政救助 only.
  await defineWindow(
    sql,
    { stationId: STATION, windowNo: 1, label: '1号窗口', serviceCodes: ['social-insurance', 'general'] },
    TUESDAY_NINE,
  );
  await defineWindow(
    sql,
    { stationId: STATION, windowNo: 2, label: '2号窗口', serviceCodes: ['social-insurance', 'general'] },
    TUESDAY_NINE,
  );
  await defineWindow(
    sql,
    { stationId: STATION, windowNo: 9, label: '9号窗口', serviceCodes: ['civil-affairs'] },
    TUESDAY_NINE,
  );
});
afterEach(() => database.close());

const called = async (key: WindowKey, actor: Actor) => {
  const outcome = await callNext(sql, key, actor, tick());
  if (!outcome.ok) throw new Error(`call refused: ${outcome.error}`);
  return calledTicket(sql, outcome.value.ticketId ?? '', SERVICES);
};
const events = (ticketId: string) =>
  sql.all<{ kind: string; windowNo: number | null; staff: number | null; detail: string | null }>(
    'SELECT kind, window_no AS "windowNo", staff_user_id AS staff, detail FROM ticket_events WHERE ticket_id = ? ORDER BY event_id',
    [ticketId],
  );

describe('the staff verbs at a window', () => {
  it('stores every ticket as waiting in the transaction that issues it, online and offline', async () => {
    const online = await issue(sql, 'general', tick());
    const service = SERVICES.find((entry) => entry.serviceCode === 'civil-affairs');
    if (!service) throw new Error('service');
    const range = await sql.transaction((tx) =>
      reserveTicketRange(tx, service, { terminalId: KIOSK, stationId: STATION, day: '2025-03-04', size: 4 }, tick()),
    );
    if (!range.ok) throw new Error(range.error);
    const batch = await sql.transaction((tx) =>
      reportOfflineTickets(
        tx,
        service,
        KIOSK,
        range.value.rangeId,
        [
          {
            number: range.value.first,
            ticketNo: `B${String(range.value.first).padStart(3, '0')}`,
            priority: 'normal',
            appointmentId: null,
            issuedAt: tick().toISOString(),
          },
        ],
        tick(),
      ),
    );
    expect(batch.accepted).toHaveLength(1);
    const states = await sql.all(
      'SELECT ticket_id AS "ticketId", queue_service AS service, status, day FROM ticket_states ORDER BY ticket_id',
    );
    expect(states).toEqual([
      { ticketId: online.ticketId, service: 'general', status: 'waiting', day: '2025-03-04' },
      { ticketId: batch.accepted[0]?.ticketId, service: 'civil-affairs', status: 'waiting', day: '2025-03-04' },
    ]);
  });

  it('calls the highest priority first, then in order of issue across the window’s services', async () => {
    const a1 = await issue(sql, 'social-insurance', tick());
    const c1 = await issue(sql, 'general', tick());
    const elderly = await issue(sql, 'general', tick(), 'elderly');
    const b1 = await issue(sql, 'civil-affairs', tick());
    const appointment = await issue(sql, 'social-insurance', tick(), 'appointment');
    expect((await openWindow(sql, W1, alice, tick())).ok).toBe(true);
    const order: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const ticket = await called(W1, alice);
      order.push(ticket?.ticketNo ?? '');
      expect((await noShow(sql, W1, alice, tick())).ok).toBe(true);
    }
    expect(order).toEqual([appointment.ticketNo, elderly.ticketNo, a1.ticketNo, c1.ticketNo]);
    expect(await callNext(sql, W1, alice, tick())).toEqual({ ok: false, error: 'noTicketWaiting' });
    // 民政救助 is window 9's.
    expect((await openWindow(sql, W9, bob, tick())).ok).toBe(true);
    expect((await called(W9, bob))?.ticketNo).toBe(b1.ticketNo);
  });

  it('keeps every time of a ticket and an event for every step, with the window and the staff user', async () => {
    const ticket = await issue(sql, 'general', tick());
    await openWindow(sql, W1, alice, tick());
    const calledAt = minutesAfter(TUESDAY_NINE, clock + 1).toISOString();
    await called(W1, alice);
    expect((await recall(sql, W1, alice, tick())).ok).toBe(true);
    expect((await recall(sql, W1, alice, tick())).ok).toBe(true);
    expect((await startServing(sql, W1, alice, tick())).ok).toBe(true);
    expect(await recall(sql, W1, alice, tick())).toEqual({ ok: false, error: 'wrongTicketState' });
    expect((await finish(sql, W1, alice, tick())).ok).toBe(true);
    const state = await calledTicket(sql, ticket.ticketId, SERVICES);
    expect(state).toMatchObject({
      status: 'finished',
      issuedAt: ticket.issuedAt,
      calledAt,
      firstCalledAt: calledAt,
      recallCount: 2,
      recalledAt: minutesAfter(TUESDAY_NINE, 5).toISOString(),
      startedAt: minutesAfter(TUESDAY_NINE, 6).toISOString(),
      finishedAt: minutesAfter(TUESDAY_NINE, 8).toISOString(),
      noShowAt: null,
    });
    expect(await events(ticket.ticketId)).toEqual([
      { kind: 'called', windowNo: 1, staff: alice.userId, detail: JSON.stringify({ ticketNo: ticket.ticketNo }) },
      { kind: 'recalled', windowNo: 1, staff: alice.userId, detail: JSON.stringify({ recallCount: 1 }) },
      { kind: 'recalled', windowNo: 1, staff: alice.userId, detail: JSON.stringify({ recallCount: 2 }) },
      { kind: 'started', windowNo: 1, staff: alice.userId, detail: null },
      { kind: 'finished', windowNo: 1, staff: alice.userId, detail: null },
    ]);
  });

  it('marks a no-show with its time and frees the window for the next ticket', async () => {
    const first = await issue(sql, 'general', tick());
    const second = await issue(sql, 'general', tick());
    await openWindow(sql, W1, alice, tick());
    await called(W1, alice);
    expect(await finish(sql, W1, alice, tick())).toEqual({ ok: false, error: 'wrongTicketState' });
    expect((await noShow(sql, W1, alice, tick())).ok).toBe(true);
    expect(await calledTicket(sql, first.ticketId, SERVICES)).toMatchObject({
      status: 'noShow',
      noShowAt: expect.any(String),
    });
    expect((await called(W1, alice))?.ticketId).toBe(second.ticketId);
    expect((await noShow(sql, W1, alice, tick())).ok).toBe(true);
    expect(await noShow(sql, W1, alice, tick())).toEqual({ ok: false, error: 'noCurrentTicket' });
  });

  it('holds one ticket per window: a second call while one is active is refused', async () => {
    await issue(sql, 'general', tick());
    await issue(sql, 'general', tick());
    await openWindow(sql, W1, alice, tick());
    await called(W1, alice);
    expect(await callNext(sql, W1, alice, tick())).toEqual({ ok: false, error: 'windowBusy' });
    expect(await closeWindow(sql, W1, alice, tick())).toEqual({ ok: false, error: 'windowBusy' });
    const active = await sql.get<{ count: number }>(
      "SELECT count(*) AS count FROM ticket_states WHERE status IN ('called', 'serving')",
    );
    expect(active?.count).toBe(1);
    // And the database itself refuses a second active ticket at the window.
    const second = sql.run("UPDATE ticket_states SET status = 'called', window_no = 1 WHERE status = 'waiting'");
    await expect(second).rejects.toSatisfy(isUniqueViolation);
  });

  it('transfers to another service: back to waiting there with its number, called by a window of that service', async () => {
    const ticket = await issue(sql, 'general', tick());
    await openWindow(sql, W1, alice, tick());
    await openWindow(sql, W9, bob, tick());
    await called(W1, alice);
    expect(await transfer(sql, W1, alice, { toService: 'nope' }, CODES, tick())).toEqual({
      ok: false,
      error: 'unknownService',
    });
    expect((await transfer(sql, W1, alice, { toService: 'civil-affairs' }, CODES, tick())).ok).toBe(true);
    expect(await calledTicket(sql, ticket.ticketId, SERVICES)).toMatchObject({
      status: 'waiting',
      ticketNo: ticket.ticketNo,
      serviceCode: 'civil-affairs',
      transferredAt: expect.any(String),
    });
    expect(await callNext(sql, W1, alice, tick())).toEqual({ ok: false, error: 'noTicketWaiting' });
    const again = await called(W9, bob);
    expect(again).toMatchObject({ ticketId: ticket.ticketId, ticketNo: ticket.ticketNo, status: 'called' });
    expect(again?.firstCalledAt).not.toBe(again?.calledAt);
    expect((await events(ticket.ticketId)).map((event) => [event.kind, event.windowNo])).toEqual([
      ['called', 1],
      ['transferred', 1],
      ['called', 9],
    ]);
  });

  it('transfers to a window: only that window calls it, before later tickets of the same order', async () => {
    const ticket = await issue(sql, 'general', tick());
    const later = await issue(sql, 'general', tick());
    await openWindow(sql, W1, alice, tick());
    await openWindow(sql, W2, bob, tick());
    await called(W1, alice);
    expect(await transfer(sql, W1, alice, { toWindow: 1 }, CODES, tick())).toEqual({
      ok: false,
      error: 'unknownWindow',
    });
    expect(await transfer(sql, W1, alice, { toWindow: 42 }, CODES, tick())).toEqual({
      ok: false,
      error: 'unknownWindow',
    });
    expect((await transfer(sql, W1, alice, { toWindow: 9 }, CODES, tick())).ok).toBe(true);
    // Window 2 calls 综合受理 but the transferred ticket is window 9's now.
    expect((await called(W2, bob))?.ticketId).toBe(later.ticketId);
    await openWindow(sql, W9, { userId: await addStaffRow(sql, 'carol'), admin: false }, tick());
    const carol = { userId: (await findWindow(sql, STATION, 9))?.staffUserId ?? 0, admin: false };
    expect((await called(W9, carol))?.ticketId).toBe(ticket.ticketId);
  });

  it('refuses verbs at a window one does not sit at, a taken window and a paused one', async () => {
    await issue(sql, 'general', tick());
    expect(await callNext(sql, W1, alice, tick())).toEqual({ ok: false, error: 'notAtWindow' });
    expect(await callNext(sql, { stationId: STATION, windowNo: 50 }, alice, tick())).toEqual({
      ok: false,
      error: 'noSuchWindow',
    });
    await openWindow(sql, W1, alice, tick());
    expect(await openWindow(sql, W1, bob, tick())).toEqual({ ok: false, error: 'windowTaken' });
    expect(await callNext(sql, W1, bob, tick())).toEqual({ ok: false, error: 'notAtWindow' });
    expect(await closeWindow(sql, W1, bob, tick())).toEqual({ ok: false, error: 'windowTaken' });
    expect((await pauseWindow(sql, W1, alice, tick())).ok).toBe(true);
    expect(await callNext(sql, W1, alice, tick())).toEqual({ ok: false, error: 'windowPaused' });
    expect((await openWindow(sql, W1, alice, tick())).ok).toBe(true);
    // An admin may close a window someone left open (when no ticket is at it).
    expect((await closeWindow(sql, W1, { userId: bob.userId, admin: true }, tick())).ok).toBe(true);
    expect(await findWindow(sql, STATION, 1)).toMatchObject({ status: 'closed', staffUserId: null, staffName: null });
  });

  it("calls today's tickets only", async () => {
    await issue(sql, 'general', tick());
    const nextDay = new Date(TUESDAY_NINE.getTime() + 24 * 3600_000);
    await openWindow(sql, W1, alice, nextDay);
    expect(await callNext(sql, W1, alice, nextDay)).toEqual({ ok: false, error: 'noTicketWaiting' });
  });
});

describe('windows and the kiosk’s waiting counts', () => {
  it('seeds one window per service for a station without any, once', async () => {
    await seedWindows(sql, 'other-station', SERVICES, TUESDAY_NINE);
    await seedWindows(sql, 'other-station', SERVICES, TUESDAY_NINE);
    expect(
      (await listWindows(sql, 'other-station')).map((window) => [window.windowNo, window.label, window.serviceCodes]),
    ).toEqual([
      [1, '1号窗口', ['social-insurance']],
      [2, '2号窗口', ['civil-affairs']],
      [3, '3号窗口', ['general']],
    ]);
    await seedWindows(sql, STATION, SERVICES, TUESDAY_NINE);
    expect((await listWindows(sql, STATION)).map((window) => window.windowNo)).toEqual([1, 2, 9]);
  });

  it('counts the real queue once a window opened today, the simulated clerk before', async () => {
    const general = SERVICES.find((service) => service.serviceCode === 'general');
    if (!general) throw new Error('service');
    const start = new Date('2025-03-04T00:05:00.000Z'); // 08:05, the clerk starts at 08:00
    for (let i = 0; i < 4; i += 1) await issue(sql, 'general', minutesAfter(start, i));
    const at = minutesAfter(start, 60);
    // Nobody at a window: the simulated clerk (8 minutes a ticket) has called them all by 09:05.
    expect((await queueServiceStatus(sql, STATION, general, at)).waiting).toBe(0);
    await openWindow(sql, W1, alice, at);
    expect(await queueServiceStatus(sql, STATION, general, at)).toMatchObject({ waiting: 4, estimatedWaitMinutes: 32 });
    await callNext(sql, W1, alice, at);
    await openWindow(sql, W2, bob, at);
    // Three waiting, two windows calling 综合受理: 3 × 8 / 2 minutes.
    expect(await queueServiceStatus(sql, STATION, general, at)).toMatchObject({ waiting: 3, estimatedWaitMinutes: 12 });
    const mine = await issue(sql, 'general', at);
    expect(mine).toMatchObject({ waitingAhead: 3 });
    const elderly = await issue(sql, 'general', at, 'elderly');
    expect(elderly).toMatchObject({ waitingAhead: 0, estimatedWaitMinutes: 0 });
  });
});
