import { join } from 'node:path';
import { callKioskApi } from './support/api';
import { takeReadCardOff } from './support/id-card';
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { enterHome, LANDSCAPE, passFarewellAndStartAgain, saveScreenshot } from './support/screens';

/**
 * 预约 end to end (embedded platform, KIOSK_DEV=1): book with the emulated ID card, find the
 * booking in the platform's database, then check in with the same card for a priority ticket.
 */
let kiosk: StartedKiosk;
let config: ReturnType<typeof writeTestConfig>;

test.beforeAll(async () => {
  config = writeTestConfig();
  kiosk = await startKiosk(config.path, { KIOSK_DEV: '1' });
});

test.afterAll(async () => {
  expect(await kiosk.proc.stop()).toBe(0);
  config.cleanup();
});

/** Whether a card read in an earlier visit still lies on the reader. */
let cardOnReader = false;

/** The sign-in screen asks for the card; the emulator places one; the resident confirms it is them. */
async function signInWithCard(page: Page): Promise<void> {
  // Someone who signed in earlier in this visit is greeted at once; no card needed again.
  const self = page.getByTestId('sign-in-self');
  const signedIn = page.getByTestId('signed-in');
  await expect(self.or(page.getByTestId('card-prompt')).or(signedIn)).toBeVisible();
  if (await signedIn.isVisible()) {
    await page.getByTestId('sign-in-continue').click();
    return;
  }
  // Journeys that allow an agent first ask for whom; this resident applies for themself.
  if (await self.isVisible()) await self.click();
  await expect(page.getByTestId('card-prompt')).toBeVisible();
  // A new visit needs a new read, and the reader reads a card once per placement: the card left on
  // the reader by the previous visit is taken off first, and the reader must see it gone.
  if (cardOnReader) await takeReadCardOff(page);
  expect(await callKioskApi(page, 'dev.emulator', { device: 'idCardReader', action: 'insertCard' })).toMatchObject({
    ok: true,
  });
  cardOnReader = true;
  await page.getByTestId('sign-in-continue').click({ timeout: 20_000 });
}

function platformAppointments(): Array<{ appointment_id: string; status: string }> {
  const db = new Database(join(config.dir, 'data', 'platform.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT appointment_id, status FROM appointments').all() as Array<{
      appointment_id: string;
      status: string;
    }>;
  } finally {
    db.close();
  }
}

test('book an appointment with the ID card, then check in for a priority ticket', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: LANDSCAPE });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await enterHome(page);

  await page
    .getByRole('button', { name: /预约办事|预约/ })
    .first()
    .click();
  const journey = page.getByTestId('appointment-journey');
  await journey.getByTestId('appointment-matters').locator('button').first().click();
  await journey.getByTestId('appointment-points').locator('button').first().click();
  await journey.getByTestId('appointment-days').locator('button:not([disabled])').first().click();
  await journey.getByTestId('appointment-slots').locator('button:not([disabled])').first().click();
  await signInWithCard(page);
  const pad = page.getByTestId('appointment-phone');
  for (const digit of '13800000000') await pad.getByRole('button', { name: `数字 ${digit}`, exact: true }).click();
  await page.getByTestId('appointment-phone-next').click();
  await saveScreenshot(page, testInfo, 'appointment-confirm');
  await page.getByTestId('appointment-confirm-submit').click();
  const slip = page.getByTestId('appointment-slip');
  await expect(slip).toBeVisible();
  await saveScreenshot(page, testInfo, 'appointment-booked');
  const id = /预约号\s*(AP-\d{8}-\d{4,})/.exec((await slip.textContent()) ?? '')?.[1];
  expect(platformAppointments()).toContainEqual({ appointment_id: id, status: 'booked' });
  await page.getByTestId('appointment-done').click();
  await passFarewellAndStartAgain(page);

  // Check-in: only an appointment for today can be checked in; the sample platform's slots
  // start today when it still has free ones. With none today the kiosk says so and offers 取号.
  await page.getByRole('button', { name: /签到/ }).first().click();
  await signInWithCard(page);
  const mine = page.getByTestId('appointment-mine');
  const none = page.getByTestId('appointment-none-today');
  await expect(mine.or(none)).toBeVisible();
  if (await mine.isVisible()) {
    await mine.locator('button').first().click();
    await expect(page.getByTestId('ticket-number')).toHaveText(/^[A-Z][0-9]{3}$/);
    await expect(page.getByTestId('appointment-checked-in')).toContainText('签到成功');
    await saveScreenshot(page, testInfo, 'appointment-checked-in');
  } else {
    await saveScreenshot(page, testInfo, 'appointment-none-today');
  }
  await context.close();
});
