import type { Browser } from 'playwright-core';
import { READY_LINE_PATTERN } from '../../scripts/start/ready-line';
import { runCommand, waitForLine, writeTestConfig } from '../e2e/support/kiosk-process';
import { launchBenchChromium } from './chromium';
import { compared, isQuick, summarise, type Summary } from './measure';

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

/**
 * Start command to home screen visible: run `npm start` itself (headless host, fresh data folder,
 * embedded platform), open the printed URL in Chromium, tap the attract screen, wait for the home
 * screen to list matters; beside the floor of a blank page served the same way. The renderer is
 * already built (as after `npm install && npm run build`, or after the first start).
 */
export async function startupBenchmarks(runs = 5): Promise<Summary[]> {
  const browser = await launchBenchChromium();
  const toReady: number[] = [];
  const toHome: number[] = [];
  const toBlank: number[] = [];
  try {
    // One start in the quick run: each costs a kiosk start and a blank-page start.
    for (let i = 0; i < (isQuick() ? 1 : runs); i++) {
      // Interleaved with the kiosk's starts, so both see the same load on the machine.
      toBlank.push(await blankPageMs(browser));
      const config = writeTestConfig();
      const started = performance.now();
      const proc = runCommand('npm', ['start'], { KIOSK_CONFIG: config.path, KIOSK_HOST: 'headless' });
      const [, url] = await waitForLine(proc, READY_LINE_PATTERN);
      toReady.push(performance.now() - started);
      const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
      const page = await context.newPage();
      await page.goto(url!);
      await page.getByTestId('attract-screen').click();
      await page.getByTestId('matter-item').first().waitFor();
      toHome.push(performance.now() - started);
      await context.close();
      await proc.stop();
      config.cleanup();
    }
  } finally {
    await browser.close();
  }
  const blank = summarise('startup floor: node + bare HTTP server → blank page painted (same Chromium)', toBlank);
  return [
    compared(summarise('startup: npm start → URL printed', toReady), blank, 'p50'),
    compared(summarise('startup: npm start → home screen with matters visible', toHome), blank, 'p50'),
    blank,
  ];
}
