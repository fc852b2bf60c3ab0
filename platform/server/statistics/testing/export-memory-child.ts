/**
 * Generates a county's ledger into a fresh platform database (in-memory SQLite, or a fresh
 * PostgreSQL database when PLATFORM_TEST_ENGINE=postgres: testing/test-database.ts), exports it through the
 * console handler and reports, as one JSON line on stdout, the file size, the time the export
 * took and how far the heap grew. Run with --expose-gc (ledger-streaming.test.ts and
 * tests/bench/ledger-export.bench.ts): the live heap is measured after a full collection every
 * few chunks, so garbage waiting to be collected does not count as held.
 *
 * Arguments: stations days perStationDay formats (xlsx,csv). One JSON line per format.
 */
import { ephemeralSealer } from '../../sealing/sealer';
import { openTestDatabase } from '../../testing/test-database';
import { createStatisticsConsoleHandlers } from '../index';
import { generateLedgerYear } from './generate-year';
import { consoleUser } from './users';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const [stations, days, perStationDay] = process.argv.slice(2, 5).map(Number) as [number, number, number];
const formats = (process.argv[5] ?? 'xlsx,csv').split(',').map((name) => (name === 'csv' ? 'csv' : 'xlsx'));

const sealer = ephemeralSealer();
const database = await openTestDatabase(sealer);
const db = database.db;
const generatedAt = performance.now();
const generated = await generateLedgerYear(db, sealer, { stations, days, perStationDay });
const generateMs = performance.now() - generatedAt;

const handlers = createStatisticsConsoleHandlers({ sql: db, sealer, log: () => undefined });
/**
 * Two full collections with a turn of the event loop between them: Buffers and zlib state are
 * external memory released by finalizers that run after a collection, so one gc() alone can
 * still count what the previous chunk already let go (seen on PostgreSQL: ±10 MB swings).
 */
const live = async () => {
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

function startExport(format: 'xlsx' | 'csv', to: string) {
  return handlers.exportLedger({
    user: consoleUser('countyAdmin', { kind: 'county' }),
    ip: '127.0.0.1',
    now: new Date(),
    params: undefined,
    body: undefined,
    query: { from: generated.from, to, format },
  });
}

/**
 * One day's export of the format first, read to the end and dropped: what loads lazily on the
 * first export (ExcelJS's modules, the database client's prepared statements and buffers) is
 * then in the baseline and not counted as the export's growth, whichever run is measured.
 */
async function warmUp(format: 'xlsx' | 'csv') {
  const result = await startExport(format, generated.from);
  if (!result.ok) throw new Error(result.error.detail);
  const reader = result.value.body.getReader();
  while (!(await reader.read()).done);
}

async function measure(format: 'xlsx' | 'csv') {
  await warmUp(format);
  const baseline = await live();
  const started = performance.now();
  const result = await startExport(format, generated.to);
  if (!result.ok) throw new Error(result.error.detail);
  const reader = result.value.body.getReader();
  let bytes = 0;
  let chunks = 0;
  let peakLive = baseline;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    bytes += next.value.byteLength;
    chunks += 1;
    if (chunks % 64 === 0) peakLive = Math.max(peakLive, await live());
  }
  return {
    rows: generated.applications,
    format,
    bytes,
    generateMs: Math.round(generateMs),
    exportMs: Math.round(performance.now() - started),
    peakLiveGrowthBytes: peakLive - baseline,
    peakRssBytes: process.memoryUsage().rss,
  };
}

for (const format of formats) console.log(JSON.stringify(await measure(format)));
await database.close();
