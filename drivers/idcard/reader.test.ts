import { afterEach, describe, expect, it } from 'vitest';
import type { IdCardEvent } from '../../core/api/devices';
import { createMemoryTransportPair } from '../transport/memory-transport';
import type { IdCard } from './card';
import { createIdCardEmulator, type IdCardEmulator } from './emulator';
import type { DriverLogger } from './exchange';
import { elderlyResident, hongKongPermit, womanResident } from './fixtures';
import { encodeResponse, type SamRequest } from './protocol';
import { createIdCardReader, type IdCardReader } from './reader';

interface Logged {
  level: string;
  fields: Record<string, unknown>;
  msg: string;
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function setUp(options: { pollIntervalMs?: number; readAttemptsPerPlacement?: number } = {}) {
  const pair = createMemoryTransportPair();
  const emulator = createIdCardEmulator({ transport: pair.device });
  await emulator.start();
  const logs: Logged[] = [];
  const logger: DriverLogger = {
    info: (fields, msg) => logs.push({ level: 'info', fields, msg }),
    warn: (fields, msg) => logs.push({ level: 'warn', fields, msg }),
    debug: (fields, msg) => logs.push({ level: 'debug', fields, msg }),
  };
  const reader = createIdCardReader({
    transport: pair.host,
    pollIntervalMs: options.pollIntervalMs ?? 5,
    requestTimeoutMs: 60,
    readTimeoutMs: 200,
    readAttemptsPerPlacement: options.readAttemptsPerPlacement,
    logger,
  });
  const events: { event: IdCardEvent; card: IdCard | null }[] = [];
  reader.onCardEvent((event, card) => events.push({ event, card }));
  cleanup.push(
    () => emulator.stop(),
    () => reader.disconnect(),
  );
  return { pair, emulator, reader, events, logs };
}

function nextEvent(reader: IdCardReader, type: IdCardEvent['type']) {
  return new Promise<{ event: IdCardEvent; card: IdCard | null }>((resolve) => {
    const stop = reader.onCardEvent((event, card) => {
      if (event.type !== type) return;
      stop();
      resolve({ event, card });
    });
  });
}

/** Resolves once the emulator has seen `count` more requests matching `match`. */
function requestsSeen(emulator: IdCardEmulator, count: number, match: (r: SamRequest) => boolean) {
  return new Promise<void>((resolve) => {
    let seen = 0;
    const stop = emulator.onRequest((r) => {
      if (match(r) && ++seen >= count) {
        stop();
        resolve();
      }
    });
  });
}
const isFind = (r: SamRequest) => r.cmd === 0x20 && r.para === 0x01;
const isRead = (r: SamRequest) => r.cmd === 0x30;

describe('ID card reader: connect and probe', () => {
  it('connects with SAM status + SAM ID and reports the identity', async () => {
    const { reader, emulator } = await setUp();
    expect(await reader.connect()).toEqual({
      ok: true,
      value: { model: 'SAM (GA/T 467) reader', serial: '05.01-20260101-0001234567-0089012345', firmware: null },
    });
    expect(emulator.requests.map((r) => [r.cmd, r.para])).toEqual([
      [0x11, 0xff],
      [0x12, 0xff],
    ]);
    expect(reader.kind).toBe('idCardReader');
  });

  it('reports a silent reader as offline/noResponse after one retry, and closes the port', async () => {
    const { reader, emulator, pair } = await setUp();
    emulator.setSilent(true);
    const connected = await reader.connect();
    expect(connected.ok).toBe(false);
    expect(!connected.ok && connected.error).toMatchObject({ state: 'offline', code: 'noResponse' });
    expect(emulator.requests.length).toBe(2); // the request and exactly one retry
    expect(pair.host.isOpen).toBe(false);
  });

  it('reports a reader that answers only garbage as garbledReplies', async () => {
    const pair = createMemoryTransportPair();
    await pair.device.open();
    pair.device.onData(() => void pair.device.write(Uint8Array.of(0xaa, 0xaa, 0x13, 0x37, 0x96, 0x69, 0x00)));
    const reader = createIdCardReader({ transport: pair.host, pollIntervalMs: 5, requestTimeoutMs: 40 });
    cleanup.push(() => reader.disconnect());
    const connected = await reader.connect();
    expect(!connected.ok && connected.error).toMatchObject({ state: 'offline', code: 'garbledReplies' });
  });

  it('probe: online, SAM unauthorised (66), SAM self-test failed (60), silent', async () => {
    const { reader, emulator } = await setUp();
    await reader.connect();
    expect(await reader.probe()).toEqual({ ok: true, value: expect.objectContaining({ state: 'online', code: 'ok' }) });
    emulator.setSam('unauthorised');
    expect(await reader.probe()).toEqual({
      ok: true,
      value: expect.objectContaining({ state: 'hardwareError', code: 'samUnauthorised', action: 'maintenance' }),
    });
    emulator.setSam('selfTestFailed');
    expect(await reader.probe()).toEqual({
      ok: true,
      value: expect.objectContaining({ state: 'hardwareError', code: 'samSelfTestFailed' }),
    });
    emulator.setSam('ok');
    emulator.setSilent(true);
    expect(await reader.probe()).toEqual({
      ok: false,
      error: expect.objectContaining({ state: 'offline', code: 'noResponse' }),
    });
  });

  it('connects to a reader whose SAM is unauthorised (probe reports it) with no serial', async () => {
    const { reader, emulator } = await setUp();
    emulator.setSam('unauthorised');
    const connected = await reader.connect();
    expect(connected.ok && connected.value.serial).toBe(null);
  });

  it('maps a missing port to noDevice/portMissing', async () => {
    const pair = createMemoryTransportPair();
    const transport = {
      ...pair.host,
      open: () => Promise.resolve({ ok: false as const, error: { code: 'notFound' as const, message: 'gone' } }),
    };
    const reader = createIdCardReader({ transport, pollIntervalMs: 5 });
    expect(await reader.connect()).toEqual({
      ok: false,
      error: { state: 'noDevice', code: 'portMissing', detail: 'gone' },
    });
  });
});

describe('ID card reader: poll loop', () => {
  it('insert → present + read (masked and full card); stays quiet while the card lies there; remove → removed', async () => {
    const { reader, emulator, events } = await setUp();
    await reader.connect();
    reader.startPolling();
    const read = nextEvent(reader, 'read');
    emulator.insertCard(elderlyResident);
    const { event, card } = await read;
    expect(event).toEqual({
      type: 'read',
      card: { cardType: 'resident', nameMasked: '王*例', idNumberMasked: '3707**********0035' },
    });
    expect(card).toEqual(elderlyResident);
    // §11: the same placement is not read twice.
    await requestsSeen(emulator, 5, isFind);
    expect(emulator.requests.filter(isRead).length).toBe(1);
    const removed = nextEvent(reader, 'removed');
    emulator.removeCard();
    await removed;
    expect(events.map((e) => e.event.type)).toEqual(['present', 'read', 'removed']);
    expect(events.filter((e) => e.event.type !== 'read').every((e) => e.card === null)).toBe(true);

    const again = nextEvent(reader, 'read');
    emulator.insertCard(hongKongPermit);
    expect((await again).card).toEqual(hongKongPermit);
  });

  it('retries a failed read once without telling anyone, then reports failed and waits for removal', async () => {
    const { reader, emulator, events } = await setUp();
    await reader.connect();
    reader.startPolling();
    emulator.failNextRead();
    const read = nextEvent(reader, 'read');
    emulator.insertCard(womanResident);
    expect((await read).card).toEqual(womanResident);
    expect(events.map((e) => e.event.type)).toEqual(['present', 'read']);

    emulator.removeCard();
    await nextEvent(reader, 'removed');
    emulator.failNextRead();
    emulator.failNextRead();
    const failed = nextEvent(reader, 'failed');
    emulator.insertCard(womanResident);
    expect((await failed).event).toEqual({ type: 'failed', code: 'readFailed' });
    const readsAfterFailure = emulator.requests.filter(isRead).length;
    await requestsSeen(emulator, 5, isFind);
    expect(emulator.requests.filter(isRead).length).toBe(readsAfterFailure);
  });

  it('reports a card with a bad check digit as invalidCardData, without retrying', async () => {
    const { reader, emulator } = await setUp();
    await reader.connect();
    reader.startPolling();
    const failed = nextEvent(reader, 'failed');
    emulator.insertCard({ ...elderlyResident, idNumber: '370784194803150036' });
    expect((await failed).event).toEqual({ type: 'failed', code: 'invalidCardData' });
    expect(emulator.requests.filter(isRead).length).toBe(1);
  });

  it('still reads through garbage and split frames', async () => {
    const { reader, emulator } = await setUp();
    await reader.connect();
    emulator.setSplitFrames(true);
    await emulator.sendGarbage(300);
    reader.startPolling();
    const read = nextEvent(reader, 'read');
    emulator.insertCard(elderlyResident);
    void emulator.sendGarbage(50);
    expect((await read).card).toEqual(elderlyResident);
  });

  it('skips a frame nobody asked for instead of taking it as the answer', async () => {
    const pair = createMemoryTransportPair();
    const emulator = createIdCardEmulator({ transport: pair.device });
    await emulator.start();
    // Before each find answer, a stray "select ok" (e.g. late from an earlier timed-out request).
    emulator.onRequest((r) => {
      if (isFind(r)) void pair.device.write(encodeResponse({ sw3: 0x90, data: new Uint8Array(8) }));
    });
    const reader = createIdCardReader({ transport: pair.host, pollIntervalMs: 5, requestTimeoutMs: 60 });
    cleanup.push(
      () => emulator.stop(),
      () => reader.disconnect(),
    );
    await reader.connect();
    reader.startPolling();
    const read = nextEvent(reader, 'read');
    emulator.insertCard(elderlyResident);
    expect((await read).card).toEqual(elderlyResident);
  });

  it("does not take a find's late 'no card' for the SAM's status", async () => {
    const pair = createMemoryTransportPair();
    const emulator = createIdCardEmulator({ transport: pair.device });
    await emulator.start();
    const reader = createIdCardReader({ transport: pair.host, pollIntervalMs: 5, requestTimeoutMs: 60 });
    cleanup.push(
      () => emulator.stop(),
      () => reader.disconnect(),
    );
    await reader.connect();
    // Before the status answer, the 80 of a find that had timed out (a busy machine).
    emulator.onRequest((r) => {
      if (r.cmd === 0x11 && r.para === 0xff) void pair.device.write(encodeResponse({ sw3: 0x80 }));
    });
    const probed = await reader.probe();
    expect(probed).toMatchObject({ ok: true, value: { state: 'online' } });
  });

  it('never logs names, numbers or addresses', async () => {
    const { reader, emulator, logs } = await setUp();
    await reader.connect();
    reader.startPolling();
    const read = nextEvent(reader, 'read');
    emulator.insertCard(elderlyResident);
    await read;
    emulator.removeCard();
    await nextEvent(reader, 'removed');
    const text = JSON.stringify(logs);
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [elderlyResident.name, elderlyResident.idNumber, elderlyResident.address, '3707**']) {
      expect(text).not.toContain(secret);
    }
  });

  it('a listener that throws does not stop the loop', async () => {
    const { reader, emulator } = await setUp();
    await reader.connect();
    reader.onCardEvent(() => {
      throw new Error('listener bug');
    });
    reader.startPolling();
    const read = nextEvent(reader, 'read');
    emulator.insertCard(elderlyResident);
    await read;
    const removed = nextEvent(reader, 'removed');
    emulator.removeCard();
    await removed;
  });
});

describe('ID card reader: unplug, disconnect, waitForCard', () => {
  it('unplug fires onLost (noDevice/disconnected) and stops polling', async () => {
    const { reader, pair } = await setUp();
    await reader.connect();
    reader.startPolling();
    const lost = new Promise((resolve) => reader.onLost(resolve));
    pair.unplug();
    expect(await lost).toMatchObject({ state: 'noDevice', code: 'disconnected' });
    expect(reader.polling).toBe(false);
  });

  it('disconnect stops polling, closes the transport, fires no onLost and never throws (twice)', async () => {
    const { reader, pair } = await setUp();
    await reader.connect();
    reader.startPolling();
    let lost = 0;
    reader.onLost(() => (lost += 1));
    await reader.disconnect();
    await reader.disconnect();
    expect(reader.polling).toBe(false);
    expect(pair.host.isOpen).toBe(false);
    expect(lost).toBe(0);
  });

  it('waitForCard resolves with the next card read, and stops the polling it started', async () => {
    const { reader, emulator } = await setUp();
    await reader.connect();
    const waiting = reader.waitForCard(5_000);
    await requestsSeen(emulator, 1, isFind);
    emulator.insertCard(womanResident);
    expect(await waiting).toEqual({ ok: true, value: womanResident });
    expect(reader.polling).toBe(false);
  });

  it('waitForCard times out, reports failures, and refuses when not connected', async () => {
    const { reader, emulator } = await setUp();
    expect(await reader.waitForCard(50)).toMatchObject({ ok: false, error: { kind: 'deviceUnavailable' } });
    await reader.connect();
    expect(await reader.waitForCard(50)).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    emulator.failNextRead();
    emulator.failNextRead();
    const waiting = reader.waitForCard(5_000);
    emulator.insertCard(womanResident);
    expect(await waiting).toMatchObject({ ok: false, error: { kind: 'readFailed', code: 'readFailed' } });
  });

  it('readSamId returns the display string', async () => {
    const { reader } = await setUp();
    await reader.connect();
    expect(await reader.readSamId()).toEqual({ ok: true, value: '05.01-20260101-0001234567-0089012345' });
  });

  it('decodePhoto is null without a licensed decoder and passes photo + SAM ID to one', async () => {
    const { reader } = await setUp();
    await reader.connect();
    expect(await reader.decodePhoto(elderlyResident)).toBe(null);
    const pair = createMemoryTransportPair();
    const emulator = createIdCardEmulator({ transport: pair.device });
    await emulator.start();
    const calls: [Uint8Array, string][] = [];
    const withDecoder = createIdCardReader({
      transport: pair.host,
      pollIntervalMs: 5,
      photoDecoder: {
        decode: (photo, samId) => (calls.push([photo, samId]), Promise.resolve(Uint8Array.of(0x42, 0x4d))),
      },
    });
    cleanup.push(
      () => emulator.stop(),
      () => withDecoder.disconnect(),
    );
    await withDecoder.connect();
    expect(await withDecoder.decodePhoto(elderlyResident)).toEqual(Uint8Array.of(0x42, 0x4d));
    expect(calls).toEqual([[elderlyResident.photoWlt, '05.01-20260101-0001234567-0089012345']]);
  });
});
