import { afterEach, describe, expect, it } from 'vitest';
import type { SqlDb } from '../db/sql';
import { ephemeralSealer } from '../sealing/sealer';
import { openTestDatabase, type TestDatabase } from '../testing/test-database';
import { callNext, finish, openWindow, startServing, type Actor, type WindowKey } from './calling';
import { addStaffRow, callEvents, insertWaitingTicket, registerQueueKiosk, STATION, TUESDAY_NINE } from './testing';
import { defineWindow } from './windows';

/**
 * Two platform instances on one database (each its own connection pool on PostgreSQL, where
 * requests fired at both really run at once), four windows calling the same queue as fast as they
 * can: every ticket is called exactly once, by one window. On SQLite the twins share the one
 * connection, so the same test checks that transactions interleaving on it stay apart; two
 * processes on one SQLite file are calling.concurrency.test.ts.
 */

const TICKETS = 120;
const SERVICES = ['social-insurance', 'general'];

let database: TestDatabase;
afterEach(() => database.close());

interface Window {
  readonly sql: SqlDb;
  readonly key: WindowKey;
  readonly actor: Actor;
}

async function setUp(): Promise<{ a: SqlDb; b: SqlDb; windows: Window[] }> {
  database = await openTestDatabase(ephemeralSealer());
  const a = database.db;
  const b = await database.openSecond();
  await registerQueueKiosk(a);
  const windows: Window[] = [];
  for (const windowNo of [1, 2, 3, 4]) {
    const actor: Actor = { userId: await addStaffRow(a, `staff${windowNo}`), admin: false };
    const key: WindowKey = { stationId: STATION, windowNo };
    await defineWindow(a, { ...key, label: `${windowNo}号窗口`, serviceCodes: SERVICES }, TUESDAY_NINE);
    expect((await openWindow(a, key, actor, TUESDAY_NINE)).ok).toBe(true);
    // Windows 1 and 3 are on instance A, 2 and 4 on instance B.
    windows.push({ sql: windowNo % 2 === 1 ? a : b, key, actor });
  }
  for (let i = 0; i < TICKETS; i += 1) {
    await insertWaitingTicket(a, {
      serviceCode: SERVICES[i % 2] ?? 'general',
      issuedAt: new Date(TUESDAY_NINE.getTime() - (TICKETS - i) * 1000),
      priorityClass: i % 5 === 0 ? 'elderly' : 'normal',
    });
  }
  return { a, b, windows };
}

/** Calls, starts and finishes until nobody waits; the tickets this window called, in order. */
async function work(window: Window): Promise<string[]> {
  const called: string[] = [];
  for (;;) {
    const outcome = await callNext(window.sql, window.key, window.actor, TUESDAY_NINE);
    if (!outcome.ok) {
      expect(outcome.error).toBe('noTicketWaiting');
      return called;
    }
    called.push(outcome.value.ticketId ?? '');
    expect((await startServing(window.sql, window.key, window.actor, TUESDAY_NINE)).ok).toBe(true);
    expect((await finish(window.sql, window.key, window.actor, TUESDAY_NINE)).ok).toBe(true);
  }
}

describe('four windows on two platform instances calling one queue at once', () => {
  it('call every ticket exactly once, each by one window', async () => {
    const { a, windows } = await setUp();
    const reports = await Promise.all(windows.map(work));

    const all = reports.flat();
    expect(all).toHaveLength(TICKETS);
    expect(new Set(all).size).toBe(TICKETS);
    const events = await callEvents(a);
    expect(events).toHaveLength(TICKETS);
    windows.forEach((window, index) => {
      expect(events.filter((event) => event.windowNo === window.key.windowNo).map((event) => event.ticketId)).toEqual(
        reports[index],
      );
    });
    // Both instances called (the windows really ran side by side).
    expect((reports[0]?.length ?? 0) + (reports[2]?.length ?? 0)).toBeGreaterThan(0);
    expect((reports[1]?.length ?? 0) + (reports[3]?.length ?? 0)).toBeGreaterThan(0);
    const finished = await a.get<{ count: number }>(
      "SELECT count(*) AS count FROM ticket_states WHERE status = 'finished'",
    );
    expect(finished?.count).toBe(TICKETS);
  }, 120_000);

  it('give one window one ticket when both instances press "call" on it at the same moment', async () => {
    const { a, b, windows } = await setUp();
    const first = windows[0];
    if (!first) throw new Error('window 1');
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => callNext(i % 2 === 0 ? a : b, first.key, first.actor, TUESDAY_NINE)),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => !outcome.ok && outcome.error)).toEqual(
      Array.from({ length: 9 }, () => 'windowBusy'),
    );
    const active = await a.get<{ count: number }>(
      "SELECT count(*) AS count FROM ticket_states WHERE status IN ('called', 'serving')",
    );
    expect(active?.count).toBe(1);
    expect(await callEvents(a)).toHaveLength(1);
  }, 60_000);
});
