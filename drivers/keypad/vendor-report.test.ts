import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeVendorReport, parseLevelByByte } from './vendor-report';

const DEFAULT_LEVELS = { '0x01': 5, '0x02': 4, '0x03': 3, '0x04': 2, '0x05': 1 };

describe('decodeVendorReport', () => {
  const format = { reportByte: 0, levels: parseLevelByByte(DEFAULT_LEVELS) };

  it('maps a configured byte to its level', () => {
    expect(decodeVendorReport(Uint8Array.of(0x01, 0, 0), format)).toEqual({ level: 5, key: 'report:0x01' });
    expect(decodeVendorReport(Uint8Array.of(0x05), format)).toEqual({ level: 1, key: 'report:0x05' });
  });

  it('reports an unknown value as a press without level', () => {
    expect(decodeVendorReport(Uint8Array.of(0x07), format)).toEqual({ level: null, key: 'report:0x07' });
    expect(decodeVendorReport(Uint8Array.of(0xab), format)).toEqual({ level: null, key: 'report:0xab' });
  });

  it('ignores the release report and reports too short to hold the byte', () => {
    expect(decodeVendorReport(Uint8Array.of(0x00, 0x01), format)).toBeNull();
    expect(decodeVendorReport(new Uint8Array(0), format)).toBeNull();
    expect(decodeVendorReport(Uint8Array.of(0x01), { ...format, reportByte: 3 })).toBeNull();
  });

  it('reads the configured byte (a report ID first counts)', () => {
    const withId = { reportByte: 1, levels: parseLevelByByte({ '0x10': 3 }) };
    expect(decodeVendorReport(Uint8Array.of(0x02, 0x10), withId)).toEqual({ level: 3, key: 'report:0x10' });
  });

  it('accepts upper-case hex keys and rejects malformed config as a bug', () => {
    expect(parseLevelByByte({ '0xAB': 2 }).get(0xab)).toBe(2);
    expect(() => parseLevelByByte({ '1': 5 })).toThrow(/byte/);
    expect(() => parseLevelByByte({ '0x01': 6 })).toThrow(/1…5/);
  });

  it('never throws on random reports and offsets (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 0, max: 63 }), (report, reportByte) => {
        const press = decodeVendorReport(report, { reportByte, levels: format.levels });
        const value = report[reportByte];
        if (value === undefined || value === 0) expect(press).toBeNull();
        else expect(press?.key).toBe(`report:0x${value.toString(16).padStart(2, '0')}`);
      }),
    );
  });

  it('maps every configured value to its level (property)', () => {
    const config = fc.dictionary(
      fc.integer({ min: 1, max: 255 }).map((n) => `0x${n.toString(16).padStart(2, '0')}`),
      fc.integer({ min: 1, max: 5 }),
      { minKeys: 1 },
    );
    fc.assert(
      fc.property(config, fc.integer({ min: 0, max: 16 }), (levels, reportByte) => {
        const parsed = { reportByte, levels: parseLevelByByte(levels) };
        for (const [key, level] of Object.entries(levels)) {
          const report = new Uint8Array(reportByte + 1);
          report[reportByte] = Number.parseInt(key.slice(2), 16);
          expect(decodeVendorReport(report, parsed)).toEqual({ level, key: `report:${key}` });
        }
      }),
    );
  });
});
