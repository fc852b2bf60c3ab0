/**
 * CODE128 symbol patterns and check character, per ISO/IEC 15417:2007 (table 1, symbol
 * character values 0–106; §4.7.2 check character). Each pattern lists bar, space, bar, space,
 * bar, space widths in modules (11 in all; the stop pattern adds a final 2-module bar, 13).
 * Written for the emulator so its PNG shows the bars the printer would draw.
 */
// prettier-ignore
const PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

export const CODE128_START = { A: 103, B: 104, C: 105 } as const;
export const CODE128_STOP = 106;
/** Values that switch code set inside a symbol (same value in sets A and B; C uses 100/101). */
export const CODE128_CODE = { A: 101, B: 100, C: 99 } as const;
export const CODE128_SHIFT = 98;
export const CODE128_FNC1 = 102;

export function code128Pattern(value: number): string {
  const pattern = PATTERNS[value];
  if (pattern === undefined) throw new RangeError(`no CODE128 symbol character ${value}`);
  return pattern;
}

/** Modulo 103 of the start value plus each data value times its position (1-based). */
export function code128Checksum(values: readonly number[]): number {
  const [start, ...data] = values;
  let sum = start ?? 0;
  data.forEach((value, index) => (sum += value * (index + 1)));
  return sum % 103;
}

/**
 * The full module sequence for start + data values: checksum and stop appended, as runs of
 * alternating bar/space widths beginning with a bar.
 */
export function code128Runs(startAndData: readonly number[]): number[] {
  const values = [...startAndData, code128Checksum(startAndData), CODE128_STOP];
  const runs: number[] = [];
  for (const value of values) for (const width of code128Pattern(value)) runs.push(Number(width));
  return runs;
}

export const CODE128_PATTERN_COUNT = PATTERNS.length;
