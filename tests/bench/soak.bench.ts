import { isQuick, summarise, withNote, type Summary } from './measure';
import { startBenchPlatform } from './platform-on-loopback';
import { runScript, waitForLine } from '../e2e/support/kiosk-process';

/**
 * 2,000 visits through the kiosk API (sign in with the card, the home list, a ticket and its
 * rating or a callback request, sign out, the visit ends: tests/bench/visits.ts) against the reference platform on loopback, in a child process of its
 * own: p95 visit time and the child's RSS per window of 200 visits. Flat is the goal; the store is
 * in memory (tests/helpers/test-core.ts), so the visits' own rows add a little to the RSS. The quick
 * run does 20 visits in windows of 10.
 */
export async function soakBenchmarks(): Promise<Summary[]> {
  const visits = isQuick() ? 20 : 2000;
  const window = isQuick() ? 10 : 200;
  const platform = await startBenchPlatform();
  const child = runScript('tests/bench/soak-child.ts', [platform.baseUrl, String(visits), String(window)], {
    NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --expose-gc`.trim(),
  });
  try {
    await waitForLine(child, new RegExp(`"visits":${visits},`), 30 * 60_000);
    const lines = child
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map(
        (line) =>
          JSON.parse(line) as {
            start?: true;
            visits?: number;
            durationsMs?: number[];
            rssBytes: number;
            heapUsedBytes: number;
            storeBytes: number;
          },
      );
    const startRss = lines.find((line) => line.start)?.rssBytes ?? Number.NaN;
    const windows = lines.filter((line) => line.visits !== undefined);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    const results = windows.map((line, index) =>
      withNote(
        summarise(`soak: visits ${index * window + 1}–${line.visits} (window ${index + 1})`, line.durationsMs ?? []),
        `RSS ${mb(line.rssBytes)} MB (${line.rssBytes >= startRss ? '+' : ''}${mb(line.rssBytes - startRss)} MB since start); V8 heap used ${mb(line.heapUsedBytes)} MB; in-memory store ${mb(line.storeBytes)} MB`,
      ),
    );
    const first = windows[0];
    const last = windows.at(-1);
    if (first && last && results[0] && results.at(-1)) {
      const growth = (last.rssBytes - first.rssBytes) / 1024 / 1024;
      const storeGrowth = (last.storeBytes - first.storeBytes) / 1024 / 1024;
      const p95Ratio = results.at(-1)!.p95Ms / results[0].p95Ms;
      results.push(
        withNote(
          summarise(
            `soak: all ${visits} visits`,
            windows.flatMap((line) => line.durationsMs ?? []),
          ),
          `last window ÷ first: p95 ${p95Ratio.toFixed(2)}×, RSS ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB (${(
            (growth * 1024) /
            Math.max(1, visits - window)
          ).toFixed(1)} KB per visit, of which the store's rows +${storeGrowth.toFixed(1)} MB); goal: flat`,
        ),
      );
    }
    return results;
  } finally {
    await child.stop();
    await platform.close();
  }
}
