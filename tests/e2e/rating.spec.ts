import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { callKioskApi } from './support/api';
import { startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { STAFFED_CLOCK } from './support/staffed-clock';
import { readPlatformDb } from './support/platform-db';
import { enterHome, LANDSCAPE, PORTRAIT, saveScreenshot } from './support/screens';

/**
 * 好差评 end to end on the kiosk as `npm start` runs it (embedded platform, emulated keypad;
 * KIOSK_DEV=1 so the test can press keypad keys): a ticket completes a service in the session,
 * the keypad picks the level, and a 差评 with a callback phone reaches the platform as a work order.
 */
let kiosk: StartedKiosk;
let config: ReturnType<typeof writeTestConfig>;

test.beforeAll(async () => {
  config = writeTestConfig();
  kiosk = await startKiosk(config.path, { KIOSK_DEV: '1', KIOSK_CLOCK: STAFFED_CLOCK });
});

test.afterAll(async () => {
  expect(await kiosk.proc.stop()).toBe(0);
  config.cleanup();
});

interface StoredRating {
  rating_id: string;
  subject_ref: string;
  level: number;
  body: Record<string, unknown>;
  work_order_no: string | null;
}

function storedRatings(): StoredRating[] {
  return readPlatformDb(
    join(config.dir, 'data', 'platform.sqlite'),
    (db, open) =>
      (
        db
          .prepare(
            `SELECT r.rating_id, r.subject_ref, r.level, r.sealed_rating, w.work_order_no
             FROM ratings r LEFT JOIN work_orders w ON w.rating_id = r.rating_id ORDER BY r.day, r.seq`,
          )
          .all() as Array<Omit<StoredRating, 'body'> & { sealed_rating: Buffer }>
      ).map(({ sealed_rating, ...row }) => ({
        ...row,
        body: open('ratings.sealed_rating', row.rating_id, sealed_rating),
      })),
    // The kiosk keeps the embedded platform's key beside its own, outside the data folder.
    join(config.dir, '.kiosk-keys', 'platform-data-key'),
  );
}

/** A service completed in this session: a queue ticket, taken the way the ticket screen takes it. */
async function takeTicket(page: Page): Promise<void> {
  const answer = (await callKioskApi(page, 'queue.takeTicket', {
    confirmationId: randomUUID(),
    serviceCode: 'social-insurance',
    priority: 'normal',
    matterCode: null,
  })) as { ok: boolean };
  expect(answer.ok).toBe(true);
}

async function pressKeypad(page: Page, level: number): Promise<void> {
  const answer = (await callKioskApi(page, 'dev.emulator', {
    device: 'evaluationKeypad',
    action: 'press',
    argument: String(level),
  })) as { ok: boolean };
  expect(answer.ok).toBe(true);
}

const level = (page: Page, value: number) => page.locator(`[data-testid="rating-level"][data-level="${value}"]`);

test('a resident rates a ticket with the keypad, and may change the level before sending', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ viewport: PORTRAIT });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await enterHome(page);
  await takeTicket(page);

  await page.getByTestId('service-rating').click();
  const form = page.getByTestId('rating-form');
  await expect(form).toBeVisible();
  // No level is chosen for the resident.
  await expect(page.locator('[data-testid="rating-level"][aria-pressed="true"]')).toHaveCount(0);
  await expect(page.getByTestId('rating-submit')).toBeDisabled();
  await saveScreenshot(page, testInfo, 'rating-levels-portrait');

  await pressKeypad(page, 3);
  await expect(level(page, 3)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('rating-options')).toHaveAttribute('data-level', '3');
  await pressKeypad(page, 5);
  await expect(level(page, 5)).toHaveAttribute('aria-pressed', 'true');
  await expect(level(page, 3)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('rating-phone')).toHaveCount(0);
  await page.getByTestId('rating-option').first().click();
  await saveScreenshot(page, testInfo, 'rating-chosen-portrait');

  const before = storedRatings().length;
  await page.getByTestId('rating-submit').click();
  await expect(page.getByTestId('rating-thanks')).toHaveAttribute('data-status', 'delivered');
  await expect(page.getByTestId('rating-work-order')).toHaveCount(0);
  const stored = storedRatings();
  expect(stored).toHaveLength(before + 1);
  expect(stored.at(-1)).toMatchObject({ level: 5, work_order_no: null });
  await context.close();
});

test('a 差评 with a callback phone reaches the platform as a work order', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: LANDSCAPE });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await enterHome(page);
  await takeTicket(page);

  await page.getByTestId('service-rating').click();
  await expect(page.getByTestId('rating-form')).toBeVisible();
  await pressKeypad(page, 1);
  await expect(level(page, 1)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('rating-follow-up')).toContainText('15个工作日');
  await page.getByTestId('rating-option').first().click();
  const pad = page.getByTestId('rating-phone');
  for (const digit of '13912345678') await pad.getByRole('button', { name: `数字 ${digit}`, exact: true }).click();
  await expect(page.getByTestId('rating-phone-value')).toHaveText('13912345678');
  await saveScreenshot(page, testInfo, 'rating-bad-landscape');

  await page.getByTestId('rating-submit').click();
  const thanks = page.getByTestId('rating-thanks');
  await expect(thanks).toHaveAttribute('data-status', 'delivered');
  const workOrder = page.getByTestId('rating-work-order');
  await expect(workOrder).toBeVisible();
  await saveScreenshot(page, testInfo, 'rating-thanks-work-order');

  const last = storedRatings().at(-1);
  expect(last).toMatchObject({ level: 1 });
  expect(last?.work_order_no).toBeTruthy();
  await expect(workOrder).toContainText(last?.work_order_no ?? '');
  expect(last?.body).toMatchObject({
    callbackPhone: '13912345678',
    channel: 'selfServiceTerminal',
  });
  await context.close();
});
