import { isQuick, type Summary } from './measure';
import { measureLedgerExport } from '../../platform/server/statistics/testing/run-export-child';

/**
 * The 台账 export of a county's year: 60 stations × 365 days × 14 applications a station-day
 * (306,600 applications with sealed bodies, generated straight into SQLite), exported as .xlsx
 * and CSV through the console handler in a child process that measures its live heap. The quick
 * run exports a week.
 */
export async function ledgerExportBenchmarks(): Promise<Summary[]> {
  const quick = isQuick();
  const days = quick ? 7 : 365;
  const measurements = await measureLedgerExport(60, days, 14);
  const MB = 1024 * 1024;
  return measurements.map((entry) => ({
    name: `ledger export: ${entry.rows} applications (${days} days × 60 stations) as ${entry.format}`,
    samples: 1,
    p50Ms: entry.exportMs,
    p95Ms: entry.exportMs,
    p99Ms: entry.exportMs,
    maxMs: entry.exportMs,
    note:
      `file ${(entry.bytes / MB).toFixed(1)} MB, peak live heap growth ${(entry.peakLiveGrowthBytes / MB).toFixed(1)} MB, ` +
      `peak RSS ${(entry.peakRssBytes / MB).toFixed(0)} MB, generating took ${(entry.generateMs / 1000).toFixed(0)} s`,
  }));
}
