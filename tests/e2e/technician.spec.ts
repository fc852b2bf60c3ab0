import { join } from 'node:path';
import { callKioskApi } from './support/api';
import { expect, test, type Page } from '@playwright/test';
import { startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { readPlatformDb } from './support/platform-db';
import { LANDSCAPE, saveScreenshot } from './support/screens';

/**
 * Technician mode end to end, on the kiosk as `npm start` runs it (emulated devices, embedded
 * platform; KIOSK_DEV=1 so the test can place a card on the emulated reader): the hidden gesture,
 * a wrong PIN then the right one (default.json: 246810), the printer and card tests, an
 * inspection submitted, found in the platform's own database, and printed.
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

async function typePin(page: Page, pin: string): Promise<void> {
  const pad = page.getByTestId('technician-pin');
  for (const digit of pin) await pad.getByRole('button', { name: `数字 ${digit}`, exact: true }).click();
  await page.getByTestId('technician-pin-submit').click();
}

function storedInspections(): Array<{ inspection_id: string; body: Record<string, unknown> }> {
  return readPlatformDb(
    join(config.dir, 'data', 'platform.sqlite'),
    (db, open) =>
      (
        db.prepare('SELECT inspection_id, sealed_report FROM inspections').all() as Array<{
          inspection_id: string;
          sealed_report: Buffer;
        }>
      ).map((row) => ({
        inspection_id: row.inspection_id,
        body: open('inspections.sealed_report', row.inspection_id, row.sealed_report),
      })),
    // The kiosk keeps the embedded platform's key beside its own, outside the data folder.
    join(config.dir, '.kiosk-keys', 'platform-data-key'),
  );
}

test('a technician inspects the kiosk and the platform receives the 巡检单', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: LANDSCAPE });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await page.getByTestId('attract-screen').waitFor();

  // The hidden gesture: five taps in the top-left corner.
  for (let i = 0; i < 5; i++) await page.mouse.click(20 + i, 20);
  await expect(page.getByTestId('technician-pin')).toBeVisible();

  await typePin(page, '1357');
  await expect(page.getByTestId('technician-pin-problem')).toHaveText('密码错误，还可以再试 4 次');
  await saveScreenshot(page, testInfo, 'technician-pin');

  await typePin(page, '246810');
  const devices = page.getByTestId('technician-devices');
  // kiosk-config/default.json names the four fixed devices, an emulated QR scanner, and the face
  // camera and microphone of 视频帮办.
  await expect(devices.locator('article')).toHaveCount(7);
  await expect(devices.locator('[data-device=faceCamera]')).toBeVisible();
  await expect(devices.locator('[data-device=microphone]')).toBeVisible();
  await expect(devices.locator('[data-device=printer]')).toContainText('正常');

  // Printer test: a test page on the emulated printer.
  const printer = devices.locator('[data-device=printer]');
  await printer.getByRole('button', { name: '打印测试页' }).click();
  await expect(printer.getByTestId('technician-test-result')).toContainText('通过');

  // Card test: core waits for a card; the emulator gets one placed on it.
  const reader = devices.locator('[data-device=idCardReader]');
  await reader.getByRole('button', { name: '读测试卡' }).click();
  await expect(reader.getByText('请在 20 秒内把测试身份证放到读卡区')).toBeVisible();
  expect(await callKioskApi(page, 'dev.emulator', { device: 'idCardReader', action: 'insertCard' })).toMatchObject({
    ok: true,
  });
  const cardResult = reader.getByTestId('technician-test-result');
  await expect(cardResult).toContainText('通过', { timeout: 20_000 });
  await expect(cardResult).toContainText('*');

  // Scan test: core waits for a read; the emulated scanner sends a receipt's code as bytes over its PTY.
  const scanner = devices.locator('[data-device=qrScanner]');
  await scanner.getByRole('button', { name: '扫码测试' }).click();
  await expect(scanner.getByTestId('scan-test-waiting')).toBeVisible();
  const receiptCode = 'https://zwfw.example.gov.cn/anqiu/progress?case=AQ-20261121-0001';
  expect(
    await callKioskApi(page, 'dev.emulator', { device: 'qrScanner', action: 'scan', argument: receiptCode }),
  ).toMatchObject({ ok: true });
  await expect(scanner.getByTestId('technician-test-result')).toContainText('通过', { timeout: 20_000 });
  await expect(scanner.getByTestId('scan-test-read')).toHaveAttribute('data-recognised', 'receipt');
  await expect(scanner.getByTestId('scan-test-read')).toContainText(receiptCode);
  await saveScreenshot(page, testInfo, 'technician-devices');

  // The inspection: checklist, consumables, who, outcome.
  await page.getByRole('tab', { name: '巡检' }).click();
  const form = page.getByTestId('technician-inspection');
  await expect(form.locator('[data-device=printer]')).toContainText('打印测试页 · 通过');
  await form.getByLabel('偏少').check();
  await form.getByLabel('已清洁屏幕和设备表面').check();
  await form.getByTestId('inspector-name').fill('测试巡检员');
  await form.getByTestId('inspector-staff-id').fill('E2E-0001');
  await form.getByLabel('设备正常').check();
  await saveScreenshot(page, testInfo, 'technician-inspection');
  await form.getByTestId('inspection-submit').click();

  const done = page.getByTestId('technician-inspection-done');
  await expect(done).toContainText(/巡检单已上报平台，编号 INSP-\d{8}-\d{4}/);
  const platformId = /INSP-\d{8}-\d{4}/.exec((await done.textContent()) ?? '')?.[0];

  // The platform stored exactly this report.
  const stored = storedInspections();
  expect(stored).toHaveLength(1);
  expect(stored[0]?.inspection_id).toBe(platformId);
  const report = stored[0]!.body as unknown as {
    inspector: { name: string; staffId: string };
    devices: Array<{ device: string; test: string }>;
    outcome: string;
  };
  expect(report.inspector).toEqual({ name: '测试巡检员', staffId: 'E2E-0001' });
  expect(report.outcome).toBe('normal');
  expect(report.devices).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ device: 'printer', test: 'pass' }),
      expect.objectContaining({ device: 'idCardReader', test: 'pass' }),
      expect.objectContaining({ device: 'qrScanner', test: 'pass' }),
    ]),
  );

  await done.getByRole('button', { name: '打印巡检单' }).click();
  await expect(done).toContainText('巡检单已打印');
  await saveScreenshot(page, testInfo, 'technician-submitted');

  await page.getByRole('tab', { name: '待上报' }).click();
  await expect(page.getByTestId('technician-outbox')).toContainText('没有待上报的内容');
  await page.getByRole('tab', { name: '日志' }).click();
  await expect(page.getByTestId('technician-logs').locator('li').first()).toBeVisible();
  await saveScreenshot(page, testInfo, 'technician-logs');

  await page.getByTestId('technician-exit').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  await context.close();
});
