import { describe, expect, it } from 'vitest';
import { requests } from './commands';
import { elderlyResident } from './fixtures';
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse, xorChecksum } from './protocol';
import { encodeIdCard, encodeReadPayload } from './read-payload';

const hex = (s: string) =>
  Uint8Array.from(
    s
      .trim()
      .split(/\s+/)
      .map((b) => parseInt(b, 16)),
  );
const toHex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

describe('request frames (docs/devices/id-card.md §4)', () => {
  it.each([
    ['reset SAM', requests.resetSam(), 'AA AA AA 96 69 00 03 10 FF EC'],
    ['SAM status', requests.samStatus(), 'AA AA AA 96 69 00 03 11 FF ED'],
    ['SAM ID', requests.samId(), 'AA AA AA 96 69 00 03 12 FF EE'],
    ['find card', requests.findCard(), 'AA AA AA 96 69 00 03 20 01 22'],
    ['select card', requests.selectCard(), 'AA AA AA 96 69 00 03 20 02 21'],
    ['read text + photo', requests.readCard(), 'AA AA AA 96 69 00 03 30 01 32'],
    ['read appended address', requests.readAppendedAddress(), 'AA AA AA 96 69 00 03 30 03 30'],
    ['read with fingerprint', requests.readCardWithFingerprint(), 'AA AA AA 96 69 00 03 30 10 23'],
    ['baud 115200', requests.setBaudRate(115200), 'AA AA AA 96 69 00 03 60 00 63'],
    ['baud 57600', requests.setBaudRate(57600), 'AA AA AA 96 69 00 03 60 01 62'],
    ['baud 38400', requests.setBaudRate(38400), 'AA AA AA 96 69 00 03 60 02 61'],
    ['baud 19200', requests.setBaudRate(19200), 'AA AA AA 96 69 00 03 60 03 60'],
    ['baud 9600', requests.setBaudRate(9600), 'AA AA AA 96 69 00 03 60 04 67'],
    ['max RF frame 0x50', requests.setMaxRfFrame(0x50), 'AA AA AA 96 69 00 04 61 FF 50 CA'],
  ])('%s', (_name, frame, expected) => {
    expect(toHex(frame)).toBe(expected);
  });

  it('never produces the wrong find-card checksum seen in the wild (0x21)', () => {
    expect(requests.findCard().at(-1)).toBe(0x03 ^ 0x20 ^ 0x01);
    expect(requests.findCard().at(-1)).not.toBe(0x21);
  });

  it('decodes requests back (the emulator side)', () => {
    const decoded = decodeRequest(requests.setMaxRfFrame(0x50));
    expect(decoded).toEqual({ ok: true, value: { cmd: 0x61, para: 0xff, data: Uint8Array.of(0x50) } });
  });

  it('rejects an out-of-range max RF value as a bug', () => {
    expect(() => requests.setMaxRfFrame(256)).toThrow(RangeError);
  });
});

describe('response frames (§5)', () => {
  it.each([
    ['find: no card', { sw3: 0x80 }, 'AA AA AA 96 69 00 04 00 00 80 84'],
    ['find: card present', { sw3: 0x9f, data: new Uint8Array(4) }, 'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'],
    ['select: fail', { sw3: 0x81 }, 'AA AA AA 96 69 00 04 00 00 81 85'],
    ['select: ok', { sw3: 0x90, data: new Uint8Array(8) }, 'AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C'],
    ['read: failed', { sw3: 0x41 }, 'AA AA AA 96 69 00 04 00 00 41 45'],
  ])('%s encodes and decodes', (_name, response: { sw3: number; data?: Uint8Array }, expected) => {
    const frame = encodeResponse(response);
    expect(toHex(frame)).toBe(expected);
    const decoded = decodeResponse(hex(expected));
    expect(decoded.ok && decoded.value.sw3).toBe(response.sw3);
    expect(decoded.ok && decoded.value.data).toEqual(response.data ?? new Uint8Array(0));
  });

  it('read 30 01 ok: 1295 bytes, Len 0x0508, header 00 00 90 01 00 04 00, text at 14, photo at 270', () => {
    const payload = encodeIdCard(elderlyResident);
    const frame = encodeResponse({ sw3: 0x90, data: encodeReadPayload(payload, 'text+photo') });
    expect(frame.length).toBe(1295);
    expect(toHex(frame.subarray(0, 14))).toBe('AA AA AA 96 69 05 08 00 00 90 01 00 04 00');
    expect(frame.subarray(14, 270)).toEqual(payload.text);
    expect(frame.subarray(270, 1294)).toEqual(payload.photo);
    expect(frame[1294]).toBe(xorChecksum(frame, 5, 1294));
  });

  it('read 30 10 ok: Len 0x090A (2321 bytes) with a fingerprint, 0x050A without', () => {
    const payload = { ...encodeIdCard(elderlyResident), fingerprint: new Uint8Array(1024).fill(7) };
    const withPrint = encodeResponse({ sw3: 0x90, data: encodeReadPayload(payload, 'text+photo+fingerprint') });
    expect(withPrint.length).toBe(2321);
    expect(toHex(withPrint.subarray(5, 16))).toBe('09 0A 00 00 90 01 00 04 00 04 00');
    const without = encodeResponse({
      sw3: 0x90,
      data: encodeReadPayload({ ...payload, fingerprint: null }, 'text+photo+fingerprint'),
    });
    expect(toHex(without.subarray(5, 16))).toBe('05 0A 00 00 90 01 00 04 00 00 00');
  });

  it('SAM ID ok: Len 00 14, 27 bytes', () => {
    const frame = encodeResponse({ sw3: 0x90, data: new Uint8Array(16) });
    expect(frame.length).toBe(27);
    expect(toHex(frame.subarray(5, 10))).toBe('00 14 00 00 90');
  });

  it.each([
    ['a bad checksum', 'AA AA AA 96 69 00 04 00 00 80 85', 'checksum mismatch'],
    ['a bad preamble', 'AA AA AB 96 69 00 04 00 00 80 84', 'does not start'],
    ['a length under 4', 'AA AA AA 96 69 00 03 00 00 03 00', 'out of bounds'],
    ['a length that does not match', 'AA AA AA 96 69 00 05 00 00 80 84', 'does not match'],
    ['a truncated frame', 'AA AA AA 96 69 00', 'too short'],
  ])('rejects %s', (_name, frame, detail) => {
    const decoded = decodeResponse(hex(frame));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.error.detail).toContain(detail);
  });

  it('round-trips a request with data through encodeRequest/decodeRequest', () => {
    const frame = encodeRequest(0x61, 0xff, Uint8Array.of(1, 2, 3));
    expect(decodeRequest(frame)).toEqual({ ok: true, value: { cmd: 0x61, para: 0xff, data: Uint8Array.of(1, 2, 3) } });
  });
});
