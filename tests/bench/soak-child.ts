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
say({ start: true, rssBytes: process.memoryUsage().rss });
let durations: number[] = [];
for (let i = 0; i < visits; i++) {
  const started = performance.now();
  await kiosk.visit(i);
  durations.push(performance.now() - started);
  if (durations.length === window || i === visits - 1) {
    say({ visits: i + 1, durationsMs: durations, rssBytes: process.memoryUsage().rss });
    durations = [];
  }
}
await kiosk.close();
