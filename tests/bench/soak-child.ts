import { writeSync } from 'node:fs';
import { runningClock } from '../helpers/staffed-clock';
import { startBenchKiosk } from './visits';

/**
 * Child process of soak.bench.ts, so that its resident set is the kiosk core's alone: runs
 * `visits` visits against the platform at `baseUrl` and prints one JSON line per window of
 * `window` visits: the visits' durations and the RSS after the window.
 */
const [baseUrl, visitsArg, windowArg] = process.argv.slice(2);
if (!baseUrl || !visitsArg || !windowArg) throw new Error('usage: soak-child <baseUrl> <visits> <window>');
const visits = Number(visitsArg);
const window = Number(windowArg);
const kiosk = await startBenchKiosk(baseUrl, runningClock());
const say = (value: unknown) => writeSync(1, `${JSON.stringify(value)}\n`);
/** RSS, and what part of it the V8 heap and the in-memory store hold (to tell a leak from data). */
const memory = () => {
  // After a full collection (soak.bench.ts starts this child with --expose-gc): what stays is held.
  (globalThis as { gc?: () => void }).gc?.();
  return {
    rssBytes: process.memoryUsage().rss,
    heapUsedBytes: process.memoryUsage().heapUsed,
    storeBytes:
      Number(kiosk.core.db.pragma('page_count', { simple: true })) *
      Number(kiosk.core.db.pragma('page_size', { simple: true })),
  };
};
say({ start: true, ...memory() });
let durations: number[] = [];
for (let i = 0; i < visits; i++) {
  const started = performance.now();
  await kiosk.visit(i);
  durations.push(performance.now() - started);
  if (durations.length === window || i === visits - 1) {
    say({ visits: i + 1, durationsMs: durations, ...memory() });
    durations = [];
  }
}
await kiosk.close();
