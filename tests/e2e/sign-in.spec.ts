import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ensureFakeDocumentVideo } from '../../scripts/camera/write-fake-document-video';
import { launchWithFakeCamera } from './support/camera';
import { callKioskApi } from './support/api';
import { takeReadCardOff } from './support/id-card';
import { startKiosk, writeTestConfig } from './support/kiosk-process';
import { enterHome, LANDSCAPE, PORTRAIT, saveScreenshot } from './support/screens';

/**
 * Sign-in end to end on the real kiosk (KIOSK_DEV=1, emulated ID card reader): by card, 不是您？,
 * by typing the number on the keypad, and 为他人办理 (agent, then applicant). Entered from a
 * guide's 在本机申请, with the fake document camera so the apply journey may start.
 */

const MATTER = '城乡居民基本养老保险参保登记';
const WOMAN_ID = '370784199006010024';
const ELDERLY_ID = '370784194803150035';

test.setTimeout(180_000);

async function card(page: Page, action: 'insertCard' | 'removeCard', argument?: string): Promise<void> {
  // The reader reads a card once per placement: after a card was read it must see it gone (a poll
  // finds the field empty) before the next card counts as a new placement (support/id-card.ts).
  if (action === 'removeCard') return takeReadCardOff(page);
  const answer = await callKioskApi(page, 'dev.emulator', {
    device: 'idCardReader',
    action,
    ...(argument === undefined ? {} : { argument }),
  });
  expect(answer).toMatchObject({ ok: true });
}

async function openSignIn(page: Page): Promise<void> {
  await enterHome(page);
  await page.getByTestId('matter-item').filter({ hasText: MATTER }).first().click();
  await page.getByTestId('action-apply').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
}

async function withKiosk(run: (page: Page) => Promise<void>) {
  const config = writeTestConfig();
  const video = ensureFakeDocumentVideo(join(config.dir, 'camera'));
  const kiosk = await startKiosk(config.path, { KIOSK_DEV: '1' });
  const browser = await launchWithFakeCamera(video);
  try {
    const page = await (await browser.newContext({ viewport: PORTRAIT })).newPage();
    await page.goto(kiosk.url);
    await run(page);
  } finally {
    await browser.close();
    expect(await kiosk.proc.stop()).toBe(0);
    config.cleanup();
  }
}

test('sign in with the card, "不是您？", then by typing the ID number on the keypad', async () => {
  const testInfo = test.info();
  await withKiosk(async (page) => {
    await openSignIn(page);
    await expect(page.getByText('为他人办理（我是经办人）')).toBeVisible();
    await page.getByTestId('sign-in-self').click();
    await expect(page.getByTestId('card-prompt')).toContainText('请把身份证放在屏幕下方的读卡区');
    await saveScreenshot(page, testInfo, 'sign-in-card-portrait');

    await card(page, 'insertCard', 'resident');
    await expect(page.getByTestId('signed-in-name')).toHaveText('李测试');
    await expect(page.getByTestId('signed-in-id')).toHaveText(/^3707\*+0024$/);
    // Only the masked number is on the page.
    expect(await page.locator('body').innerText()).not.toContain(WOMAN_ID);
    await saveScreenshot(page, testInfo, 'sign-in-signed-in-portrait');

    await card(page, 'removeCard');
    await page.getByTestId('sign-in-not-me').click();
    await page.getByTestId('sign-in-self').click();
    await page.getByTestId('type-instead').click();
    const keypad = page.getByTestId('id-keypad');
    // A wrong check digit is caught on the kiosk, in plain words.
    for (const key of `${ELDERLY_ID.slice(0, 17)}9`) await keypad.locator(`[data-key="${key}"]`).click();
    await expect(page.getByTestId('id-number-display')).toHaveText('370784 19480315 0039');
    await page.getByTestId('typed-name').fill('王示例');
    await page.getByTestId('typed-submit').click();
    await expect(page.getByTestId('id-number-message')).toContainText('这个身份证号不对');
    await saveScreenshot(page, testInfo, 'sign-in-keypad-portrait');
    await keypad.locator('[data-key="backspace"]').click();
    await keypad.locator('[data-key="5"]').click();
    await page.getByTestId('typed-submit').click();
    await expect(page.getByTestId('signed-in-name')).toHaveText('王示例');
    await expect(page.getByTestId('signed-in-id')).toHaveText(/^3707\*+0035$/);
  });
});

test('为他人办理: the agent signs in with the relation, then the applicant', async () => {
  const testInfo = test.info();
  const config = writeTestConfig();
  const video = ensureFakeDocumentVideo(join(config.dir, 'camera'));
  const kiosk = await startKiosk(config.path, { KIOSK_DEV: '1' });
  const browser = await launchWithFakeCamera(video);
  try {
    const page = await (await browser.newContext({ viewport: LANDSCAPE })).newPage();
    await page.goto(kiosk.url);
    await openSignIn(page);
    await page.getByTestId('sign-in-for-other').click();
    await page.locator('[data-relation="family"]').click();
    await expect(page.getByTestId('sign-in-step')).toHaveText('第一步：经办人确认身份');
    await card(page, 'insertCard', 'residentElderly');
    await expect(page.getByTestId('agent-done')).toContainText('（家属）');
    await expect(page.getByTestId('sign-in-step')).toHaveText('第二步：申请人确认身份');

    // The same card again: the agent cannot also be the applicant.
    await card(page, 'removeCard');
    await card(page, 'insertCard', 'residentElderly');
    await expect(page.getByTestId('sign-in-notice')).toContainText('不能是同一个人');
    await saveScreenshot(page, testInfo, 'sign-in-agent-same-person');

    await card(page, 'removeCard');
    await card(page, 'insertCard', 'resident');
    await expect(page.getByTestId('signed-in-name')).toHaveText('李测试');
    const state = (await callKioskApi(page, 'session.state', {})) as {
      ok: boolean;
      value: { applicant: { name: string } | null; agent: { relation: string } | null };
    };
    expect(state).toMatchObject({ ok: true, value: { applicant: { name: '李测试' }, agent: { relation: 'family' } } });
    await saveScreenshot(page, testInfo, 'sign-in-agent-landscape');
  } finally {
    await browser.close();
    expect(await kiosk.proc.stop()).toBe(0);
    config.cleanup();
  }
});
