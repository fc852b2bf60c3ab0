import { describe, expect, it } from 'vitest';
import { measureLedgerExport } from './testing/run-export-child';

/**
 * The 台账 streams: exporting four times the rows must not take more memory. A county's
 * applications (60 stations, generated with sealed bodies) are exported in a child process that
 * measures its live heap after full collections while the file is read; the growth at 4× the
 * rows stays within a constant of the growth at 1×, and far below the file itself. The full year
 * is the benchmark (tests/bench/ledger-export.bench.ts).
 */
describe('the 台账 export of a county', () => {
  it('keeps the heap bounded whatever the number of rows, in both formats', { timeout: 240_000 }, async () => {
    const small = await measureLedgerExport(60, 5, 20);
    const large = await measureLedgerExport(60, 20, 20);
    for (const format of ['xlsx', 'csv'] as const) {
      const one = small.find((entry) => entry.format === format);
      const four = large.find((entry) => entry.format === format);
      if (!one || !four) throw new Error(`no ${format} measurement`);
      expect(four.rows).toBe(4 * one.rows);
      expect(four.bytes).toBeGreaterThan(3 * one.bytes);
      const MB = 1024 * 1024;
      expect(four.peakLiveGrowthBytes, `${format}: ${JSON.stringify({ one, four })}`).toBeLessThan(
        one.peakLiveGrowthBytes + 4 * MB,
      );
      expect(four.peakLiveGrowthBytes).toBeLessThan(8 * MB);
      if (format === 'csv') expect(four.peakLiveGrowthBytes).toBeLessThan(four.bytes / 4);
    }
  });
});
