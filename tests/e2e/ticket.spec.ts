import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callKioskApi } from './support/api';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { runScript, startKiosk, waitForLine, writeTestConfig } from './support/kiosk-process';
import { STAFFED_CLOCK } from './support/staffed-clock';
import { writeTerminalsFile } from './support/platform-db';
import { enterHome, passFarewellAndStartAgain, PORTRAIT, saveScreenshot } from './support/screens';

/**
 * 取号 end to end on the kiosk as `npm start` runs it (KIOSK_DEV=1 for the emulators): online
 * (printed, and in the platform's own database), with the platform gone (a number from the
 * kiosk's reserved range), and with the printer out of paper (the whole ticket on screen).
 */
const TERMINAL = 'KIOSK-370784-JZ-DB-01';
const TOKEN = 'e2e-terminal-token-0123456789';

/** From home: the 取号 tile, the first service that can issue, a regular number. */
async function takeNormalTicket(page: Page): Promise<string> {
  await page.getByRole('button', { name: /取号/ }).first().click();
  const services = page.getByTestId('ticket-services');
  await services.locator('button:not([disabled])').first().click();
  await page.getByTestId('ticket-priority').locator('[data-priority=normal]').click();
  const number = page.getByTestId('ticket-number');
  await expect(number).toHaveText(/^[A-Z][0-9]{3}$/);
  return (await number.textContent()) ?? '';
}

function printedReceipts(dataDir: string): string[] {
  const dir = join(dataDir, 'emulated-printer');
  return readdirSync(dir)
    .filter((name) => /^receipt-.*\.txt$/.test(name))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

/** Ticket numbers the kiosk still holds from ranges it reserved (its own store, read while it runs). */
function reservedNumbersLeft(dataDir: string): number {
  const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT coalesce(sum(last_number - next_number + 1), 0) FROM queue_ticket_range')
      .pluck()
      .get() as number;
  } finally {
    db.close();
  }
}

function platformTickets(dbPath: string): Array<{ ticket_no: string; source: string }> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT ticket_no, source FROM tickets').all() as Array<{ ticket_no: string; source: string }>;
  } finally {
    db.close();
  }
}

test('a ticket online is printed and in the platform; with the platform gone it comes from the range; without paper it is on screen', async ({
  browser,
}, testInfo) => {
  // Three phases (online, offline, out of paper), each with a kiosk restart or a platform kill.
  test.setTimeout(180_000);
  const config = writeTestConfig();
  const tokenFile = join(config.dir, 'platform.token');
  writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
  const platformDb = join(config.dir, 'platform.sqlite');
  const platform = runScript(
    'platform/server/main.ts',
    [
      '--port',
      '0',
      '--db',
      platformDb,
      '--terminals-file',
      writeTerminalsFile(config.dir, TERMINAL, TOKEN, '370784-JZ-DB'),
      // The platform keeps the kiosk's day and hour: both on a working morning.
      '--clock',
      STAFFED_CLOCK,
    ],
    {},
  );
  const [, baseUrl] = await waitForLine(platform, /platform listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)/);
  const dataDir = join(config.dir, 'data');
  const remote = writeTestConfig((c) => {
    c['platform'] = { mode: 'remote', baseUrl, tokenFile, timeoutMs: 2000 };
    c['data'] = { dir: dataDir };
  });
  const kiosk = await startKiosk(remote.path, { KIOSK_DEV: '1', KIOSK_CLOCK: STAFFED_CLOCK });
  const context = await browser.newContext({ viewport: PORTRAIT });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await enterHome(page);

  // Online.
  await expect(page.getByTestId('ticket-services')).toBeHidden();
  await page.getByRole('button', { name: /取号/ }).first().click();
  await expect(page.getByTestId('ticket-services')).toBeVisible();
  await saveScreenshot(page, testInfo, 'ticket-services');
  await page.getByTestId('ticket-journey').getByRole('button').first().waitFor();
  await page.getByTestId('ticket-services').locator('button:not([disabled])').first().click();
  await page.getByTestId('ticket-priority').locator('[data-priority=elderly]').click();
  const online = (await page.getByTestId('ticket-number').textContent()) ?? '';
  await expect(page.getByTestId('ticket-take-paper')).toHaveText('请取走小票');
  await saveScreenshot(page, testInfo, 'ticket-issued');
  await expect.poll(() => printedReceipts(dataDir).some((text) => text.includes(online))).toBe(true);
  expect(platformTickets(platformDb)).toContainEqual({ ticket_no: online, source: 'online' });
  await page.getByTestId('ticket-done').click();
  await passFarewellAndStartAgain(page);

  // The platform gone: the kiosk numbers from the range it reserved while online. The range keeper
  // reserves at start; on a loaded machine its first pass may still be on its way, so wait for it.
  await expect.poll(() => reservedNumbersLeft(dataDir), { timeout: 30_000 }).toBeGreaterThan(0);
  await platform.stop('SIGKILL');
  await page.getByRole('button', { name: /取号/ }).first().click();
  // The services screen refreshes the counts every 10 s; the next refresh finds the platform gone.
  await expect(page.getByTestId('ticket-offline-banner')).toHaveText('网络中断，本机取号，号码有效', {
    timeout: 25_000,
  });
  await page.getByTestId('ticket-services').locator('button:not([disabled])').first().click();
  await page.getByTestId('ticket-priority').locator('[data-priority=normal]').click();
  const offline = (await page.getByTestId('ticket-number').textContent()) ?? '';
  expect(offline).not.toBe(online);
  await expect(page.getByTestId('ticket-view')).toContainText('号码有效');
  await saveScreenshot(page, testInfo, 'ticket-offline');
  await page.getByTestId('ticket-done').click();
  await passFarewellAndStartAgain(page);

  // Out of paper: the whole ticket on screen.
  expect(await callKioskApi(page, 'dev.emulator', { device: 'printer', action: 'paperOut' })).toMatchObject({
    ok: true,
  });
  const onScreen = await takeNormalTicket(page);
  await expect(page.getByTestId('ticket-on-screen')).toHaveText('打印机暂停使用，请记下或拍下您的号码');
  expect(printedReceipts(dataDir).some((text) => text.includes(onScreen))).toBe(false);
  await saveScreenshot(page, testInfo, 'ticket-on-screen');

  await context.close();
  expect(await kiosk.proc.stop()).toBe(0);
  remote.cleanup();
  config.cleanup();
});
