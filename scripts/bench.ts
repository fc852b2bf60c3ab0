/**
 * `npm run bench`: speed figures, printed as a table and written to test-results/bench.json.
 * Benchmarks measure; they do not pass or fail (targets are reviewed in the issue notes).
 * `npm run bench -- --quick` runs each measurement at most twice (tests/bench/measure.ts `times`)
 * and writes test-results/bench-quick.json: `npm test` runs it so that no benchmark breaks unseen;
 * its figures mean nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { catalogBenchmarks } from '../tests/bench/catalog.bench';
import { formatTable } from '../tests/bench/format-table';
import type { Summary } from '../tests/bench/measure';
import { idCardBenchmarks } from '../tests/bench/idcard.bench';
import { printerBenchmarks } from '../tests/bench/printer.bench';
import { searchBenchmarks } from '../tests/bench/search.bench';
import { speechBenchmarks } from '../tests/bench/speech.bench';
import { startupBenchmarks } from '../tests/bench/startup.bench';
import { buildRenderer, rendererIsStale, ROOT } from './build-renderer';

const quick = process.argv.includes('--quick');
if (quick) process.env['BENCH_QUICK'] = '1';
if (rendererIsStale()) await buildRenderer();
const results: Summary[] = [
  ...(await catalogBenchmarks()),
  ...(await idCardBenchmarks()),
  ...(await printerBenchmarks()),
  ...(await searchBenchmarks()),
  ...(await speechBenchmarks()),
  ...(await startupBenchmarks()),
];

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
      results,
    },
    null,
    2,
  ),
);
