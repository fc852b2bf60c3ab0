import { describe, expect, it } from 'vitest';
import { DeviceCode } from '../../core/api/devices';
import { READER_MESSAGES } from './messages';
import { describeSw3, KNOWN_SW3_CODES } from './sw3';

describe('SW3 table (docs/devices/id-card.md §6)', () => {
  it('covers exactly the wire codes of §6', () => {
    const expected = [
      0x90, 0x91, 0x9f, 0x10, 0x11, 0x21, 0x23, 0x24, 0x31, 0x32, 0x33, 0x40, 0x41, 0x47, 0x60, 0x66, 0x80, 0x81,
    ];
    expect([...KNOWN_SW3_CODES].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });

  it.each([
    [0x90, 'ok', 'ok'],
    [0x9f, 'ok', 'ok'],
    [0x91, 'ok', 'ok'],
    [0x80, 'noCard', 'ok'],
    [0x81, 'readFailed', 'ok'],
    [0x41, 'readFailed', 'ok'],
    [0x31, 'readFailed', 'ok'],
    [0x40, 'unrecognisedCard', 'ok'],
    [0x60, 'samFault', 'samSelfTestFailed'],
    [0x66, 'samUnauthorised', 'samUnauthorised'],
    [0x10, 'protocolError', 'readerError'],
    [0x21, 'protocolError', 'readerError'],
  ])('0x%s → %s / %s', (sw3, outcome, deviceCode) => {
    expect(describeSw3(sw3)).toMatchObject({ outcome, deviceCode });
  });

  it('gives every code an English meaning and a DeviceCode the API knows', () => {
    for (const code of KNOWN_SW3_CODES) {
      const entry = describeSw3(code);
      expect(entry.meaning).toMatch(/^[\x20-\x7e]+$/);
      expect(DeviceCode.safeParse(entry.deviceCode).success).toBe(true);
    }
  });

  it('treats an unknown code as a protocol error, naming it in hex', () => {
    expect(describeSw3(0x5a)).toEqual({
      meaning: 'unknown status 0x5a',
      outcome: 'protocolError',
      deviceCode: 'readerError',
    });
  });
});

describe('situation messages', () => {
  it('has Chinese and English words for the four situations', () => {
    expect(Object.keys(READER_MESSAGES).sort()).toEqual(['noCard', 'readFailed', 'readerMissing', 'samUnauthorised']);
    for (const message of Object.values(READER_MESSAGES)) {
      expect(message.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(message.en).toMatch(/^[A-Z]/);
    }
  });
});
