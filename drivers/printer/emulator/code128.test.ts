import { describe, expect, it } from 'vitest';
import { CODE128_PATTERN_COUNT, code128Checksum, code128Pattern, code128Runs } from './code128';
import { decodeCode128 } from './interpreter';

describe('CODE128 table (ISO/IEC 15417)', () => {
  it('has 107 distinct patterns of 11 modules (stop 13) with an even bar sum', () => {
    expect(CODE128_PATTERN_COUNT).toBe(107);
    const seen = new Set<string>();
    for (let value = 0; value < CODE128_PATTERN_COUNT; value++) {
      const widths = [...code128Pattern(value)].map(Number);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(value === 106 ? 13 : 11);
      // ISO/IEC 15417 §4.1: bars of a symbol character add up to an even number of modules.
      expect((widths.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0) - (value === 106 ? 2 : 0)) % 2).toBe(0);
      seen.add(code128Pattern(value));
    }
    expect(seen.size).toBe(107);
  });

  it('computes the check character of the standard example', () => {
    // "PJJ123C" in set B: 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7 = 879; 879 mod 103 = 55
    expect(code128Checksum([104, 48, 42, 42, 17, 18, 19, 35])).toBe(55);
  });

  it('decodes Epson data to values and human-readable text', () => {
    expect(decodeCode128(Uint8Array.of(0x7b, 0x43, 0x0c, 0x22, 0x38))).toEqual({
      values: [105, 12, 34, 56],
      text: '123456',
    });
    expect(decodeCode128(Uint8Array.of(0x7b, 0x42, 0x4e, 0x6f, 0x7b, 0x7b))).toEqual({
      values: [104, 46, 79, 91],
      text: 'No{',
    });
    expect(decodeCode128(Uint8Array.of(0x41, 0x42))).toBeNull();
    expect(decodeCode128(Uint8Array.of(0x7b, 0x43, 0x64))).toBeNull();
  });

  it('builds start + data + check + stop runs', () => {
    const runs = code128Runs([105, 12, 34, 56]);
    expect(runs.length).toBe(6 * 5 + 7);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(11 * 5 + 13);
  });
});
