import { expect, test } from '@playwright/test';
import { createStationStaff, signInToConsole } from './support/console-session';
import { signInForOwnProgress, takeReadCardOff } from './support/id-card';
import { startCountyPlatform } from './support/county-platform';
import { enterHome, LANDSCAPE, saveScreenshot } from './support/screens';

/**
 * 帮办代办 from the resident's tap to 办结 and back (docs/console.md): a real platform process
 * and a real kiosk started as `npm start` starts them. The resident signs in with the ID card
 * and asks for a callback; the county admin makes a station staff login; staff see the request
 * in the console inbox, accept it, record the call and complete it; the resident signs in again
 * and sees 已办结 and who handled it under 我的求助进度.
 */

const STATION = '370784-JZ-DB';
const TERMINAL = 'KIOSK-370784-JZ-DB-01';
const TOKEN = 'e2e-help-terminal-token-0123456789';
const ADMIN = { username: 'zhao.admin', displayName: '赵管理员', password: 'qiu-shan-lu-47-hao' };
const STAFF = { username: 'liu.staff', displayName: '刘晓燕', password: 'dong-bu-cun-3-zu-12' };
const PHONE = '13912345678';

test.setTimeout(5 * 60_000);

test('a callback asked for at the kiosk is accepted, contacted and completed by station staff, and the resident sees 已办结 with the handler', async ({
  browser,
}, testInfo) => {
  const county = await startCountyPlatform({
    stationId: STATION,
    terminalId: TERMINAL,
    token: TOKEN,
    admin: ADMIN,
    // The emulated ID card reader takes a card on request (dev.emulator).
    kioskEnv: { KIOSK_DEV: '1' },
  });
  const { origin, kiosk } = county;
  try {
    // The resident signs in with the ID card, then asks for a callback from the help button.
    const kioskPage = await (await browser.newContext({ viewport: LANDSCAPE })).newPage();
    await kioskPage.goto(kiosk.url);
    await enterHome(kioskPage);
    await signInForOwnProgress(kioskPage);
    await kioskPage.getByTestId('home-button').click();
    await kioskPage.getByTestId('help-button').click();
    await kioskPage.locator('[data-testid="help-kind"][data-kind="callback"]').click();
    const pad = kioskPage.getByTestId('help-phone');
    for (const digit of PHONE) await pad.getByRole('button', { name: `数字 ${digit}`, exact: true }).click();
    await kioskPage.getByTestId('help-submit').click();
    await expect(kioskPage.getByTestId('help-slip')).toHaveAttribute('data-status', 'delivered');
    const requestId = ((await kioskPage.getByTestId('help-reference').textContent()) ?? '').trim();
    expect(requestId).toMatch(/^AR-\d{8}-\d{4,}$/);
    await takeReadCardOff(kioskPage);
    await kioskPage.getByTestId('end-visit-button').click();
    await kioskPage.getByTestId('farewell-ok').click();

    // The county admin makes the station's staff login through the console API.
    const adminPage = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signInToConsole(adminPage, origin, ADMIN);
    const created = await createStationStaff(adminPage, STAFF, STATION);
    expect(created).toMatchObject({ status: 201 });
    // The admin also sets the station's callback limit (staff do not see this form).
    await adminPage.getByTestId('nav-help').click();
    await adminPage.getByTestId('help-settings-station').selectOption(STATION);
    await expect(adminPage.getByTestId('help-settings-origin')).toHaveText('尚未设置，当前为平台默认值。');
    await adminPage.getByLabel('电话回访（小时）').fill('12');
    await adminPage.getByTestId('help-settings-save').click();
    await expect(adminPage.getByTestId('help-settings-origin')).toContainText(`${ADMIN.displayName} 于`);
    await adminPage.context().close();

    // Staff see the request in their inbox, open it, accept it for themselves.
    const staffPage = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await signInToConsole(staffPage, origin, STAFF);
    await staffPage.getByTestId('nav-help').click();
    const row = staffPage.getByTestId(`help-row-${requestId}`);
    await expect(row).toBeVisible();
    await expect(row).toContainText('电话回访');
    await expect(row.getByTestId('help-due-label')).toHaveAttribute('data-due', 'due');
    await expect(row.getByTestId('help-row-handler')).toHaveText('未受理');
    await expect(staffPage.getByTestId('help-settings')).toHaveCount(0);
    await saveScreenshot(staffPage, testInfo, 'console-help-inbox');
    await row.getByRole('link', { name: requestId }).click();
    await expect(staffPage).toHaveURL(`${origin}/console/help/${requestId}`);
    await expect(staffPage.getByTestId('help-detail-phone')).toHaveText(PHONE);
    await expect(staffPage.getByTestId('help-detail-name')).not.toHaveText('（未留姓名）');
    await staffPage.getByTestId('help-accept-me').click();
    await expect(staffPage.getByTestId('help-detail-handler')).toHaveText(STAFF.displayName);
    await expect(staffPage.getByTestId('help-detail')).toHaveAttribute('data-status', 'assigned');

    // The call, then 办结 with a note.
    await staffPage.getByLabel('联系方式').selectOption('phone');
    await staffPage.getByLabel('联系结果').selectOption('reached');
    await staffPage.getByLabel('备注（可选）').fill('已电话联系，约定明天上午到站办理');
    await staffPage.getByTestId('help-contact-save').click();
    const contact = staffPage.locator('[data-testid^="help-contact-row-"]');
    await expect(contact).toHaveCount(1);
    await expect(contact).toHaveAttribute('data-outcome', 'reached');
    await expect(contact).toContainText('已电话联系');
    await expect(staffPage.getByTestId('help-detail')).toHaveAttribute('data-status', 'inProgress');
    await staffPage.getByLabel('办结说明（群众诉求如何解决）').fill('已到站代办完成');
    await staffPage.getByTestId('help-complete-submit').click();
    await expect(staffPage.getByTestId('help-detail')).toHaveAttribute('data-status', 'done');
    await expect(staffPage.getByTestId('help-detail-completion')).toContainText('已到站代办完成');
    await expect(staffPage.getByTestId('help-contact-form')).toHaveCount(0);
    await saveScreenshot(staffPage, testInfo, 'console-help-done');

    // Done requests leave the default (open) inbox and show under 已办结, a filter in the URL.
    await staffPage.getByTestId('nav-help').click();
    await expect(staffPage.getByTestId(`help-row-${requestId}`)).toHaveCount(0);
    await staffPage.getByTestId('help-filter-status').selectOption('done');
    await expect(staffPage).toHaveURL(`${origin}/console/help?status=done`);
    await expect(staffPage.getByTestId(`help-row-${requestId}`).getByTestId('help-row-status')).toHaveText('已办结');

    // The resident signs in again and follows it up at the kiosk.
    await enterHome(kioskPage);
    await signInForOwnProgress(kioskPage);
    await kioskPage.getByTestId('home-button').click();
    await kioskPage.getByTestId('help-button').click();
    await kioskPage.getByTestId('help-mine-open').click();
    const mine = kioskPage.locator('[data-testid="help-mine-request"]', { hasText: requestId });
    await expect(mine).toHaveAttribute('data-status', 'done');
    await expect(mine).toContainText('已办结');
    await expect(mine.getByTestId('help-mine-handler')).toContainText(STAFF.displayName);
    await saveScreenshot(kioskPage, testInfo, 'kiosk-help-mine-done');
  } finally {
    await county.stop();
  }
});
