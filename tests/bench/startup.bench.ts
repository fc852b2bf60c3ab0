import type { Browser } from 'playwright-core';
import { READY_LINE_PATTERN } from '../../scripts/start/ready-line';
import { runCommand, waitForLine, writeTestConfig } from '../e2e/support/kiosk-process';
import { launchBenchChromium } from './chromium';
import { compared, isQuick, summarise, type Summary } from './measure';
import { buildBenchRelease } from './production-build';

/**
 * The floor of a start: a bare Node HTTP server, started as a process, that prints its URL and
 * serves an empty page, which the same Chromium opens until it is painted. What no kiosk start
 * can beat on this machine: a Node process, a listening socket, a page load.
 */
const BLANK_SERVER = `
const http = require('node:http');
const server = http.createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end('<!doctype html><title>blank</title><p id="blank">.</p>');
});
server.listen(0, '127.0.0.1', () => console.log('blank page at http://127.0.0.1:' + server.address().port + '/'));
`;

async function blankPageMs(browser: Browser): Promise<number> {
  const started = performance.now();
  const proc = runCommand(process.execPath, ['-e', BLANK_SERVER], {});
  try {
    const [, url] = await waitForLine(proc, /blank page at (\S+)/);
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await page.goto(url!);
    await page.locator('#blank').waitFor();
    const ms = performance.now() - started;
    await context.close();
    return ms;
  } finally {
    await proc.stop();
  }
}

interface StartTimes {
  readonly toReady: number;
  readonly toHome: number;
}

type TestConfig = ReturnType<typeof writeTestConfig>;

/** Spawn → ready line → page opened → attract tapped → home lists matters, with the given config. */
async function startToHome(
  browser: Browser,
  command: string,
  args: readonly string[],
  config: TestConfig,
): Promise<StartTimes> {
  const started = performance.now();
  const proc = runCommand(command, [...args], { KIOSK_CONFIG: config.path, KIOSK_HOST: 'headless' });
  try {
    const [, url] = await waitForLine(proc, READY_LINE_PATTERN);
    const toReady = performance.now() - started;
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await page.goto(url!);
    await page.getByTestId('attract-screen').click();
    await page.getByTestId('matter-item').first().waitFor();
    const toHome = performance.now() - started;
    await context.close();
    return { toReady, toHome };
  } finally {
    await proc.stop();
  }
}

/**
 * Start command to home screen visible, for both ways the kiosk starts: `npm start` on a checkout
 * (TypeScript compiled at run time) and the production build a station runs (the bundled
 * app/bundle/start.mjs on plain Node, scripts/package/bundles.ts), the latter both at first boot
 * (fresh data folder) and at a restart over its data (goal: its ready line ≤ 1.5× the floor). Each
 * runs with the headless host and the embedded platform, and opens the
 * printed URL in Chromium, taps the attract screen and waits for the home screen to list matters;
 * beside the floor of a blank page served the same way. The renderer is already built.
 */
export async function startupBenchmarks(runs = 5): Promise<Summary[]> {
  const browser = await launchBenchChromium();
  const release = await buildBenchRelease();
  const toBlank: number[] = [];
  const development: StartTimes[] = [];
  const production: StartTimes[] = [];
  const productionRestart: StartTimes[] = [];
  try {
    // One start of each in the quick run.
    for (let i = 0; i < (isQuick() ? 1 : runs); i++) {
      // Interleaved, so all of them see the same load on the machine.
      toBlank.push(await blankPageMs(browser));
      const checkout = writeTestConfig();
      development.push(await startToHome(browser, 'npm', ['start'], checkout));
      checkout.cleanup();
      // A production build refuses the sample technician PIN, so its config has no technician entry.
      const station = writeTestConfig((c) => delete c['technician']);
      // First boot (a fresh data folder: the catalog is pulled and indexed before READY), then the
      // start a station makes every day, over the data the first one left.
      production.push(await startToHome(browser, process.execPath, [release.startScript], station));
      productionRestart.push(await startToHome(browser, process.execPath, [release.startScript], station));
      station.cleanup();
    }
  } finally {
    await browser.close();
    release.remove();
  }
  const blank = summarise('startup floor: node + bare HTTP server → blank page painted (same Chromium)', toBlank);
  const series = (label: string, times: StartTimes[], key: keyof StartTimes) =>
    compared(
      summarise(
        label,
        times.map((time) => time[key]),
      ),
      blank,
      'p50',
    );
  return [
    series('startup: npm start → URL printed', development, 'toReady'),
    series('startup: npm start → home screen with matters visible', development, 'toHome'),
    series('startup: production build, first boot → URL printed', production, 'toReady'),
    series('startup: production build, first boot → home screen with matters visible', production, 'toHome'),
    series('startup: production build, restart → URL printed (goal ≤ 1.5×)', productionRestart, 'toReady'),
    series('startup: production build, restart → home screen with matters visible', productionRestart, 'toHome'),
    blank,
  ];
}
