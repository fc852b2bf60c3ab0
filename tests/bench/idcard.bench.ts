import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IdCardEvent } from '../../core/api/devices';
import { createIdCardEmulator } from '../../drivers/idcard/emulator';
import { elderlyResident } from '../../drivers/idcard/fixtures';
import { createIdCardReader, type IdCardReader } from '../../drivers/idcard/reader';
import { openPtyPair } from '../../drivers/transport/pty-pair';
import { createSerialTransport } from '../../drivers/transport/serial-transport';
import { Command } from '../../drivers/idcard/commands';
import { compared, summarise, times, withNote, type Summary } from './measure';

const FIND_CARD = Command.findCard;

const BAUD = 115200;
/**
 * The station config's default find period (kiosk-config/schema.ts). While the reader answers, the
 * loop finds every MIN_FIND_GAP_MS or so instead (drivers/idcard/poll-loop.ts), so this no longer
 * decides how long a placed card waits.
 */
const POLL_INTERVAL_MS = 300;
/** Placements land at a random moment within this much time after the previous card left. */
const PLACEMENT_SPREAD_MS = 100;
const SAMPLES = 20;

/**
 * Bytes on the wire for one read (docs/devices/id-card.md §4/§5): find request 10 + answer 15,
 * select request 10 + answer 19, read request 10 + answer 1295. At 10 bits per byte (8N1).
 */
export const READ_WIRE_BYTES = 10 + 15 + 10 + 19 + 10 + 1295;
export const wireTimeMs = (bytes: number, baud: number) => (bytes * 10 * 1000) / baud;

function nextEvent(reader: IdCardReader, type: IdCardEvent['type']): Promise<void> {
  return new Promise((resolve) => {
    const stop = reader.onCardEvent((event) => {
      if (event.type !== type) return;
      stop();
      resolve();
    });
  });
}

/**
 * "Card placed" → decoded card through the real poll loop, over a socat PTY pair with the
 * emulator pacing its replies to 115200 baud, beside the wire-time floor: the bytes of find, select
 * and read at that rate. Includes the wait for the next find (placement at a random moment).
 */
export async function idCardBenchmarks(): Promise<Summary[]> {
  const floor = summarise(`idcard: wire-time floor (find+select+read, ${READ_WIRE_BYTES} B @${BAUD})`, [
    wireTimeMs(READ_WIRE_BYTES, BAUD),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'idcard-bench-'));
  const opened = await openPtyPair({ dir });
  if (!opened.ok) {
    rmSync(dir, { recursive: true, force: true });
    console.warn(`idcard benchmark skipped: ${opened.error.message}`);
    return [floor];
  }
  const pair = opened.value;
  const emulator = createIdCardEmulator({
    transport: createSerialTransport({ path: pair.devicePath, baudRate: BAUD }),
    baudRate: BAUD,
  });
  const reader = createIdCardReader({
    transport: createSerialTransport({ path: pair.hostPath, baudRate: BAUD }),
    pollIntervalMs: POLL_INTERVAL_MS,
  });
  try {
    if (!(await emulator.start()).ok) throw new Error('emulator did not start');
    const connected = await reader.connect();
    if (!connected.ok) throw new Error(`reader did not connect: ${connected.error.detail}`);
    reader.startPolling();
    // Only placing → read is timed; lifting the card between samples is not.
    const insertToRead: number[] = [];
    // Split at the first find the emulator hears after the placement: the wait is the poll gap's
    // share, the rest is find + select + read on the wire and the decoding.
    const waitForFind: number[] = [];
    for (let i = 0; i < times(SAMPLES); i++) {
      if (i > 0) {
        const removed = nextEvent(reader, 'removed');
        emulator.removeCard();
        await removed;
      }
      // A resident places the card at any moment of the poll cycle, not right after a find.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * PLACEMENT_SPREAD_MS));
      const read = nextEvent(reader, 'read');
      let findAt: number | null = null;
      const stopWatching = emulator.onRequest((request) => {
        if (findAt === null && request.cmd === FIND_CARD.cmd && request.para === FIND_CARD.para)
          findAt = performance.now();
      });
      const started = performance.now();
      emulator.insertCard(elderlyResident);
      await read;
      const done = performance.now();
      stopWatching();
      insertToRead.push(done - started);
      waitForFind.push((findAt ?? done) - started);
    }
    const read = summarise(
      `idcard: card placed → decoded card (PTY @${BAUD}, config period ${POLL_INTERVAL_MS} ms)`,
      insertToRead,
    );
    const wait = summarise('', waitForFind);
    return [
      withNote(
        compared(read, floor, 'p50', '≤ 1.15×'),
        `wait for the next find p50 ${wait.p50Ms} ms, p95 ${wait.p95Ms} ms (the rest is the exchange)`,
      ),
      floor,
    ];
  } finally {
    await reader.disconnect();
    await emulator.stop();
    await pair.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
