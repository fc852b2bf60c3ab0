import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openPlatformDb } from '../db/open';
import { sqliteSqlDb } from '../db/sqlite-sql';
import { testEngine } from '../testing/test-database';
import { createPlatformSealer, DATA_KEY_BYTES } from '../sealing/sealer';
import { makeTempDir } from '../testing/harness';
import { openWindow } from './calling';
import { defineWindow } from './windows';
import { addStaffRow, callEvents, insertWaitingTicket, registerQueueKiosk, STATION, TUESDAY_NINE } from './testing';

/**
 * Two windows calling at the same moment, for real: two processes (concurrent-caller.ts) on one
 * SQLite file in WAL mode, each calling, starting and finishing as fast as it can until the 200
 * tickets are gone. Every ticket must be called exactly once, by one window (ticket_events), and
 * neither process may fail on SQLITE_BUSY. SQLite only: the PostgreSQL counterpart, two platform
 * instances on one database, is calling.twins.test.ts.
 */

const TICKETS = 200;
const ROUNDS = 3;
const CALLER = fileURLToPath(new URL('./concurrent-caller.ts', import.meta.url));
const temp = makeTempDir();
afterAll(() => temp.remove());

interface CallerReport {
  readonly windowNo: number;
  readonly called: readonly string[];
  readonly busy: number;
}

function startCaller(args: readonly string[]): { child: ChildProcessWithoutNullStreams; lines: AsyncIterator<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CALLER, ...args], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('exit', (code) => {
    if (code !== 0) console.error(`caller ${args[3] ?? ''} exited ${String(code)}: ${stderr}`);
  });
  return { child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
}

async function nextLine(lines: AsyncIterator<string>): Promise<string> {
  const next = await lines.next();
  if (next.done === true) throw new Error('the caller ended without answering');
  return next.value;
}

async function round(index: number): Promise<void> {
  const path = `${temp.dir}/round-${index}.sqlite`;
  const key = randomBytes(DATA_KEY_BYTES);
  const opened = openPlatformDb(path, createPlatformSealer(key));
  if (!opened.ok) throw new Error(opened.error.kind);
  const db = sqliteSqlDb(opened.value);
  await registerQueueKiosk(db);
  const staff = [await addStaffRow(db, 'alice'), await addStaffRow(db, 'bob')];
  for (const windowNo of [1, 2]) {
    await defineWindow(
      db,
      { stationId: STATION, windowNo, label: `${windowNo}号窗口`, serviceCodes: ['social-insurance', 'general'] },
      TUESDAY_NINE,
    );
    await openWindow(
      db,
      { stationId: STATION, windowNo },
      { userId: staff[windowNo - 1] ?? 0, admin: false },
      TUESDAY_NINE,
    );
  }
  for (let i = 0; i < TICKETS; i += 1) {
    await insertWaitingTicket(db, {
      serviceCode: i % 2 === 0 ? 'general' : 'social-insurance',
      issuedAt: new Date(TUESDAY_NINE.getTime() - (TICKETS - i) * 1000),
      priorityClass: i % 7 === 0 ? 'elderly' : 'normal',
    });
  }

  const callers = [1, 2].map((windowNo) =>
    startCaller([
      path,
      key.toString('hex'),
      STATION,
      String(windowNo),
      String(staff[windowNo - 1]),
      TUESDAY_NINE.toISOString(),
    ]),
  );
  for (const caller of callers) expect(await nextLine(caller.lines)).toBe('ready');
  for (const caller of callers) caller.child.stdin.end('go\n');
  const reports = await Promise.all(
    callers.map(async (caller) => JSON.parse(await nextLine(caller.lines)) as CallerReport),
  );
  await Promise.all(
    callers.map(
      (caller) =>
        new Promise<void>((resolve) => {
          if (caller.child.exitCode !== null) resolve();
          else caller.child.once('exit', () => resolve());
        }),
    ),
  );
  expect(callers.map((caller) => caller.child.exitCode)).toEqual([0, 0]);

  const calledByWindows = reports.flatMap((report) => report.called);
  expect(calledByWindows).toHaveLength(TICKETS);
  expect(new Set(calledByWindows).size).toBe(TICKETS);
  // Both windows really called, turn about (they ran at the same time, not one after the other).
  for (const report of reports) expect(report.called.length).toBeGreaterThan(0);
  const events = await callEvents(db);
  const windowsInCallOrder = events.map((event) => event.windowNo);
  const turns = windowsInCallOrder.filter((windowNo, i) => i > 0 && windowsInCallOrder[i - 1] !== windowNo).length;
  // SQLite's busy handler backs off (1, 2, 5, 10 … ms), so one window takes runs of calls while
  // the other sleeps; the runs changing hands at least twice shows the two overlapped in time.
  expect(turns).toBeGreaterThanOrEqual(2);

  const perTicket = await db.all<{ ticketId: string; calls: number; windows: number }>(
    `SELECT t.ticket_id AS "ticketId", count(e.event_id) AS calls, count(DISTINCT e.window_no) AS windows
     FROM tickets t LEFT JOIN ticket_events e ON e.ticket_id = t.ticket_id AND e.kind = 'called'
     GROUP BY t.ticket_id`,
  );
  expect(perTicket).toHaveLength(TICKETS);
  expect(perTicket.filter((row) => row.calls !== 1 || row.windows !== 1)).toEqual([]);
  for (const report of reports) {
    const byEvents = events.filter((event) => event.windowNo === report.windowNo).map((event) => event.ticketId);
    expect(byEvents).toEqual(report.called);
  }
  const finished = await db.get<{ count: number }>(
    "SELECT count(*) AS count FROM ticket_states WHERE status = 'finished'",
  );
  expect(finished?.count).toBe(TICKETS);
  console.log(
    `round ${index}: window 1 called ${reports[0]?.called.length}, window 2 ${reports[1]?.called.length}, ` +
      `${turns} changes of window between consecutive calls; ` +
      `SQLITE_BUSY past busy_timeout: ${reports.map((report) => report.busy).join(' + ')}`,
  );
  await db.close();
}

describe.runIf(testEngine() === 'sqlite')('two windows calling at the same moment', () => {
  it(`never give the same ticket to both (${ROUNDS} rounds of ${TICKETS} tickets, two processes, one WAL file)`, async () => {
    for (let index = 0; index < ROUNDS; index += 1) await round(index);
  }, 180_000);
});
