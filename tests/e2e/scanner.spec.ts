import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { callKioskApi } from './support/api';
import { takeReadCardOff } from './support/id-card';
import { startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { STAFFED_CLOCK } from './support/staffed-clock';
import { enterHome, PORTRAIT, saveScreenshot } from './support/screens';

/**
 * The QR scanner end to end, on the kiosk as `npm start` runs it (embedded platform, KIOSK_DEV=1):
 * the emulated serial scanner writes each read as a real scanner's bytes (text + CR) into a socat
 * PTY, the driver frames and decodes them, core classifies the read, and the page reacts. Nothing
 * here sends the page an event of its own: reads go in at the byte level only (dev.emulator).
 */
let kiosk: StartedKiosk;
let config: ReturnType<typeof writeTestConfig>;

test.beforeAll(async () => {
  // kiosk-config/default.json names an emulated scanner and a progress page.
  config = writeTestConfig();
  // The test takes a ticket: on a morning when staff call tickets, whatever day it runs.
  kiosk = await startKiosk(config.path, { KIOSK_DEV: '1', KIOSK_CLOCK: STAFFED_CLOCK });
});

test.afterAll(async () => {
  expect(await kiosk.proc.stop()).toBe(0);
  config.cleanup();
});

type Answer = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string; message: string } };

async function call(page: Page, method: string, input: unknown): Promise<Record<string, unknown>> {
  const answer = (await callKioskApi(page, method, input)) as Answer;
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
}

/** Holds a code to the emulated scanner: its bytes go over the PTY like a real scanner's. */
async function scan(page: Page, text: string): Promise<void> {
  await call(page, 'dev.emulator', { device: 'qrScanner', action: 'scan', argument: text });
}

/** A one-page PDF, as the camera's PDF writer makes them (only its header matters to core). */
const pdfBase64 = (marker: string) =>
  Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`).toString('base64');

function valueFor(field: { kind: string; value: string; options?: Array<{ value: string }> }): string {
  if (field.value) return field.value;
  if (field.kind === 'phone') return '13800138000';
  if (field.kind === 'date') return '2026-01-01';
  if (field.kind === 'number') return '1';
  if (field.kind === 'select') return field.options?.[0]?.value ?? '';
  return '自助终端测试';
}

async function signInWithCard(page: Page) {
  await call(page, 'dev.emulator', { device: 'idCardReader', action: 'insertCard' });
  // Core waits a few seconds for the read; on a slow machine the card stays on the reader while it
  // waits again. Once read, the card is taken off and the reader must see it gone, so the next
  // card is a new placement (support/id-card.ts).
  for (let attempt = 1; ; attempt += 1) {
    const answer = (await callKioskApi(page, 'session.signInWithCard', { role: 'applicant' })) as Answer;
    if (answer.ok) {
      await takeReadCardOff(page);
      return;
    }
    if (answer.error.code !== 'noCard' || attempt === 3) {
      throw new Error(`session.signInWithCard: ${answer.error.code} ${answer.error.message}`);
    }
  }
}

/** An application submitted earlier by someone, as the API lets a test make one: its receipt's code. */
async function submittedReceipt(page: Page): Promise<{ caseNo: string; progressQr: string }> {
  await signInWithCard(page);
  const catalog = (await call(page, 'catalog.list', { limit: 500 })) as {
    matters: Array<{ code: string; channels: string[] }>;
  };
  const matter = catalog.matters.find((m) => m.channels.includes('selfService'));
  expect(matter, 'the sample catalog offers a matter for self-service submission').toBeDefined();
  const draft = (await call(page, 'application.start', { matterCodes: [matter!.code], lifeEventId: null })) as {
    fields: Array<{ name: string; kind: string; value: string; options?: Array<{ value: string }> }>;
    materials: Array<{ name: string; required: boolean }>;
  };
  const materials = [];
  for (const material of draft.materials.filter((m) => m.required)) {
    const staged = await call(page, 'capture.stage', {
      materialName: material.name,
      pageCount: 1,
      pdfBase64: pdfBase64(material.name),
    });
    materials.push({ name: material.name, captureIds: [staged['captureId'] as string] });
  }
  const receipt = (await call(page, 'application.submit', {
    confirmationId: randomUUID(),
    matterCodes: [matter!.code],
    lifeEventId: null,
    form: Object.fromEntries(draft.fields.map((field) => [field.name, valueFor(field)] as const)),
    materials,
    delivery: { method: 'pickUp' },
  })) as { status: string; progressQr: string; matters: Array<{ caseNo: string | null }> };
  expect(receipt.status).toBe('delivered');
  // That resident has gone: the next person scans the receipt.
  await call(page, 'session.end', {});
  const caseNo = receipt.matters[0]?.caseNo ?? '';
  expect(caseNo).not.toBe('');
  return { caseNo, progressQr: receipt.progressQr };
}

test("a receipt's code opens that case's progress; a ticket's code opens its rating; other codes change nothing", async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ viewport: PORTRAIT });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await enterHome(page);

  // The receipt as printed: an https address of the county's progress page with the case number.
  const { caseNo, progressQr } = await submittedReceipt(page);
  expect(progressQr).toBe(`https://zwfw.example.gov.cn/anqiu/progress?case=${caseNo}`);
  await scan(page, progressQr);
  const detail = page.getByTestId('progress-detail');
  await expect(detail).toBeVisible({ timeout: 15_000 });
  await expect(detail).toContainText(caseNo);
  await saveScreenshot(page, testInfo, 'scanner-receipt-progress');
  await page.getByTestId('home-button').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();

  // A ticket taken earlier today at this kiosk; its holder comes back after the window.
  const taken = (await call(page, 'queue.takeTicket', {
    confirmationId: randomUUID(),
    serviceCode: 'social-insurance',
    priority: 'normal',
    matterCode: null,
  })) as { ticket: { ticketId: string; ticketNo: string } };
  await call(page, 'session.end', {});
  await scan(page, `https://zwfw.example.gov.cn/anqiu/progress?ticket=${taken.ticket.ticketId}`);
  const form = page.getByTestId('rating-form');
  await expect(form).toBeVisible({ timeout: 15_000 });
  await expect(form).toHaveAttribute('data-ref', taken.ticket.ticketId);
  await expect(page.getByTestId('rating-service-title')).toContainText(taken.ticket.ticketNo);
  await saveScreenshot(page, testInfo, 'scanner-ticket-rating');
  await page.getByTestId('home-button').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();

  // Someone's payment code: a plain message, home stays as it was.
  await scan(page, 'https://pay.example.com/qr?code=6222021234567890');
  await expect(page.getByTestId('scan-notice')).toHaveAttribute('data-notice', 'notOurs');
  await expect(page.getByTestId('home-screen')).toBeVisible();
  await saveScreenshot(page, testInfo, 'scanner-not-ours');
  await page.getByTestId('scan-notice-close').click();
  // Line noise the driver refuses: nothing at all reaches the screen. The driver logs each frame
  // it refuses (drivers/scanner/scan-events.ts) instead of emitting a read, so once that line is
  // there the noise has been dealt with, and no notice can come of it later.
  const refused = () => kiosk.proc.output().split('bytes from the scanner were not a read').length - 1;
  const refusedBefore = refused();
  await call(page, 'dev.emulator', { device: 'qrScanner', action: 'garbage' });
  await expect.poll(refused).toBe(refusedBefore + 1);
  await expect(page.getByTestId('scan-notice')).toHaveCount(0);
  await expect(page.getByTestId('home-screen')).toBeVisible();

  // The scan hint shows where a scanner is configured.
  await page.getByRole('button', { name: /进度/ }).first().click();
  await expect(page.getByTestId('scan-hint')).toHaveText('可扫描回执上的二维码');
  await context.close();
});

test('without a scanner in kiosk-config, no screen offers scanning', async ({ browser }) => {
  const bare = writeTestConfig((c) => {
    delete (c['devices'] as Record<string, unknown>)['qrScanner'];
  });
  const plain = await startKiosk(bare.path, { KIOSK_DEV: '1' });
  try {
    const context = await browser.newContext({ viewport: PORTRAIT });
    const page = await context.newPage();
    await page.goto(plain.url);
    await enterHome(page);
    const snapshot = await call(page, 'devices.snapshot', {});
    expect((snapshot['devices'] as Array<{ device: string }>).map((d) => d.device)).not.toContain('qrScanner');
    await page.getByRole('button', { name: /进度/ }).first().click();
    const journey = page.getByTestId('progress-journey');
    await expect(journey.locator('[data-way=number]')).toBeVisible();
    await expect(page.getByTestId('scan-hint')).toHaveCount(0);
    await expect(journey).not.toContainText('扫');
    await journey.locator('[data-way=number]').click();
    await expect(page.getByTestId('progress-entry')).toBeVisible();
    await expect(page.getByTestId('scan-hint')).toHaveCount(0);
    await expect(page.getByTestId('progress-entry')).not.toContainText('扫');
    await context.close();
  } finally {
    expect(await plain.proc.stop()).toBe(0);
    bare.cleanup();
  }
});
