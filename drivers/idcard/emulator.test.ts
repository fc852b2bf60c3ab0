import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryTransportPair } from '../transport/memory-transport';
import type { ByteTransport } from '../transport/byte-transport';
import { requests } from './commands';
import { createIdCardEmulator, type IdCardEmulatorOptions } from './emulator';
import { createFrameParser } from './frame-parser';
import { elderlyResident } from './fixtures';
import { decodeResponse } from './protocol';
import { decodeIdCard, decodeReadPayload } from './read-payload';

const toHex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

/** The host end as a raw request/response pipe, no driver involved. */
function rawHost(host: ByteTransport) {
  const parser = createFrameParser();
  const queue: Uint8Array[] = [];
  const waiters: ((frame: Uint8Array) => void)[] = [];
  const chunks: Uint8Array[] = [];
  host.onData((chunk) => {
    chunks.push(chunk);
    for (const frame of parser.push(chunk)) {
      const waiter = waiters.shift();
      if (waiter) waiter(frame);
      else queue.push(frame);
    }
  });
  return {
    chunks,
    async ask(request: Uint8Array): Promise<Uint8Array> {
      const answer = new Promise<Uint8Array>((resolve) => {
        const queued = queue.shift();
        if (queued) resolve(queued);
        else waiters.push(resolve);
      });
      await host.write(request);
      return answer;
    },
  };
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup) await c();
  cleanup = [];
});

async function setUp(options: Partial<IdCardEmulatorOptions> = {}) {
  const pair = createMemoryTransportPair();
  await pair.host.open();
  const emulator = createIdCardEmulator({ transport: pair.device, ...options });
  await emulator.start();
  cleanup.push(
    () => emulator.stop(),
    () => pair.host.close(),
  );
  return { emulator, host: rawHost(pair.host), pair };
}

describe('ID card emulator: canned answers (docs/devices/id-card.md §5)', () => {
  it('answers find/select/read with the documented frames', async () => {
    const { emulator, host } = await setUp();
    expect(toHex(await host.ask(requests.findCard()))).toBe('AA AA AA 96 69 00 04 00 00 80 84');
    expect(toHex(await host.ask(requests.selectCard()))).toBe('AA AA AA 96 69 00 04 00 00 81 85');
    emulator.insertCard(elderlyResident);
    expect(toHex(await host.ask(requests.findCard()))).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
    expect(toHex(await host.ask(requests.selectCard()))).toBe(
      'AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C',
    );
    const read = await host.ask(requests.readCard());
    expect(read.length).toBe(1295);
    expect(toHex(read.subarray(0, 14))).toBe('AA AA AA 96 69 05 08 00 00 90 01 00 04 00');
    const response = decodeResponse(read);
    const payload = response.ok ? decodeReadPayload(response.value.data, 'text+photo') : null;
    expect(payload?.ok && decodeIdCard(payload.value)).toEqual({ ok: true, value: elderlyResident });
  });

  it('refuses to read a card that was not selected, and fails a read on request', async () => {
    const { emulator, host } = await setUp();
    emulator.insertCard(elderlyResident);
    expect(toHex(await host.ask(requests.readCard()))).toBe('AA AA AA 96 69 00 04 00 00 41 45');
    await host.ask(requests.findCard());
    await host.ask(requests.selectCard());
    emulator.failNextRead();
    expect(toHex(await host.ask(requests.readCard()))).toBe('AA AA AA 96 69 00 04 00 00 41 45');
    expect((await host.ask(requests.readCard())).length).toBe(1295);
  });

  it('answers SAM status and SAM ID (27 bytes), and 66/60 for an unauthorised or failed SAM', async () => {
    const { emulator, host } = await setUp();
    expect(toHex(await host.ask(requests.samStatus()))).toBe('AA AA AA 96 69 00 04 00 00 90 94');
    expect((await host.ask(requests.samId())).length).toBe(27);
    emulator.setSam('unauthorised');
    expect(toHex(await host.ask(requests.samStatus()))).toBe('AA AA AA 96 69 00 04 00 00 66 62');
    emulator.setSam('selfTestFailed');
    expect(toHex(await host.ask(requests.findCard()))).toBe('AA AA AA 96 69 00 04 00 00 60 64');
  });

  it('answers 91 (no content) to 30 03 and a fingerprint-less 30 10 with fingerprint length 0', async () => {
    const { emulator, host } = await setUp();
    emulator.insertCard(elderlyResident);
    await host.ask(requests.findCard());
    await host.ask(requests.selectCard());
    expect(toHex(await host.ask(requests.readAppendedAddress()))).toBe('AA AA AA 96 69 00 04 00 00 91 95');
    const withPrint = await host.ask(requests.readCardWithFingerprint());
    expect(toHex(withPrint.subarray(5, 16))).toBe('05 0A 00 00 90 01 00 04 00 00 00');
  });

  it('can halt a card after a read until it is placed again (§11 option)', async () => {
    const { emulator, host } = await setUp({ haltCardAfterRead: true });
    emulator.insertCard(elderlyResident);
    await host.ask(requests.findCard());
    await host.ask(requests.selectCard());
    await host.ask(requests.readCard());
    expect((await host.ask(requests.findCard()))[9]).toBe(0x80);
    emulator.insertCard(elderlyResident);
    expect((await host.ask(requests.findCard()))[9]).toBe(0x9f);
  });

  it('records requests and answers unknown commands with 21', async () => {
    const { emulator, host } = await setUp();
    expect((await host.ask(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03, 0x77, 0x01, 0x75)))[9]).toBe(0x21);
    expect(emulator.requests.map((r) => r.cmd)).toEqual([0x77]);
  });

  it('splits replies into small chunks when asked, and they still parse', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const { emulator, host } = await setUp({ random });
    emulator.setSplitFrames(true);
    emulator.insertCard(elderlyResident);
    await host.ask(requests.findCard());
    await host.ask(requests.selectCard());
    const before = host.chunks.length;
    expect((await host.ask(requests.readCard())).length).toBe(1295);
    expect(host.chunks.length - before).toBeGreaterThan(1295 / 16);
  });

  it('paces a reply to the wire time of its baud rate (lower bound only: slowness cannot fail it)', async () => {
    const { emulator, host } = await setUp({ baudRate: 115200 });
    emulator.insertCard(elderlyResident);
    await host.ask(requests.findCard());
    await host.ask(requests.selectCard());
    const started = performance.now();
    await host.ask(requests.readCard());
    // (10 request + 1295 reply bytes) × 10 bits / 115200 = 113.28 ms; the emulator never sends early, whatever the load.
    expect(performance.now() - started).toBeGreaterThanOrEqual(113.2);
  });
});
