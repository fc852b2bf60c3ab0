import { expect, type Page, type TestInfo } from '@playwright/test';
import { callKioskApi } from './api';
import { enterHome, saveScreenshot } from './screens';

/**
 * 自助申报 at the kiosk as a resident does it, for the tests that need an application: open the
 * matter's guide, sign in with the emulated ID card (李测试), answer the platform's form, capture a
 * material with the document camera (a Chromium from support/camera.ts), 窗口领取, confirm, and
 * wait for the receipt.
 */

/** From the attract screen to the matter's sign-in step. */
export async function openApply(page: Page, matter: string): Promise<void> {
  await enterHome(page);
  await page.getByTestId('matter-item').filter({ hasText: matter }).first().click();
  await expect(page.getByTestId('guide-screen')).toContainText(matter);
  await page.getByTestId('action-apply').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
}

export async function signInWithCard(page: Page): Promise<void> {
  await page.getByTestId('sign-in-self').click();
  await expect(page.getByTestId('card-prompt')).toContainText('请把身份证放在屏幕下方的读卡区');
  const placed = await callKioskApi(page, 'dev.emulator', {
    device: 'idCardReader',
    action: 'insertCard',
    argument: 'resident',
  });
  expect(placed).toMatchObject({ ok: true });
  await expect(page.getByTestId('signed-in-name')).toHaveText('李测试');
  await page.getByTestId('sign-in-continue').click();
}

/** Whatever the platform's form asks: a plausible answer for every required field still empty. */
export async function fillRequiredFields(page: Page): Promise<void> {
  const form = page.getByTestId('apply-form');
  await expect(form).toBeVisible();
  for (const field of await form.locator('[data-required="true"]').all()) {
    const kind = (await field.getAttribute('data-kind')) ?? 'text';
    if (kind === 'select') {
      if ((await field.locator('[aria-pressed="true"]').count()) === 0) await field.getByRole('button').first().click();
      continue;
    }
    const input = field.locator('input, textarea').first();
    if ((await input.inputValue()).trim() !== '') continue;
    const answer: Record<string, string> = {
      phone: '13805361234',
      number: '1',
      date: '2020-01-01',
      idNumber: '370784194803150035',
    };
    await input.fill(answer[kind] ?? '测试村民');
  }
}

/** Captures the first material (and any other required one); skips the optional rest. */
export async function takeMaterials(page: Page): Promise<number> {
  let captured = 0;
  const material = page.getByTestId('apply-material');
  const delivery = page.getByTestId('apply-delivery');
  for (let guard = 0; guard < 20; guard += 1) {
    await expect(material.or(delivery)).toBeVisible();
    if (await delivery.isVisible()) return captured;
    const required = (await material.getAttribute('data-required')) === 'true';
    if (captured === 0 || required) {
      await page.getByTestId('material-capture').click();
      // Auto-capture takes the first page once the clip holds still and sharp.
      await expect(page.getByTestId('page-thumbnail')).toHaveCount(1, { timeout: 30_000 });
      await page.getByTestId('capture-done').click();
      await expect(page.getByTestId('material-state')).toContainText('已拍摄');
      captured += 1;
      await page.getByTestId('apply-next').click();
    } else {
      await page.getByTestId('material-skip').click();
    }
  }
  throw new Error('the materials step never ended');
}

export async function applyToReceipt(page: Page, testInfo: TestInfo, prefix: string): Promise<void> {
  await fillRequiredFields(page);
  await saveScreenshot(page, testInfo, `${prefix}-form`);
  await page.getByTestId('apply-next').click();
  expect(await takeMaterials(page)).toBeGreaterThanOrEqual(1);
  await page.getByTestId('delivery-pickUp').click();
  await page.getByTestId('apply-next').click();
  await expect(page.getByTestId('apply-review')).toContainText('已拍摄');
  await saveScreenshot(page, testInfo, `${prefix}-review`);
  await page.getByTestId('apply-confirm').click();
  await expect(page.getByTestId('apply-receipt')).toBeVisible({ timeout: 30_000 });
}
