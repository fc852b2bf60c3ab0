import { expect, test } from '@playwright/test';
import { startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { signInForOwnProgress } from './support/id-card';
import { enterHome, LANDSCAPE, saveScreenshot } from './support/screens';

/** 办件进度 end to end (embedded platform, KIOSK_DEV=1): by ID card, and by a typed number. */
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

test('progress by ID card lists the resident’s cases; by number a wrong number is said plainly', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ viewport: LANDSCAPE });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await enterHome(page);

  await signInForOwnProgress(page);
  await saveScreenshot(page, testInfo, 'progress-mine');
  // One 返回 on the screen, the bar's: back to the two ways of looking a case up.
  await page.getByTestId('back-button').click();

  await page.getByTestId('progress-journey').locator('[data-way=number]').click();
  const field = page.getByTestId('progress-reference');
  await expect(field).toBeFocused();
  // A keyboard-wedge scanner types the QR content and Enter into the focused field.
  await page.keyboard.type('bmkiosk:progress:AQ-NO-SUCH-CASE');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('progress-problem')).toContainText('没有找到这个编号的办件');
  await saveScreenshot(page, testInfo, 'progress-not-found');

  // By hand: the 办件编号 pad has the county's region fixed and takes the 14 digits.
  await page.getByRole('button', { name: '再试一次' }).click();
  const pad = page.getByTestId('progress-pad');
  await pad.locator('[data-key="clear"]').click();
  await expect(field).toHaveAttribute('placeholder', '370784-________-______');
  for (const digit of '20261206') await pad.getByRole('button', { name: `数字 ${digit}`, exact: true }).click();
  await expect(field).toHaveValue('370784-20261206');
  await expect(page.getByTestId('progress-digits-left')).toHaveText('还差 6 位数字');
  for (const digit of '999999') await pad.getByRole('button', { name: `数字 ${digit}`, exact: true }).click();
  await expect(field).toHaveValue('370784-20261206-999999');
  await saveScreenshot(page, testInfo, 'progress-case-number-pad');
  await page.getByTestId('progress-lookup').click();
  await expect(page.getByTestId('progress-problem')).toContainText('没有找到这个编号的办件');
  await context.close();
});
