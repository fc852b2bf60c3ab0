import { expect, test, type Page } from '@playwright/test';
import { callKioskApi } from './support/api';
import { startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { STAFFED_CLOCK } from './support/staffed-clock';
import { enterHome, PORTRAIT, saveScreenshot } from './support/screens';

/**
 * Who may see what, on the real kiosk (KIOSK_DEV=1, emulated reader, embedded platform):
 * - someone who typed an ID number is asked for the card, in plain words, when a journey would
 *   open that person's records (我的办件), and is offered 帮办 instead of the keypad;
 * - 结束办理 ends the visit with a reminder to take the card, and the next visitor sees nothing of
 *   the previous one: no name on the sign-in screen, no number in the progress lookup, no
 *   services to rate.
 */

const NEIGHBOUR_ID = '370784194803150035';

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

async function typedSignIn(page: Page): Promise<void> {
  const answer = await callKioskApi(page, 'session.signInWithIdNumber', {
    role: 'applicant',
    idNumber: NEIGHBOUR_ID,
    name: '冒名者',
  });
  expect(answer).toMatchObject({ ok: true, value: { applicant: { source: 'typed', verified: false } } });
}

test('a typed number does not open 我的办件: the screen asks for the card and offers help', async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: PORTRAIT })).newPage();
  await page.goto(kiosk.url);
  await enterHome(page);
  await typedSignIn(page);

  await page.getByTestId('service-progress').click();
  await page.locator('[data-way="card"]').click();
  // 为他人办理 is offered first; for oneself, the card prompt follows.
  const self = page.getByTestId('sign-in-self');
  await expect(self.or(page.getByTestId('card-prompt'))).toBeVisible();
  if (await self.isVisible()) await self.click();
  await expect(page.getByTestId('card-required')).toContainText('查看您的办件记录需要刷身份证');
  await expect(page.getByTestId('sign-in-notice')).toContainText('这一步需要刷身份证');
  await expect(page.getByTestId('type-instead')).toHaveCount(0);
  await expect(page.getByTestId('signed-in')).toHaveCount(0);
  await saveScreenshot(page, test.info(), 'privacy-card-required');
  // The API refuses the same, whatever a page asks.
  expect(await callKioskApi(page, 'progress.mine', {})).toMatchObject({ ok: false, error: { code: 'cardRequired' } });

  await page.getByTestId('card-required-help').click();
  await expect(page.getByTestId('help-screen')).toBeVisible();
  await page.getByTestId('end-visit-button').click();
  await expect(page.getByTestId('farewell-screen')).toContainText('请取走您的身份证');
  await page.getByTestId('farewell-ok').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  expect(await callKioskApi(page, 'session.state', {})).toEqual({ ok: true, value: { applicant: null, agent: null } });
});

test('结束办理: the next visitor sees no name, no case number and nothing to rate of the previous one', async ({
  browser,
}) => {
  const page = await (await browser.newContext({ viewport: PORTRAIT })).newPage();
  await page.goto(kiosk.url);
  await enterHome(page);

  // The first visitor signs in with the card, takes a ticket and types a case number to look up.
  await page.getByTestId('service-ticket').click();
  await page.getByTestId('ticket-services').locator('button:not([disabled])').first().click();
  await page.getByTestId('ticket-priority').locator('[data-priority=normal]').click();
  await expect(page.getByTestId('ticket-number')).toBeVisible();
  expect(
    await callKioskApi(page, 'dev.emulator', { device: 'idCardReader', action: 'insertCard', argument: 'resident' }),
  ).toMatchObject({ ok: true });
  await expect
    .poll(async () => callKioskApi(page, 'session.signInWithCard', { role: 'applicant' }), { timeout: 15_000 })
    .toMatchObject({ ok: true, value: { applicant: { name: '李测试' } } });
  await callKioskApi(page, 'dev.emulator', { device: 'idCardReader', action: 'removeCard' });

  await page.getByTestId('end-visit-button').click();
  await expect(page.getByTestId('farewell-screen')).toBeVisible();
  await page.getByTestId('farewell-ok').click();

  // The next visitor.
  await enterHome(page);
  await page.getByTestId('service-rating').click();
  await expect(page.getByTestId('rating-nothing')).toBeVisible();
  await page.getByTestId('home-button').click();
  await page.getByTestId('service-progress').click();
  await page.locator('[data-way="card"]').click();
  const self = page.getByTestId('sign-in-self');
  await expect(self.or(page.getByTestId('card-prompt'))).toBeVisible();
  await expect(page.getByTestId('signed-in')).toHaveCount(0);
  expect(await page.locator('body').innerText()).not.toContain('李测试');
  expect(await callKioskApi(page, 'session.completedServices', {})).toEqual({ ok: true, value: [] });
});
