import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { ensureFakeDocumentVideo } from '../../scripts/camera/write-fake-document-video';
import { launchWithFakeCamera } from './support/camera';
import { callKioskApi } from './support/api';
import { runScript, startKiosk, waitForLine, writeTestConfig } from './support/kiosk-process';
import { writeTerminalsFile } from './support/platform-db';
import { enterHome, LANDSCAPE, saveScreenshot } from './support/screens';

/**
 * 自助申报 end to end, against the kiosk as `npm start` runs it (KIOSK_DEV=1 for the emulator
 * controls) in a Chromium whose camera is the fake document clip: sign in with the emulated ID
 * card, fill the form, capture a material, submit, and find the receipt on the emulated printer
 * and the application in the platform's database. Then the same with the platform gone: the
 * receipt says 已保存在本机 and the outbox delivers it once the platform is back.
 */

const MATTER = '城乡居民基本养老保险参保登记';
const TERMINAL = 'KIOSK-370784-JZ-DB-01';
const TOKEN = 'e2e-terminal-token-0123456789';

test.setTimeout(240_000);

interface StoredApplication {
  case_no: string;
  local_ref: string;
  matter_code: string;
  delivery_method: string;
}

function storedApplications(platformDb: string): StoredApplication[] {
  const db = new Database(platformDb, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT case_no, local_ref, matter_code, delivery_method FROM applications ORDER BY day, seq')
      .all() as StoredApplication[];
  } finally {
    db.close();
  }
}

function printedReceipts(dataDir: string): string[] {
  const dir = join(dataDir, 'emulated-printer');
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /^receipt-.*\.txt$/.test(name));
  } catch {
    return [];
  }
  return names.map((name) => readFileSync(join(dir, name), 'utf8'));
}

async function openApply(page: Page): Promise<void> {
  await enterHome(page);
  await page.getByTestId('matter-item').filter({ hasText: MATTER }).first().click();
  await expect(page.getByTestId('guide-screen')).toContainText(MATTER);
  await page.getByTestId('action-apply').click();
  await expect(page.getByTestId('sign-in')).toBeVisible();
}

async function signInWithCard(page: Page): Promise<void> {
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
async function fillRequiredFields(page: Page): Promise<void> {
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
async function takeMaterials(page: Page): Promise<number> {
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

async function applyToReceipt(page: Page, testInfo: ReturnType<typeof test.info>, prefix: string): Promise<void> {
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

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: LANDSCAPE })).newPage();
}

test('apply with the ID card and a captured material: receipt printed, application on the platform', async () => {
  const testInfo = test.info();
  const config = writeTestConfig();
  const dataDir = join(config.dir, 'data');
  const video = ensureFakeDocumentVideo(join(config.dir, 'camera'));
  const kiosk = await startKiosk(config.path, { KIOSK_DEV: '1' });
  const browser = await launchWithFakeCamera(video);
  try {
    const page = await newPage(browser);
    await page.goto(kiosk.url);
    await openApply(page);
    await signInWithCard(page);
    await applyToReceipt(page, testInfo, 'apply-online');

    const receipt = page.getByTestId('apply-receipt');
    await expect(receipt).toHaveAttribute('data-status', 'delivered');
    await expect(page.getByTestId('receipt-status')).toHaveText('已提交到政务服务平台。');
    await expect(page.getByTestId('receipt-print')).toHaveText('回执已打印，请从出纸口取走。');
    const caseNo = ((await page.getByTestId('receipt-case-no').textContent()) ?? '').trim();
    expect(caseNo).not.toBe('');
    await saveScreenshot(page, testInfo, 'apply-online-receipt');

    // The paper receipt names the case; the platform holds the application, once.
    await expect.poll(() => printedReceipts(dataDir).some((text) => text.includes(caseNo))).toBe(true);
    const stored = storedApplications(join(dataDir, 'platform.sqlite')).filter((row) => row.case_no === caseNo);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.delivery_method).toBe('pickUp');
    // The pick-up place by its name, never the station's id.
    const paper = printedReceipts(dataDir).find((text) => text.includes(caseNo)) ?? '';
    expect(paper).toContain('领取地点：东埠村便民服务站');
    expect(paper).not.toContain('370784-JZ-DB');

    // 评价本次服务 right after applying: a 差评's callback phone is offered from the form, not retyped.
    await page.getByTestId('receipt-rate').click();
    await expect(page.getByTestId('rating-form')).toBeVisible();
    await page.locator('[data-testid="rating-level"][data-level="1"]').click();
    await page.getByTestId('rating-option').first().click();
    await expect(page.getByTestId('rating-phone-value')).not.toContainText('138');
    const offer = page.getByTestId('rating-phone-offer');
    await expect(offer).toHaveText('使用刚才填写的 138****1234');
    await offer.click();
    await expect(page.getByTestId('rating-phone-value')).toHaveText('13805361234');
  } finally {
    await browser.close();
    expect(await kiosk.proc.stop()).toBe(0);
    config.cleanup();
  }
});

test('with the platform down the application is saved on the kiosk, said so, and delivered later', async () => {
  const testInfo = test.info();
  const config = writeTestConfig();
  const tokenFile = join(config.dir, 'platform.token');
  writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
  const platformDb = join(config.dir, 'platform.sqlite');
  const startPlatform = (port: string) =>
    runScript(
      'platform/server/main.ts',
      [
        '--port',
        port,
        '--db',
        platformDb,
        '--terminals-file',
        writeTerminalsFile(config.dir, TERMINAL, TOKEN, '370784-JZ-DB'),
      ],
      {},
    );

  let platform = startPlatform('0');
  const [, baseUrl] = await waitForLine(platform, /platform listening on (http:\/\/127\.0\.0\.1:(\d+)\/api\/v1)/);
  const port = /:(\d+)\/api/.exec(baseUrl ?? '')?.[1] ?? '0';
  const dataDir = join(config.dir, 'data');
  const remote = writeTestConfig((c) => {
    c['platform'] = { mode: 'remote', baseUrl, tokenFile, timeoutMs: 2000 };
    c['data'] = { dir: dataDir };
  });
  const video = ensureFakeDocumentVideo(join(config.dir, 'camera'));
  const kiosk = await startKiosk(remote.path, { KIOSK_DEV: '1' });
  const browser = await launchWithFakeCamera(video);
  try {
    const page = await newPage(browser);
    await page.goto(kiosk.url);
    await enterHome(page);
    await platform.stop('SIGKILL');
    await page.reload();
    await openApply(page);
    await signInWithCard(page);
    await applyToReceipt(page, testInfo, 'apply-offline');

    await expect(page.getByTestId('apply-receipt')).toHaveAttribute('data-status', 'savedOffline');
    await expect(page.getByTestId('receipt-status')).toHaveText('已保存在本机，网络恢复后自动上报。');
    await expect(page.getByTestId('receipt-case-no')).toHaveCount(0);
    const shownRef = ((await page.getByTestId('receipt-local-ref').textContent()) ?? '').trim();
    const localRef = (await page.getByTestId('receipt-local-ref').getAttribute('data-local-ref')) ?? '';
    expect(localRef).toMatch(/^[0-9a-f-]{36}$/);
    expect(shownRef).toBe(localRef.slice(0, 8).toUpperCase());
    await saveScreenshot(page, testInfo, 'apply-offline-receipt');
    await expect.poll(() => printedReceipts(dataDir).some((text) => text.includes(shownRef))).toBe(true);

    // The platform comes back on the same address; the outbox delivers the application by itself.
    platform = startPlatform(port);
    await waitForLine(platform, /platform listening on/);
    await expect
      .poll(() => storedApplications(platformDb).filter((row) => row.local_ref === localRef).length, {
        timeout: 120_000,
        intervals: [1000],
      })
      .toBe(1);
  } finally {
    await browser.close();
    expect(await kiosk.proc.stop()).toBe(0);
    await platform.stop();
    remote.cleanup();
    config.cleanup();
  }
});
