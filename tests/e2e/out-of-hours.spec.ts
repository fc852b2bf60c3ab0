import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { enterHome, PORTRAIT, saveScreenshot } from './support/screens';

/**
 * The screens tell the truth out of hours, on the kiosk as `npm start` runs it with its clock
 * started elsewhere (KIOSK_CLOCK, development checkout) and both the kiosk process and the page
 * in UTC, so China time on screen can only come from the station's configured zone:
 * - a Sunday: no calling today and when it starts (Monday 08:30), no minutes; Sunday 休息 among
 *   the appointment days; help promises a callback when staff are back and the hotline, and no
 *   agent comes to the station;
 * - 国庆 (1 October 2026, a public holiday by the State Council's notice): the same, naming the
 *   holiday, with calling next on 8 October; every appointment day of the week says 国庆节 休息;
 * - a make-up working Saturday (调休, 10 October 2026): staff are on duty, the windows call and a
 *   ticket is taken; help offers an agent at the station.
 * The default station (kiosk-config/default.json): 周一至周五 08:30–12:00 and 13:30–17:30, 周六
 * 09:00–12:00.
 */

interface Moment {
  readonly name: string;
  /** KIOSK_CLOCK */
  readonly clock: string;
  /** The header as it reads a few seconds after the kiosk's clock started. */
  readonly headerTime: RegExp;
  readonly headerDate: string;
}

const SUNDAY: Moment = {
  name: 'sunday',
  clock: '2026-11-22T14:00:00+08:00',
  headerTime: /^14:0\d$/,
  headerDate: '11月22日星期日',
};
const NATIONAL_DAY: Moment = {
  name: 'national-day',
  clock: '2026-10-01T10:00:00+08:00',
  headerTime: /^10:0\d$/,
  headerDate: '10月1日星期四',
};
const MAKE_UP_SATURDAY: Moment = {
  name: 'make-up-saturday',
  clock: '2026-10-10T10:00:00+08:00',
  headerTime: /^10:0\d$/,
  headerDate: '10月10日星期六',
};

async function openAt(browser: Browser, moment: Moment): Promise<{ kiosk: StartedKiosk; page: Page }> {
  const config = writeTestConfig();
  const kiosk = await startKiosk(config.path, { KIOSK_DEV: '1', KIOSK_CLOCK: moment.clock, TZ: 'UTC' });
  const context = await browser.newContext({ viewport: PORTRAIT, timezoneId: 'UTC' });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await enterHome(page);
  return { kiosk, page };
}

/** The page runs in UTC and the header still shows the station's (China) time and date. */
async function expectChinaClock(page: Page, moment: Moment): Promise<void> {
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
  expect(await page.evaluate(() => new Date().getTimezoneOffset())).toBe(0);
  const clock = page.getByTestId('clock');
  await expect(clock).toHaveAttribute('data-zone', 'Asia/Shanghai');
  await expect(clock.locator('.clock-time')).toHaveText(moment.headerTime);
  await expect(clock.locator('.clock-date')).toHaveText(moment.headerDate);
}

async function openTicketScreen(page: Page): Promise<void> {
  await page.getByTestId('service-ticket').click();
  await expect(page.getByTestId('ticket-services')).toBeVisible();
}

async function openAppointmentDays(page: Page): Promise<ReturnType<Page['getByTestId']>> {
  await page.getByTestId('service-appointment').click();
  const journey = page.getByTestId('appointment-journey');
  await journey.getByTestId('appointment-matters').locator('button').first().click();
  await journey.getByTestId('appointment-points').locator('button').first().click();
  const days = journey.getByTestId('appointment-days');
  await expect(days).toBeVisible();
  return days;
}

async function openHelp(page: Page): Promise<void> {
  await page.getByTestId('help-button').click();
  await expect(page.getByTestId('help-screen')).toBeVisible();
}

async function home(page: Page): Promise<void> {
  await page.getByTestId('home-button').click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
}

async function shot(page: Page, testInfo: TestInfo, moment: Moment, what: string): Promise<void> {
  await saveScreenshot(page, testInfo, `out-of-hours-${moment.name}-${what}`);
}

test('on a Sunday afternoon: no calling until Monday 08:30, Sunday 休息, help promises Monday', async ({
  browser,
}, testInfo) => {
  const { kiosk, page } = await openAt(browser, SUNDAY);
  await expectChinaClock(page, SUNDAY);
  await expect(page.getByTestId('service-ticket')).toContainText('今天已停止叫号');
  await shot(page, testInfo, SUNDAY, 'home');

  await openTicketScreen(page);
  await expect(page.getByTestId('ticket-calling')).toHaveText('今天休息，不叫号，下次 明天（周一）08:30 开始叫号。');
  const services = page.getByTestId('ticket-services');
  await expect(services.locator('button:not([disabled])')).toHaveCount(0);
  await expect(services).toContainText('今天不再叫号');
  await expect(page.getByTestId('ticket-journey')).not.toContainText('分钟');
  await shot(page, testInfo, SUNDAY, 'ticket');
  await home(page);

  const days = await openAppointmentDays(page);
  const sunday = days.locator('[data-date="2026-11-22"]');
  await expect(sunday).toHaveAttribute('data-status', 'rest');
  await expect(sunday).toContainText('休息');
  await expect(sunday).not.toContainText('已约满');
  await expect(sunday).toBeDisabled();
  await expect(days.locator('[data-date="2026-11-23"]')).toHaveAttribute('data-status', 'open');
  await shot(page, testInfo, SUNDAY, 'appointment-days');
  await home(page);

  await openHelp(page);
  await expect(page.getByTestId('help-off-duty')).toContainText('电话回访和上门服务会在明天（周一）08:30上班后联系您');
  await expect(page.getByTestId('help-off-duty')).toContainText('服务热线 0536-4000123');
  const agent = page.locator('[data-testid="help-kind"][data-kind="agentAtStation"]');
  await expect(agent).toBeDisabled();
  await expect(agent).toContainText('现在不能到站');
  await expect(page.getByTestId('help-screen')).not.toContainText('尽快到站');
  await shot(page, testInfo, SUNDAY, 'help');
  await kiosk.proc.stop();
});

test('on 国庆 (1 October 2026): the holiday named, calling next on 8 October, every appointment day 休息', async ({
  browser,
}, testInfo) => {
  const { kiosk, page } = await openAt(browser, NATIONAL_DAY);
  await expectChinaClock(page, NATIONAL_DAY);
  await shot(page, testInfo, NATIONAL_DAY, 'home');

  await openTicketScreen(page);
  await expect(page.getByTestId('ticket-calling')).toHaveText(
    '今天国庆节放假，不叫号，下次 10月8日（周四）08:30 开始叫号。',
  );
  await expect(page.getByTestId('ticket-services').locator('button:not([disabled])')).toHaveCount(0);
  await expect(page.getByTestId('ticket-journey')).not.toContainText('分钟');
  await shot(page, testInfo, NATIONAL_DAY, 'ticket');
  await home(page);

  const days = await openAppointmentDays(page);
  // The first page of days (six to a page in portrait): every one a day of the holiday.
  for (const date of ['2026-10-01', '2026-10-03', '2026-10-06']) {
    const day = days.locator(`[data-date="${date}"]`);
    await expect(day).toHaveAttribute('data-status', 'rest');
    await expect(day).toContainText('国庆节 休息');
  }
  await expect(page.getByTestId('appointment-journey')).not.toContainText('已约满');
  await expect(page.getByTestId('appointment-no-days')).toBeVisible();
  await shot(page, testInfo, NATIONAL_DAY, 'appointment-days');
  await home(page);

  await openHelp(page);
  await expect(page.getByTestId('help-off-duty')).toContainText('10月8日（周四）08:30上班后联系您');
  await expect(page.locator('[data-testid="help-kind"][data-kind="agentAtStation"]')).toBeDisabled();
  await shot(page, testInfo, NATIONAL_DAY, 'help');
  await kiosk.proc.stop();
});

test('on a make-up working Saturday (调休, 10 October 2026): staff on duty, the windows call, an agent can come', async ({
  browser,
}, testInfo) => {
  const { kiosk, page } = await openAt(browser, MAKE_UP_SATURDAY);
  await expectChinaClock(page, MAKE_UP_SATURDAY);
  await expect(page.getByTestId('service-ticket')).not.toContainText('停止叫号');

  await openTicketScreen(page);
  await expect(page.getByTestId('ticket-calling')).toHaveCount(0);
  await page.getByTestId('ticket-services').locator('button:not([disabled])').first().click();
  await page.getByTestId('ticket-priority').locator('[data-priority=normal]').click();
  await expect(page.getByTestId('ticket-number')).toHaveText(/^[A-Z][0-9]{3}$/);
  await expect(page.getByTestId('ticket-wait')).toHaveAttribute('data-wait', 'minutes');
  await expect(page.getByTestId('ticket-view')).toContainText(/取号时间 10:0\d/);
  await shot(page, testInfo, MAKE_UP_SATURDAY, 'ticket');
  await page.getByTestId('ticket-done').click();
  await page.getByTestId('farewell-ok').click();
  await enterHome(page);

  await openHelp(page);
  await expect(page.locator('[data-testid="help-kind"][data-kind="agentAtStation"]')).toBeEnabled();
  await expect(page.getByTestId('help-off-duty')).toHaveCount(0);
  await shot(page, testInfo, MAKE_UP_SATURDAY, 'help');
  await kiosk.proc.stop();
});
