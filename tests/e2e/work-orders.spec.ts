import { expect, test } from '@playwright/test';
import type { WorkOrderDetail, WorkOrderKpis } from '../../platform/contract/console/work-order-views';
import { consoleGet, createStationStaff, signInToConsole } from './support/console-session';
import { startCountyPlatform } from './support/county-platform';
import { enterHome, LANDSCAPE, saveScreenshot } from './support/screens';
import { STAFFED_CLOCK } from './support/staffed-clock';

/**
 * 差评 follow-up from the resident's keypad to the station's KPI (docs/console.md): a real platform
 * process and a real kiosk started as `npm start` starts them, both on a staffed working morning
 * (STAFFED_CLOCK) so the resident can take a ticket. The resident takes a ticket and rates it
 * 非常不满意 with a callback phone; the rating reaches the platform as a work order; the county
 * admin makes a station staff login; staff see the month's 回访率 at 0 %, open the work order
 * (level and phone shown), record the callback (not satisfied), the fix (整改) and close it; the
 * list shows it closed and the tiles show 回访率 and 整改率 at 100 %, as the console API says.
 */

const STATION = '370784-JZ-DB';
const TERMINAL = 'KIOSK-370784-JZ-DB-01';
const TOKEN = 'e2e-work-order-terminal-token-0123456789';
const ADMIN = { username: 'zhao.admin', displayName: '赵管理员', password: 'qiu-shan-lu-47-hao' };
const STAFF = { username: 'sun.staff', displayName: '孙红梅', password: 'dong-bu-cun-5-zu-08' };
const PHONE = '13812345678';
/** The month of STAFFED_CLOCK, as the KPI tiles' month field takes it. */
const MONTH = STAFFED_CLOCK.slice(0, 7);
const CONSOLE_VIEWPORT = { width: 1366, height: 768 };

test.setTimeout(3 * 60_000);

/**
 * A callback time staff would type: the minute after the work order was made, in China time (the
 * console's context runs in Asia/Shanghai). Not before the work order, and at most a minute after
 * it, so never ahead of the platform's clock.
 */
function minuteAfter(iso: string): string {
  const next = (Math.floor(Date.parse(iso) / 60_000) + 1) * 60_000;
  return new Date(next + 8 * 3600_000).toISOString().slice(0, 16);
}

test('a 差评 given at the kiosk becomes a work order that station staff call back, fix and close, and 回访率 moves to 100 %', async ({
  browser,
}, testInfo) => {
  const county = await startCountyPlatform({
    stationId: STATION,
    terminalId: TERMINAL,
    token: TOKEN,
    admin: ADMIN,
    // The platform issues tickets by its own clock: the kiosk's staffed morning.
    clock: STAFFED_CLOCK,
  });
  const { origin, kiosk } = county;
  try {
    // The resident takes a ticket, then rates the service from the ticket screen: 非常不满意.
    const kioskContext = await browser.newContext({ viewport: LANDSCAPE });
    const kioskPage = await kioskContext.newPage();
    await kioskPage.goto(kiosk.url);
    await enterHome(kioskPage);
    await kioskPage.getByRole('button', { name: /取号/ }).first().click();
    await kioskPage.getByTestId('ticket-services').locator('button:not([disabled])').first().click();
    await kioskPage.getByTestId('ticket-priority').locator('[data-priority=normal]').click();
    await expect(kioskPage.getByTestId('ticket-number')).not.toBeEmpty();
    await kioskPage.getByTestId('ticket-rate').click();
    await expect(kioskPage.getByTestId('rating-form')).toBeVisible();
    await kioskPage.locator('[data-testid="rating-level"][data-level="1"]').click();
    await expect(kioskPage.getByTestId('rating-follow-up')).toContainText('15个工作日');
    await kioskPage.getByTestId('rating-option').first().click();
    const pad = kioskPage.getByTestId('rating-phone');
    for (const digit of PHONE) await pad.getByRole('button', { name: `数字 ${digit}`, exact: true }).click();
    await expect(kioskPage.getByTestId('rating-phone-value')).toHaveText(PHONE);
    await kioskPage.getByTestId('rating-submit').click();
    // Delivered: the platform took it (not kept in the kiosk's outbox for later).
    await expect(kioskPage.getByTestId('rating-thanks')).toHaveAttribute('data-status', 'delivered');
    const workOrderNo = (
      (await kioskPage.getByTestId('rating-work-order').locator('.code').textContent()) ?? ''
    ).trim();
    expect(workOrderNo).toMatch(/^WO-\d{8}-\d{4,}$/);
    await kioskContext.close();

    // The county admin makes the station's staff login through the console API.
    const adminContext = await browser.newContext({ viewport: CONSOLE_VIEWPORT });
    const adminPage = await adminContext.newPage();
    await signInToConsole(adminPage, origin, ADMIN);
    expect(await createStationStaff(adminPage, STAFF, STATION)).toMatchObject({ status: 201 });
    await adminContext.close();

    // Staff open 差评工单 and choose the month: one work order, nobody called back yet.
    const staffContext = await browser.newContext({ viewport: CONSOLE_VIEWPORT, timezoneId: 'Asia/Shanghai' });
    const staffPage = await staffContext.newPage();
    await signInToConsole(staffPage, origin, STAFF);
    await staffPage.getByTestId('nav-workOrders').click();
    await expect(staffPage).toHaveURL(`${origin}/console/work-orders`);
    await staffPage.getByTestId('work-order-kpis').getByLabel('月份').fill(MONTH);
    const tile = (figure: string) => staffPage.getByTestId(`kpi-${STATION}-${figure}`);
    await expect(tile('created')).toHaveText('1');
    await expect(tile('callback-rate')).toHaveText('0%');
    await expect(tile('rectification-rate')).toHaveText('0%');
    await expect(tile('overdue')).toHaveText('0');
    const row = staffPage.getByTestId(`work-order-${workOrderNo}`);
    await expect(row).toHaveAttribute('data-status', 'open');
    await expect(row).toHaveAttribute('data-overdue', 'false');
    await expect(row).toContainText('非常不满意');
    await expect(row).toContainText('待回访');
    await saveScreenshot(staffPage, testInfo, 'console-work-orders-open');

    // The work order: the rating's level and the phone to call.
    await row.getByRole('button', { name: workOrderNo }).click();
    const detail = staffPage.getByTestId('work-order-detail');
    const steps = detail.getByTestId('work-order-steps');
    await expect(steps).toHaveAttribute('data-status', 'open');
    await expect(detail.getByTestId('rating-level')).toHaveText('非常不满意');
    await expect(detail.getByTestId('callback-phone')).toHaveText(PHONE);

    // ① 回访: called the minute after it came in; the resident is still not satisfied.
    const { body: order } = await consoleGet(staffPage, `/work-orders/${workOrderNo}`);
    const createdAt = (order as WorkOrderDetail).summary.createdAt;
    const callback = detail.getByTestId('step-callback');
    await callback.getByLabel('回访时间').fill(minuteAfter(createdAt));
    await callback.getByLabel('不满意', { exact: true }).check();
    await callback.getByLabel('回访记录').fill('已电话回访，群众反映排队等候时间过长');
    await callback.getByRole('button', { name: '保存回访' }).click();
    await expect(steps).toHaveAttribute('data-status', 'followedUp');
    await expect(callback).toContainText('不满意：已电话回访');
    await expect(callback).toContainText(STAFF.displayName);
    await expect(row).toHaveAttribute('data-status', 'followedUp');
    await expect(tile('callback-rate')).toHaveText('100%');
    await expect(tile('rectification-rate')).toHaveText('0%');

    // Not satisfied: 办结 needs the fix first.
    const closing = detail.getByTestId('step-close');
    const fix = detail.getByTestId('step-fix');
    await fix.getByLabel('整改情况').fill('高峰时段增开一个社保窗口');
    await fix.getByRole('button', { name: '保存整改' }).click();
    await expect(fix).toContainText('高峰时段增开一个社保窗口');
    await expect(tile('rectification-rate')).toHaveText('100%');

    // ③ 办结.
    await closing.getByRole('button', { name: '办结工单' }).click();
    await expect(steps).toHaveAttribute('data-status', 'closed');
    await expect(closing).toContainText('已整改办结');
    await expect(row).toHaveAttribute('data-status', 'closed');
    await expect(row).toContainText('已办结');
    await expect(tile('closed')).toHaveText('1');
    await expect(tile('callback-rate')).toHaveText('100%');
    await saveScreenshot(staffPage, testInfo, 'console-work-order-closed');

    // The same figures from the console API the tiles read.
    const { status, body } = await consoleGet(staffPage, `/work-orders/kpis?from=${MONTH}-01&to=${MONTH}-31`);
    expect(status).toBe(200);
    const kpis = body as WorkOrderKpis;
    expect(kpis.stations.map((station) => station.stationId)).toEqual([STATION]);
    expect(kpis.stations[0]?.kpi).toMatchObject({
      created: 1,
      calledBack: 1,
      callbackRate: 1,
      rectified: 1,
      rectificationRate: 1,
      closed: 1,
      overdue: 0,
      late: 0,
    });
  } finally {
    await county.stop();
  }
});
