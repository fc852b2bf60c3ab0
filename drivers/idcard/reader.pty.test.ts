import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IdCardEvent } from '../../core/api/devices';
import { openPtyPair, type PtyPair } from '../transport/pty-pair';
import { createSerialTransport } from '../transport/serial-transport';
import type { IdCard } from './card';
import { createIdCardEmulator, type IdCardEmulator } from './emulator';
import { elderlyResident, foreignPermanent2023, hongKongPermit } from './fixtures';
import { createIdCardReader, type IdCardReader } from './reader';

/**
 * The real driver and the emulator on the two ends of a socat PTY pair, each through the real
 * serialport binding at 115200 (the emulator paces its replies to that wire speed).
 */
const socatMissing = spawnSync('socat', ['-V']).error !== undefined;
if (socatMissing) console.warn('reader.pty.test.ts skipped: socat is not installed (apt-get install socat)');

const BAUD = 115200;
const dir = mkdtempSync(join(tmpdir(), 'idcard-pty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nextEvent(reader: IdCardReader, type: IdCardEvent['type']) {
  return new Promise<{ event: IdCardEvent; card: IdCard | null }>((resolve) => {
    const stop = reader.onCardEvent((event, card) => {
      if (event.type !== type) return;
      stop();
      resolve({ event, card });
    });
  });
}

async function plugIn(): Promise<{ pair: PtyPair; emulator: IdCardEmulator }> {
  // The same folder each time, so the reader's port path survives the "replug".
  const opened = await openPtyPair({ dir });
  if (!opened.ok) throw new Error(`socat: ${opened.error.message}`);
  const emulator = createIdCardEmulator({
    transport: createSerialTransport({ path: opened.value.devicePath, baudRate: BAUD }),
    baudRate: BAUD,
  });
  const started = await emulator.start();
  if (!started.ok) throw new Error(`emulator: ${started.error.message}`);
  return { pair: opened.value, emulator };
}

describe.skipIf(socatMissing)('ID card reader over a socat PTY pair at 115200', () => {
  it('reads, removes, reports SAM and silence, survives garbage and split frames, unplug and replug', async () => {
    let { pair, emulator } = await plugIn();
    const reader = createIdCardReader({
      transport: createSerialTransport({ path: join(dir, 'host'), baudRate: BAUD }),
      pollIntervalMs: 20,
      requestTimeoutMs: 150,
    });
    try {
      expect(await reader.connect()).toMatchObject({
        ok: true,
        value: { serial: '05.01-20260101-0001234567-0089012345' },
      });

      // insert → present + read, fields decoded
      reader.startPolling();
      const present = nextEvent(reader, 'present');
      const read = nextEvent(reader, 'read');
      emulator.insertCard(elderlyResident);
      await present;
      const { event, card } = await read;
      expect(event).toMatchObject({ card: { cardType: 'resident', idNumberMasked: '3707**********0035' } });
      expect(card).toMatchObject({
        name: '王示例',
        nation: { name: '汉' },
        validTo: 'long-term',
        birthDate: '1948-03-15',
      });
      expect(card?.photoWlt).toEqual(elderlyResident.photoWlt);

      // remove → removed
      const removed = nextEvent(reader, 'removed');
      emulator.removeCard();
      await removed;
      await reader.stopPolling();

      // SAM unauthorised → probe reports it; silent → offline
      emulator.setSam('unauthorised');
      expect(await reader.probe()).toMatchObject({
        ok: true,
        value: { state: 'hardwareError', code: 'samUnauthorised' },
      });
      emulator.setSam('ok');
      emulator.setSilent(true);
      expect(await reader.probe()).toMatchObject({ ok: false, error: { state: 'offline', code: 'noResponse' } });
      emulator.setSilent(false);
      expect(await reader.probe()).toMatchObject({ ok: true, value: { state: 'online' } });

      // garbage and split frames → still reads
      emulator.setSplitFrames(true);
      await emulator.sendGarbage(500);
      reader.startPolling();
      const readThroughNoise = nextEvent(reader, 'read');
      emulator.insertCard(hongKongPermit);
      void emulator.sendGarbage(64);
      expect((await readThroughNoise).card).toEqual(hongKongPermit);
      emulator.setSplitFrames(false);

      // unplug → onLost. serialport does not always notice a vanished pty by itself
      // (serialport#2043), so, as the device manager does, the next probe finds out.
      // Polling is paused first: a poll write racing the port's own close makes
      // serial-transport.ts raise an uncaught EIO (it drops its 'error' listener on close and the
      // failed write emits 'error' afterwards). Reported to the lead; not fixable from drivers/idcard.
      await reader.stopPolling();
      const lost = new Promise((resolve) => reader.onLost(resolve));
      await pair.close();
      expect(await reader.probe()).toMatchObject({ ok: false, error: { state: 'noDevice', code: 'disconnected' } });
      expect(await lost).toMatchObject({ state: 'noDevice', code: 'disconnected' });
      expect(reader.polling).toBe(false);
      await emulator.stop();

      // replug (same path) + connect → reads again
      ({ pair, emulator } = await plugIn());
      expect((await reader.connect()).ok).toBe(true);
      reader.startPolling();
      const readAgain = nextEvent(reader, 'read');
      emulator.insertCard(foreignPermanent2023);
      expect((await readAgain).card).toEqual(foreignPermanent2023);
    } finally {
      await reader.disconnect();
      await emulator.stop();
      await pair.close();
    }
  }, 15_000);
});
