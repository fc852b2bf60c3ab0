/**
 * `npm run bench`: speed figures, printed as a table and written to test-results/bench.json.
 * Benchmarks measure; they do not pass or fail (targets are reviewed in the issue notes).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogBenchmarks } from '../tests/bench/catalog.bench';
import type { Summary } from '../tests/bench/measure';
import { idCardBenchmarks } from '../tests/bench/idcard.bench';
import { printerBenchmarks } from '../tests/bench/printer.bench';
import { searchBenchmarks } from '../tests/bench/search.bench';
import { speechBenchmarks } from '../tests/bench/speech.bench';
import { startupBenchmarks } from '../tests/bench/startup.bench';
import { buildRenderer, rendererIsStale, ROOT } from './build-renderer';

if (rendererIsStale()) await buildRenderer();
const results: Summary[] = [
  ...(await catalogBenchmarks()),
  ...(await idCardBenchmarks()),
  ...(await printerBenchmarks()),
  ...(await searchBenchmarks()),
  ...(await speechBenchmarks()),
  ...(await startupBenchmarks()),
];

const width = Math.max(...results.map((r) => r.name.length));
console.log(`${'benchmark'.padEnd(width)}  samples      p50 ms      p95 ms      p99 ms      max ms`);
for (const r of results) {
  console.log(
    `${r.name.padEnd(width)}  ${String(r.samples).padStart(7)}  ${r.p50Ms.toFixed(2).padStart(10)}  ${r.p95Ms.toFixed(2).padStart(10)}  ${r.p99Ms.toFixed(2).padStart(10)}  ${r.maxMs.toFixed(2).padStart(10)}`,
  );
}
mkdirSync(join(ROOT, 'test-results'), { recursive: true });
writeFileSync(
  join(ROOT, 'test-results/bench.json'),
  JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
);
