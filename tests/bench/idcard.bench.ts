import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IdCardEvent } from '../../core/api/devices';
import { createIdCardEmulator } from '../../drivers/idcard/emulator';
import { elderlyResident } from '../../drivers/idcard/fixtures';
import { createIdCardReader, type IdCardReader } from '../../drivers/idcard/reader';
import { openPtyPair } from '../../drivers/transport/pty-pair';
import { createSerialTransport } from '../../drivers/transport/serial-transport';
import { summarise, times, type Summary } from './measure';

const BAUD = 115200;
/** The loop's find period here: the kiosk config's minimum (docs/devices/id-card.md §11: 100–1000 ms). */
const POLL_INTERVAL_MS = 100;
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
 * emulator pacing its replies to 115200 baud. Includes the wait for the next find (0–100 ms,
 * placement at a random moment of the cycle).
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
    for (let i = 0; i < times(SAMPLES); i++) {
      if (i > 0) {
        const removed = nextEvent(reader, 'removed');
        emulator.removeCard();
        await removed;
      }
      // A resident places the card at any moment of the poll cycle, not right after a find.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * POLL_INTERVAL_MS));
      const read = nextEvent(reader, 'read');
      const started = performance.now();
      emulator.insertCard(elderlyResident);
      await read;
      insertToRead.push(performance.now() - started);
    }
    return [
      summarise(`idcard: card placed → decoded card (poll ${POLL_INTERVAL_MS} ms, PTY @${BAUD})`, insertToRead),
      floor,
    ];
  } finally {
    await reader.disconnect();
    await emulator.stop();
    await pair.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
