import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { ensureFakeDocumentVideo } from '../../scripts/camera/write-fake-document-video';
import { applyToReceipt, openApply, signInWithCard } from './support/apply-journey';
import { launchWithFakeCamera } from './support/camera';
import { consoleGet, signInToConsole } from './support/console-session';
import { startCountyPlatform } from './support/county-platform';
import { enterHome, LANDSCAPE, saveScreenshot } from './support/screens';
import { STAFFED_CLOCK } from './support/staffed-clock';

/**
 * Statistics and the 台账 export (docs/console.md) from real data: a real platform process and a
 * real kiosk started as `npm start` starts them, both on a staffed working morning. A resident
 * takes a ticket, applies with the ID card and rates the application 非常满意; the county's first
 * admin opens 统计与台账 for that day, sees the figures, the three charts drawn with their series,
 * downloads the 台账 as .xlsx (opened here with ExcelJS) and as CSV, each with the application's
 * row and the applicant's name masked, and finds both exports in the audit log.
 */

const STATION = '370784-JZ-DB';
const TERMINAL = 'KIOSK-370784-JZ-DB-01';
const TOKEN = 'e2e-statistics-terminal-token-0123456789';
const MATTER = '城乡居民基本养老保险参保登记';
const ADMIN = { username: 'sun.admin', displayName: '孙管理员', password: 'an-qiu-tai-ji-32-hao' };
/** The China day of STAFFED_CLOCK: the kiosk's and the platform's day. */
const DAY = STAFFED_CLOCK.slice(0, 10);
const HEADER = ['日期', '事项', '办件编号', '申请人', '渠道', '办理方式', '状态', '评价', '回访'];
/** The emulated card's resident is 李测试 (support/apply-journey.ts); an admin's 台账 masks the name. */
const MASKED_APPLICANT = '李*试';

test.setTimeout(4 * 60_000);

test('the statistics page counts a ticket and an application from the kiosk, draws its charts, and the 台账 exports as .xlsx and CSV with the applicant masked', async ({
  browser,
}, testInfo) => {
  const county = await startCountyPlatform({
    stationId: STATION,
    terminalId: TERMINAL,
    token: TOKEN,
    admin: ADMIN,
    // Tickets are issued only in staffed hours: the platform keeps the kiosk's working morning.
    clock: STAFFED_CLOCK,
    kioskEnv: { KIOSK_DEV: '1' },
  });
  const { origin, kiosk } = county;
  const cameraBrowser = await launchWithFakeCamera(ensureFakeDocumentVideo(join(county.scratchDir, 'camera')));
  try {
    // At the kiosk: a ticket, then an application rated 非常满意 right from its receipt.
    const kioskPage = await (await cameraBrowser.newContext({ viewport: LANDSCAPE })).newPage();
    await kioskPage.goto(kiosk.url);
    await enterHome(kioskPage);
    const ticketNo = await takeTicket(kioskPage);
    await kioskPage.getByTestId('ticket-done').click();
    await kioskPage.getByTestId('farewell-ok').click();
    await openApply(kioskPage, MATTER);
    await signInWithCard(kioskPage);
    await applyToReceipt(kioskPage, testInfo, 'statistics-apply');
    await expect(kioskPage.getByTestId('apply-receipt')).toHaveAttribute('data-status', 'delivered');
    const caseNo = ((await kioskPage.getByTestId('receipt-case-no').textContent()) ?? '').trim();
    expect(caseNo).not.toBe('');
    await kioskPage.getByTestId('receipt-rate').click();
    await kioskPage.locator('[data-testid="rating-level"][data-level="5"]').click();
    await kioskPage.getByTestId('rating-option').first().click();
    await kioskPage.getByTestId('rating-submit').click();
    await expect(kioskPage.getByTestId('rating-thanks')).toHaveAttribute('data-status', 'delivered');
    await kioskPage.context().close();

    // The county's first admin opens the statistics of that day from the navigation.
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signInToConsole(page, origin, ADMIN);
    await page.getByTestId('nav-statistics').click();
    await expect(page).toHaveURL(/\/console\/statistics/);
    const filters = page.getByRole('form', { name: '统计范围' });
    await filters.locator('input[name="from"]').fill(DAY);
    await filters.locator('input[name="to"]').fill(DAY);
    await filters.getByRole('button').click();
    await expect(page).toHaveURL(`${origin}/console/statistics?from=${DAY}&to=${DAY}`);

    const figure = (key: string) => page.getByTestId(`figure-${key}`).locator('dd');
    await expect(figure('applications')).toHaveText('1');
    await expect(figure('ticketsIssued')).toHaveText('1');
    await expect(figure('ratings')).toHaveText('1');
    await expect(figure('satisfactionRate')).toHaveText('100.0 %');
    const cells = (table: string, row: string) =>
      page.getByTestId(table).getByRole('row', { name: row, exact: false }).getByRole('cell');
    await expect(cells('matters-table', MATTER)).toHaveText(['1']);
    // Tickets issued, called, no-show; applications.
    await expect(cells('daily-table', DAY)).toHaveText(['1', '0', '0', '1']);
    await expect(cells('levels-table', '非常满意')).toHaveText(['1']);

    // Each chart is drawn, with as many series as it shows: tickets issued / called / no-show per
    // day; applications by state; ratings by level.
    for (const [testId, series] of [
      ['chart-daily', 3],
      ['chart-states', 1],
      ['chart-levels', 1],
    ] as const) {
      const chart = page.getByTestId(testId);
      await expect(chart).toHaveAttribute('data-series-count', String(series));
      await expect.poll(() => paintedPixels(page, testId), { message: `${testId} is painted` }).toBeGreaterThan(0);
    }
    await saveScreenshot(page, testInfo, 'console-statistics');

    // The 台账 as .xlsx: a title row, the county's columns, the application's row, masked.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download(page, 'export-xlsx', /\.xlsx$/));
    const sheet = workbook.getWorksheet('台账');
    expect(sheet).toBeDefined();
    const rows: string[][] = [];
    sheet!.eachRow((row) => rows.push(HEADER.map((_, column) => row.getCell(column + 1).text)));
    expect(rows[0]?.[0]).toContain(`台账 ${DAY} 至 ${DAY}`);
    expect(rows[1]).toEqual(HEADER);
    expect(rows).toHaveLength(3);
    const row = rows[2] ?? [];
    expect(row.slice(0, 5)).toEqual([DAY, MATTER, caseNo, MASKED_APPLICANT, '自助终端']);
    expect(row[5]).toMatch(/·窗口领取$/);
    expect(row[7]).toBe('非常满意');
    expect(row[8]).toBe('');
    // The state in the 台账 is the one the page counts.
    await expect(cells('states-table', row[6] ?? '')).toHaveText(['1']);

    // The same 台账 as CSV (UTF-8 with a BOM for Excel): the same rows.
    const csv = readFileSync(await download(page, 'export-csv', /\.csv$/), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([HEADER, row]);

    // Both exports are in the audit log, with the row count and the names masked.
    const exports = (await auditEntries(page)).filter((entry) => entry.action === 'ledger.exported');
    expect(exports.map((entry) => [entry.username, entry.outcome, entry.detail])).toEqual([
      [ADMIN.username, 'ok', `${DAY}..${DAY} csv rows=1 names=masked`],
      [ADMIN.username, 'ok', `${DAY}..${DAY} xlsx rows=1 names=masked`],
    ]);
    testInfo.annotations.push({ type: 'ticket', description: ticketNo });
  } finally {
    await cameraBrowser.close();
    await county.stop();
  }
});

/** From home: 取号, the first service that issues, a regular number. */
async function takeTicket(page: Page): Promise<string> {
  await page.getByRole('button', { name: /取号/ }).first().click();
  await page.getByTestId('ticket-services').locator('button:not([disabled])').first().click();
  await page.getByTestId('ticket-priority').locator('[data-priority=normal]').click();
  const number = page.getByTestId('ticket-number');
  await expect(number).toHaveText(/^[A-Z][0-9]{3}$/);
  return (await number.textContent()) ?? '';
}

/** Clicks an export link and resolves with the saved file once the browser has it all. */
async function download(page: Page, testId: string, name: RegExp): Promise<string> {
  const [file]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  expect(file.suggestedFilename()).toMatch(name);
  expect(await file.failure()).toBeNull();
  const path = await file.path();
  return path;
}

/** Pixels of the chart's canvas that are not transparent: ECharts drew something there. */
function paintedPixels(page: Page, testId: string): Promise<number> {
  return page.evaluate((id) => {
    const canvas = document.querySelector(`[data-testid="${id}"] canvas`);
    if (!(canvas instanceof HTMLCanvasElement) || canvas.width === 0 || canvas.height === 0) return 0;
    const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let alpha = 3; pixels && alpha < pixels.length; alpha += 4) if (pixels[alpha] !== 0) painted += 1;
    return painted;
  }, testId);
}

interface AuditLine {
  username: string | null;
  action: string;
  outcome: string;
  detail: string | null;
}

/** GET /console/api/audit (getAudit) from the signed-in admin's page: the newest entries first. */
async function auditEntries(page: Page): Promise<AuditLine[]> {
  return ((await consoleGet(page, '/audit')).body as { entries: AuditLine[] }).entries;
}

/** RFC 4180 records: a quoted cell may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  const cell = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n|$)/y;
  let record: string[] = [];
  while (cell.lastIndex < text.length) {
    const match = cell.exec(text);
    if (match === null) throw new Error(`not CSV at ${cell.lastIndex}`);
    const [, value = '', end] = match;
    record.push(value.startsWith('"') ? value.slice(1, -1).replace(/""/g, '"') : value);
    if (end !== ',') {
      records.push(record);
      record = [];
    }
  }
  return records;
}
