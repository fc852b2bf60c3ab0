/**
 * `npm run bench`: speed figures, printed as a table and written to test-results/bench.json.
 * Benchmarks measure; they do not pass or fail (targets are reviewed in the issue notes).
 * `npm run bench -- --quick` runs each measurement at most twice (tests/bench/measure.ts `times`;
 * one kiosk start, one round of taps, a 20-visit soak) and writes test-results/bench-quick.json: `npm test` runs it so that no benchmark breaks unseen;
 * its figures mean nothing. `--only idcard,soak` runs some of them (names in `benchmarks` below).
 * Each figure that has a floor or a peer measured in the same run is printed with its ratio to it
 * (the ratio is in bench.json too); the goals from the issue are printed beside them, not enforced.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { callDisplayBenchmarks } from '../tests/bench/call-display.bench';
import { catalogBenchmarks } from '../tests/bench/catalog.bench';
import { consoleBenchmarks } from '../tests/bench/console.bench';
import { fleetBenchmarks } from '../tests/bench/fleet/fleet.bench';
import { formatTable } from '../tests/bench/format-table';
import type { Summary } from '../tests/bench/measure';
import { idCardBenchmarks } from '../tests/bench/idcard.bench';
import { ledgerExportBenchmarks } from '../tests/bench/ledger-export.bench';
import { outboxBenchmarks } from '../tests/bench/outbox.bench';
import { printerBenchmarks } from '../tests/bench/printer.bench';
import { searchBenchmarks } from '../tests/bench/search.bench';
import { soakBenchmarks } from '../tests/bench/soak.bench';
import { speechBenchmarks } from '../tests/bench/speech.bench';
import { startupBenchmarks } from '../tests/bench/startup.bench';
import { tapBenchmarks } from '../tests/bench/tap.bench';
import { submissionBenchmarks } from '../tests/bench/submission.bench';
import { buildRenderer, rendererIsStale, ROOT } from './build-renderer';

const quick = process.argv.includes('--quick');
if (quick) process.env['BENCH_QUICK'] = '1';
if (rendererIsStale()) await buildRenderer();
/** In run order; `npm run bench -- --only idcard,soak` runs some of them. */
const benchmarks: Record<string, () => Promise<Summary[]>> = {
  catalog: catalogBenchmarks,
  idcard: idCardBenchmarks,
  printer: printerBenchmarks,
  search: searchBenchmarks,
  speech: speechBenchmarks,
  startup: startupBenchmarks,
  tap: tapBenchmarks,
  submission: submissionBenchmarks,
  outbox: outboxBenchmarks,
  soak: soakBenchmarks,
  console: consoleBenchmarks,
  'call-display': callDisplayBenchmarks,
  ledger: ledgerExportBenchmarks,
  fleet: fleetBenchmarks,
};
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',') : Object.keys(benchmarks);
const unknown = only.filter((name) => !(name in benchmarks));
if (unknown.length > 0)
  throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);
const results: Summary[] = [];
const crashed: string[] = [];
for (const name of only) {
  try {
    results.push(...(await benchmarks[name]!()));
  } catch (error) {
    // The quick run exists to catch this: it stops at once. A full run keeps the other figures.
    if (quick) throw error;
    console.error(`benchmark ${name} crashed:`, error);
    crashed.push(name);
  }
}

console.log(formatTable(results));
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
writeFileSync(
  join(ROOT, quick ? 'test-results/bench-quick.json' : 'test-results/bench.json'),
  JSON.stringify(
    {
      at: new Date().toISOString(),
      quick,
      // Wall-clock figures include other processes' turns on the cores: the load says how many.
      loadAverage: loadavg(),
      cores: availableParallelism(),
      crashed,
      results,
    },
    null,
    2,
  ),
);
if (crashed.length > 0) {
  console.error(`crashed: ${crashed.join(', ')}`);
  process.exitCode = 1;
}
