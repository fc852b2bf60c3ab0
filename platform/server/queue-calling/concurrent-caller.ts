import { createInterface } from 'node:readline';
import { openPlatformDb } from '../db/open';
import { sqliteSqlDb } from '../db/sqlite-sql';
import { createPlatformSealer } from '../sealing/sealer';
import { chinaDay } from '../time';
import { waitingForWindow } from './live-queue';
import { callNext, finish, startServing, type Actor, type WindowKey } from './calling';

/**
 * One window of the concurrency test (calling.concurrency.test.ts), run as its own process on the
 * shared database file: waits for "go" on stdin, then calls, starts and finishes tickets as fast
 * as it can until nobody waits, and prints what it did as one JSON line. A SQLITE_BUSY that
 * outlasts busy_timeout is counted and retried, never a crash.
 *
 * argv: <db path> <data key hex> <station> <window no> <staff user row id> <ISO time of "now">
 */

const [dbPath, keyHex, stationId, windowText, userText, nowText] = process.argv.slice(2);
if (!dbPath || !keyHex || !stationId || !windowText || !userText || !nowText) {
  throw new Error('usage: concurrent-caller <db> <key hex> <station> <window> <user row id> <now>');
}
const opened = openPlatformDb(dbPath, createPlatformSealer(Buffer.from(keyHex, 'hex')));
if (!opened.ok) throw new Error(`cannot open ${dbPath}: ${opened.error.kind}`);
const db = sqliteSqlDb(opened.value);
const key: WindowKey = { stationId, windowNo: Number(windowText) };
const actor: Actor = { userId: Number(userText), admin: false };
const now = new Date(nowText);

function isBusy(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY');
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));
let busy = 0;
async function retrying<T>(step: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await step();
    } catch (error) {
      if (!isBusy(error)) throw error;
      busy += 1;
    }
  }
}

async function run(): Promise<void> {
  const called: string[] = [];
  for (;;) {
    const outcome = await retrying(() => callNext(db, key, actor, now));
    if (!outcome.ok) {
      if (outcome.error !== 'noTicketWaiting') throw new Error(`call refused: ${outcome.error}`);
      break;
    }
    called.push(outcome.value.ticketId ?? '');
    const started = await retrying(() => startServing(db, key, actor, now));
    const finished = await retrying(() => finish(db, key, actor, now));
    if (!started.ok || !finished.ok) throw new Error('start or finish refused');
    // A millisecond between tickets, as a request's round trip would leave: without any gap
    // SQLite's busy handler lets one process take every lock while the other sleeps in its retry.
    Atomics.wait(PAUSE, 0, 0, 1);
  }
  await db.close();
  process.stdout.write(`${JSON.stringify({ windowNo: key.windowNo, called, busy })}\n`);
}

// Warm up (compile the statements, page the database in) so both windows start at full speed.
await waitingForWindow(db, stationId, chinaDay(now), { windowNo: key.windowNo, serviceCodes: [] }, 1);
process.stdout.write('ready\n');
const input = createInterface({ input: process.stdin });
input.once('line', () => {
  input.close();
  run().catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
});
