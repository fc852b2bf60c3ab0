import { chromium } from 'playwright-core';
import { READY_LINE_PATTERN } from '../../scripts/start/ready-line';
import { runCommand, waitForLine, writeTestConfig } from '../e2e/support/kiosk-process';
import { summarise, times, type Summary } from './measure';

/**
 * Start command to home screen visible: run `npm start` itself (headless host, fresh data folder,
 * embedded platform), open the printed URL in Chromium, tap the attract screen, wait for the home
 * screen to list matters. The renderer is already built (as after
 * `npm install && npm run build`, or after the first start).
 */
export async function startupBenchmarks(runs = 5): Promise<Summary[]> {
  const browser = await chromium.launch({
    executablePath: process.env['KIOSK_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const toReady: number[] = [];
  const toHome: number[] = [];
  try {
    for (let i = 0; i < times(runs); i++) {
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
  return [
    summarise('startup: npm start → URL printed', toReady),
    summarise('startup: npm start → home screen with matters visible', toHome),
  ];
}
