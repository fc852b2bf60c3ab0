import type Database from 'better-sqlite3';
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
import { addStaffRow, issue, KIOSK, minutesAfter, openQueueDb, STATION, TUESDAY_NINE } from './testing';

const SERVICES = VILLAGE_QUEUE_SERVICES;
const CODES = SERVICES.map((service) => service.serviceCode);
const W1: WindowKey = { stationId: STATION, windowNo: 1 };
const W2: WindowKey = { stationId: STATION, windowNo: 2 };
const W9: WindowKey = { stationId: STATION, windowNo: 9 };

let db: Database.Database;
let alice: Actor;
let bob: Actor;
let clock: number;
/** Every step a minute later, so times and orders are distinct. */
const tick = () => minutesAfter(TUESDAY_NINE, (clock += 1));

beforeEach(() => {
  db = openQueueDb();
  clock = 0;
  alice = { userId: addStaffRow(db, 'alice'), admin: false };
  bob = { userId: addStaffRow(db, 'bob'), admin: false };
  // Window 1 and 2 both call 社保医保 and 综合受理; window 9 calls 民政救助 only.
  defineWindow(
    db,
    { stationId: STATION, windowNo: 1, label: '1号窗口', serviceCodes: ['social-insurance', 'general'] },
    TUESDAY_NINE,
  );
  defineWindow(
    db,
    { stationId: STATION, windowNo: 2, label: '2号窗口', serviceCodes: ['social-insurance', 'general'] },
    TUESDAY_NINE,
  );
  defineWindow(
    db,
    { stationId: STATION, windowNo: 9, label: '9号窗口', serviceCodes: ['civil-affairs'] },
    TUESDAY_NINE,
  );
});
afterEach(() => db.close());

const called = (key: WindowKey, actor: Actor) => {
  const outcome = callNext(db, key, actor, tick());
  if (!outcome.ok) throw new Error(`call refused: ${outcome.error}`);
  return calledTicket(db, outcome.value.ticketId ?? '', SERVICES);
};
const events = (ticketId: string) =>
  db
    .prepare(
      'SELECT kind, window_no AS windowNo, staff_user_id AS staff, detail FROM ticket_events WHERE ticket_id = ? ORDER BY event_id',
    )
    .all(ticketId) as { kind: string; windowNo: number | null; staff: number | null; detail: string | null }[];

describe('the staff verbs at a window', () => {
  it('stores every ticket as waiting in the transaction that issues it, online and offline', () => {
    const online = issue(db, 'general', tick());
    const service = SERVICES.find((entry) => entry.serviceCode === 'civil-affairs');
    if (!service) throw new Error('service');
    const range = reserveTicketRange(
      db,
      service,
      { terminalId: KIOSK, stationId: STATION, day: '2025-03-04', size: 4 },
      tick(),
    );
    if (!range.ok) throw new Error(range.error);
    const batch = reportOfflineTickets(
      db,
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
    );
    expect(batch.accepted).toHaveLength(1);
    const states = db
      .prepare(
        'SELECT ticket_id AS ticketId, queue_service AS service, status, day FROM ticket_states ORDER BY ticket_id',
      )
      .all();
    expect(states).toEqual([
      { ticketId: online.ticketId, service: 'general', status: 'waiting', day: '2025-03-04' },
      { ticketId: batch.accepted[0]?.ticketId, service: 'civil-affairs', status: 'waiting', day: '2025-03-04' },
    ]);
  });

  it('calls the highest priority first, then in order of issue across the window’s services', () => {
    const a1 = issue(db, 'social-insurance', tick());
    const c1 = issue(db, 'general', tick());
    const elderly = issue(db, 'general', tick(), 'elderly');
    const b1 = issue(db, 'civil-affairs', tick());
    const appointment = issue(db, 'social-insurance', tick(), 'appointment');
    expect(openWindow(db, W1, alice, tick()).ok).toBe(true);
    const order: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const ticket = called(W1, alice);
      order.push(ticket?.ticketNo ?? '');
      expect(noShow(db, W1, alice, tick()).ok).toBe(true);
    }
    expect(order).toEqual([appointment.ticketNo, elderly.ticketNo, a1.ticketNo, c1.ticketNo]);
    expect(callNext(db, W1, alice, tick())).toEqual({ ok: false, error: 'noTicketWaiting' });
    // 民政救助 is window 9's.
    expect(openWindow(db, W9, bob, tick()).ok).toBe(true);
    expect(called(W9, bob)?.ticketNo).toBe(b1.ticketNo);
  });

  it('keeps every time of a ticket and an event for every step, with the window and the staff user', () => {
    const ticket = issue(db, 'general', tick());
    openWindow(db, W1, alice, tick());
    const calledAt = minutesAfter(TUESDAY_NINE, clock + 1).toISOString();
    called(W1, alice);
    expect(recall(db, W1, alice, tick()).ok).toBe(true);
    expect(recall(db, W1, alice, tick()).ok).toBe(true);
    expect(startServing(db, W1, alice, tick()).ok).toBe(true);
    expect(recall(db, W1, alice, tick())).toEqual({ ok: false, error: 'wrongTicketState' });
    expect(finish(db, W1, alice, tick()).ok).toBe(true);
    const state = calledTicket(db, ticket.ticketId, SERVICES);
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
    expect(events(ticket.ticketId)).toEqual([
      { kind: 'called', windowNo: 1, staff: alice.userId, detail: JSON.stringify({ ticketNo: ticket.ticketNo }) },
      { kind: 'recalled', windowNo: 1, staff: alice.userId, detail: JSON.stringify({ recallCount: 1 }) },
      { kind: 'recalled', windowNo: 1, staff: alice.userId, detail: JSON.stringify({ recallCount: 2 }) },
      { kind: 'started', windowNo: 1, staff: alice.userId, detail: null },
      { kind: 'finished', windowNo: 1, staff: alice.userId, detail: null },
    ]);
  });

  it('marks a no-show with its time and frees the window for the next ticket', () => {
    const first = issue(db, 'general', tick());
    const second = issue(db, 'general', tick());
    openWindow(db, W1, alice, tick());
    called(W1, alice);
    expect(finish(db, W1, alice, tick())).toEqual({ ok: false, error: 'wrongTicketState' });
    expect(noShow(db, W1, alice, tick()).ok).toBe(true);
    expect(calledTicket(db, first.ticketId, SERVICES)).toMatchObject({
      status: 'noShow',
      noShowAt: expect.any(String),
    });
    expect(called(W1, alice)?.ticketId).toBe(second.ticketId);
    expect(noShow(db, W1, alice, tick()).ok).toBe(true);
    expect(noShow(db, W1, alice, tick())).toEqual({ ok: false, error: 'noCurrentTicket' });
  });

  it('holds one ticket per window: a second call while one is active is refused', () => {
    issue(db, 'general', tick());
    issue(db, 'general', tick());
    openWindow(db, W1, alice, tick());
    called(W1, alice);
    expect(callNext(db, W1, alice, tick())).toEqual({ ok: false, error: 'windowBusy' });
    expect(closeWindow(db, W1, alice, tick())).toEqual({ ok: false, error: 'windowBusy' });
    const active = db.prepare("SELECT count(*) FROM ticket_states WHERE status IN ('called', 'serving')").pluck().get();
    expect(active).toBe(1);
    // And the database itself refuses a second active ticket at the window.
    expect(() =>
      db.prepare("UPDATE ticket_states SET status = 'called', window_no = 1 WHERE status = 'waiting'").run(),
    ).toThrow(/UNIQUE/);
  });

  it('transfers to another service: back to waiting there with its number, called by a window of that service', () => {
    const ticket = issue(db, 'general', tick());
    openWindow(db, W1, alice, tick());
    openWindow(db, W9, bob, tick());
    called(W1, alice);
    expect(transfer(db, W1, alice, { toService: 'nope' }, CODES, tick())).toEqual({
      ok: false,
      error: 'unknownService',
    });
    expect(transfer(db, W1, alice, { toService: 'civil-affairs' }, CODES, tick()).ok).toBe(true);
    expect(calledTicket(db, ticket.ticketId, SERVICES)).toMatchObject({
      status: 'waiting',
      ticketNo: ticket.ticketNo,
      serviceCode: 'civil-affairs',
      transferredAt: expect.any(String),
    });
    expect(callNext(db, W1, alice, tick())).toEqual({ ok: false, error: 'noTicketWaiting' });
    const again = called(W9, bob);
    expect(again).toMatchObject({ ticketId: ticket.ticketId, ticketNo: ticket.ticketNo, status: 'called' });
    expect(again?.firstCalledAt).not.toBe(again?.calledAt);
    expect(events(ticket.ticketId).map((event) => [event.kind, event.windowNo])).toEqual([
      ['called', 1],
      ['transferred', 1],
      ['called', 9],
    ]);
  });

  it('transfers to a window: only that window calls it, before later tickets of the same order', () => {
    const ticket = issue(db, 'general', tick());
    const later = issue(db, 'general', tick());
    openWindow(db, W1, alice, tick());
    openWindow(db, W2, bob, tick());
    called(W1, alice);
    expect(transfer(db, W1, alice, { toWindow: 1 }, CODES, tick())).toEqual({ ok: false, error: 'unknownWindow' });
    expect(transfer(db, W1, alice, { toWindow: 42 }, CODES, tick())).toEqual({ ok: false, error: 'unknownWindow' });
    expect(transfer(db, W1, alice, { toWindow: 9 }, CODES, tick()).ok).toBe(true);
    // Window 2 calls 综合受理 but the transferred ticket is window 9's now.
    expect(called(W2, bob)?.ticketId).toBe(later.ticketId);
    openWindow(db, W9, { userId: addStaffRow(db, 'carol'), admin: false }, tick());
    const carol = { userId: findWindow(db, STATION, 9)?.staffUserId ?? 0, admin: false };
    expect(called(W9, carol)?.ticketId).toBe(ticket.ticketId);
  });

  it('refuses verbs at a window one does not sit at, a taken window and a paused one', () => {
    issue(db, 'general', tick());
    expect(callNext(db, W1, alice, tick())).toEqual({ ok: false, error: 'notAtWindow' });
    expect(callNext(db, { stationId: STATION, windowNo: 50 }, alice, tick())).toEqual({
      ok: false,
      error: 'noSuchWindow',
    });
    openWindow(db, W1, alice, tick());
    expect(openWindow(db, W1, bob, tick())).toEqual({ ok: false, error: 'windowTaken' });
    expect(callNext(db, W1, bob, tick())).toEqual({ ok: false, error: 'notAtWindow' });
    expect(closeWindow(db, W1, bob, tick())).toEqual({ ok: false, error: 'windowTaken' });
    expect(pauseWindow(db, W1, alice, tick()).ok).toBe(true);
    expect(callNext(db, W1, alice, tick())).toEqual({ ok: false, error: 'windowPaused' });
    expect(openWindow(db, W1, alice, tick()).ok).toBe(true);
    // An admin may close a window someone left open (when no ticket is at it).
    expect(closeWindow(db, W1, { userId: bob.userId, admin: true }, tick()).ok).toBe(true);
    expect(findWindow(db, STATION, 1)).toMatchObject({ status: 'closed', staffUserId: null, staffName: null });
  });

  it("calls today's tickets only", () => {
    issue(db, 'general', tick());
    const nextDay = new Date(TUESDAY_NINE.getTime() + 24 * 3600_000);
    openWindow(db, W1, alice, nextDay);
    expect(callNext(db, W1, alice, nextDay)).toEqual({ ok: false, error: 'noTicketWaiting' });
  });
});

describe('windows and the kiosk’s waiting counts', () => {
  it('seeds one window per service for a station without any, once', () => {
    seedWindows(db, 'other-station', SERVICES, TUESDAY_NINE);
    seedWindows(db, 'other-station', SERVICES, TUESDAY_NINE);
    expect(
      listWindows(db, 'other-station').map((window) => [window.windowNo, window.label, window.serviceCodes]),
    ).toEqual([
      [1, '1号窗口', ['social-insurance']],
      [2, '2号窗口', ['civil-affairs']],
      [3, '3号窗口', ['general']],
    ]);
    seedWindows(db, STATION, SERVICES, TUESDAY_NINE);
    expect(listWindows(db, STATION).map((window) => window.windowNo)).toEqual([1, 2, 9]);
  });

  it('counts the real queue once a window opened today, the simulated clerk before', () => {
    const general = SERVICES.find((service) => service.serviceCode === 'general');
    if (!general) throw new Error('service');
    const start = new Date('2025-03-04T00:05:00.000Z'); // 08:05, the clerk starts at 08:00
    for (let i = 0; i < 4; i += 1) issue(db, 'general', minutesAfter(start, i));
    const at = minutesAfter(start, 60);
    // Nobody at a window: the simulated clerk (8 minutes a ticket) has called them all by 09:05.
    expect(queueServiceStatus(db, STATION, general, at).waiting).toBe(0);
    openWindow(db, W1, alice, at);
    expect(queueServiceStatus(db, STATION, general, at)).toMatchObject({ waiting: 4, estimatedWaitMinutes: 32 });
    callNext(db, W1, alice, at);
    openWindow(db, W2, bob, at);
    // Three waiting, two windows calling 综合受理: 3 × 8 / 2 minutes.
    expect(queueServiceStatus(db, STATION, general, at)).toMatchObject({ waiting: 3, estimatedWaitMinutes: 12 });
    const mine = issue(db, 'general', at);
    expect(mine).toMatchObject({ waitingAhead: 3 });
    const elderly = issue(db, 'general', at, 'elderly');
    expect(elderly).toMatchObject({ waitingAhead: 0, estimatedWaitMinutes: 0 });
  });
});
