import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { ensureFakeDocumentVideo } from '../../scripts/camera/write-fake-document-video';
import { launchWithFakeCamera } from './support/camera';
import { applyToReceipt, openApply, signInWithCard } from './support/apply-journey';
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
    await openApply(page, MATTER);
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
    await openApply(page, MATTER);
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
