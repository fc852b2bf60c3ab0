import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { callKioskApi } from './support/api';
import { runScript, startKiosk, waitForLine, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { createConsoleAdmin } from './support/console-admin';
import { writeTerminalsFile } from './support/platform-db';
import { enterHome, LANDSCAPE, saveScreenshot } from './support/screens';

/**
 * The county console against a real platform process and two real kiosks started as `npm start`
 * starts them (docs/fleet.md, docs/console.md). One kiosk joins by a one-time enrolment code an
 * admin creates and approves in the console; the other is registered from the terminals file.
 * The platform tells kiosks to beat every 10 s (--fleet-config), so "within one heartbeat" is
 * about 12 s with the jitter; the console's pages refresh every 15 s.
 */

const ENROLLED = 'KIOSK-370784-JZ-DB-01';
const FILED = 'KIOSK-JZ-DJZ-01';
const FILED_TOKEN = 'e2e-fleet-terminal-token-0123456789';
const ADMIN = { username: 'zhao.admin', displayName: '赵管理员', password: 'qiu-shan-lu-47-hao' };
const HEARTBEAT_SECONDS = 10;
/** One heartbeat with its jitter, the kiosk's work, and one console refresh. */
const HEARTBEAT_AND_REFRESH_MS = (HEARTBEAT_SECONDS * 1.2 + 2 + 15 + 3) * 1000;

test.describe.configure({ mode: 'serial' });
test.setTimeout(6 * 60_000);

test('a county admin enrols a kiosk, sees the fleet, an alarm raised and cleared once, out of service and a screenshot refused during a visit', async ({
  browser,
}, testInfo) => {
  const base = writeTestConfig();
  const db = join(base.dir, 'platform.sqlite');
  const fleetConfig = join(base.dir, 'fleet.json');
  writeFileSync(fleetConfig, JSON.stringify({ heartbeatIntervalSeconds: HEARTBEAT_SECONDS }));

  // The first admin, made by the documented platform command.
  expect(await createConsoleAdmin(base.dir, db, ADMIN)).toBe(0);

  const platform = runScript(
    'platform/server/main.ts',
    [
      '--port',
      '0',
      '--db',
      db,
      '--terminals-file',
      writeTerminalsFile(base.dir, FILED, FILED_TOKEN, 'aq-jingzhi-dongjingzhi'),
      '--fleet-config',
      fleetConfig,
    ],
    {},
  );
  const kiosks: StartedKiosk[] = [];
  try {
    const [, baseUrl] = await waitForLine(platform, /platform listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)/);
    const origin = new URL(baseUrl!).origin;

    // Sign in.
    const consolePage = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    const loadStarted = Date.now();
    await consolePage.goto(`${origin}/console/`);
    await consolePage.getByLabel('用户名').fill(ADMIN.username);
    await consolePage.getByLabel('密码').fill(ADMIN.password);
    await consolePage.getByRole('button', { name: '登录' }).click();
    await expect(consolePage.getByTestId('signed-in-as')).toBeVisible();
    testInfo.annotations.push({
      type: 'console first load to signed in',
      description: `${Date.now() - loadStarted} ms`,
    });

    // Enrol the first kiosk: a one-time code for its station, typed at the kiosk, approved here.
    await consolePage.getByTestId('nav-enrolments').click();
    await consolePage.getByLabel('站点').selectOption('370784-JZ-DB');
    await consolePage.getByRole('button', { name: '生成' }).click();
    const code = (await consolePage.getByTestId('enrolment-code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const enrolledConfig = writeTestConfig((c) => {
      c['platform'] = { mode: 'remote', baseUrl, tokenFile: 'platform.token', timeoutMs: 5000 };
    });
    const enrol = runScript('scripts/enrol.ts', ['--config', enrolledConfig.path, '--code', code.toLowerCase()], {});
    await waitForLine(enrol, /waiting for approval/);
    await consolePage.reload();
    const pending = consolePage.locator('[data-testid^="enrolment-row-"]', { hasText: ENROLLED });
    await pending.getByRole('button', { name: '批准' }).click();
    expect(await enrol.exited).toBe(0);

    const filedConfig = writeTestConfig((c) => {
      const tokenFile = join(base.dir, 'filed.token');
      writeFileSync(tokenFile, `${FILED_TOKEN}\n`, { mode: 0o600 });
      c['platform'] = { mode: 'remote', baseUrl, tokenFile, timeoutMs: 5000 };
      (c['terminal'] as Record<string, unknown>)['id'] = FILED;
      (c['station'] as Record<string, unknown>)['id'] = 'aq-jingzhi-dongjingzhi';
    });
    // KIOSK_DEV=1: the development emulator controls (dev.emulator) that run the printer out of paper.
    kiosks.push(await startKiosk(enrolledConfig.path, { KIOSK_DEV: '1' }), await startKiosk(filedConfig.path));
    const [enrolled] = kiosks;
    const kioskPage = await (await browser.newContext({ viewport: LANDSCAPE })).newPage();
    await kioskPage.goto(enrolled!.url);
    await expect(kioskPage.getByTestId('attract-screen')).toBeVisible();

    // Both kiosks online in the fleet overview, in their townships.
    await consolePage.getByTestId('nav-fleet').click();
    for (const id of [ENROLLED, FILED]) {
      await expect(consolePage.getByTestId(`kiosk-row-${id}`).getByTestId('state-badge')).toHaveAttribute(
        'data-state',
        'online',
        { timeout: HEARTBEAT_AND_REFRESH_MS },
      );
    }
    await expect(consolePage.getByTestId('fleet-plot-canvas')).toBeVisible();
    await saveScreenshot(consolePage, testInfo, 'console-fleet');

    // Paper out on the enrolled kiosk's emulated printer: one alarm.
    expect(await callKioskApi(kioskPage, 'dev.emulator', { device: 'printer', action: 'paperOut' })).toMatchObject({
      ok: true,
    });
    await consolePage.goto(`${origin}/console/kiosks/${ENROLLED}`);
    const printerAlarms = consolePage.locator('[data-testid^="alarm-row-"][data-rule="device-fault:printer"]');
    await expect(printerAlarms).toHaveCount(1, { timeout: HEARTBEAT_AND_REFRESH_MS });
    await expect(printerAlarms.first()).toHaveAttribute('data-open', 'true');
    // Further heartbeats with the paper still out raise nothing more.
    await consolePage.waitForTimeout(HEARTBEAT_SECONDS * 1000 * 1.5);
    await consolePage.reload();
    await expect(printerAlarms).toHaveCount(1);

    // Refilled: the same alarm recovers, once.
    await callKioskApi(kioskPage, 'dev.emulator', { device: 'printer', action: 'paperOk' });
    await expect(printerAlarms.first()).toHaveAttribute('data-open', 'false', { timeout: HEARTBEAT_AND_REFRESH_MS });
    await expect(printerAlarms).toHaveCount(1);
    const alarms = await consoleApi(consolePage, `/alarms?terminal=${ENROLLED}`);
    const printer = (alarms as { alarms: { rule: string; recoveredAt: string | null }[] }).alarms.filter(
      (alarm) => alarm.rule === 'device-fault:printer',
    );
    expect(printer).toHaveLength(1);
    expect(printer[0]?.recoveredAt).not.toBeNull();

    // Out of service: the kiosk's screen changes within one heartbeat.
    await consolePage.getByTestId('command-outOfServiceOn').click();
    await consolePage.getByLabel('向群众显示的提示').fill('设备维护中，请到村便民服务站窗口办理');
    const sentAt = Date.now();
    await consolePage.getByRole('button', { name: '发送' }).click();
    await expect(kioskPage.getByTestId('out-of-service-message')).toHaveText('设备维护中，请到村便民服务站窗口办理', {
      timeout: (HEARTBEAT_SECONDS * 1.2 + 3) * 1000,
    });
    testInfo.annotations.push({ type: 'out of service shown after', description: `${Date.now() - sentAt} ms` });
    await saveScreenshot(kioskPage, testInfo, 'kiosk-out-of-service');
    await consolePage.getByTestId('command-outOfServiceOff').click();
    await expect(kioskPage.getByTestId('attract-screen')).toBeVisible({
      timeout: (HEARTBEAT_SECONDS * 1.2 + 3) * 1000,
    });

    // A screenshot is refused while a resident is signed in, and taken after the visit.
    await enterHome(kioskPage);
    await callKioskApi(kioskPage, 'dev.emulator', {
      device: 'idCardReader',
      action: 'insertCard',
      argument: 'resident',
    });
    await expect
      .poll(async () => callKioskApi(kioskPage, 'session.signInWithCard', { role: 'applicant' }), { timeout: 15_000 })
      .toMatchObject({ ok: true });
    await callKioskApi(kioskPage, 'dev.emulator', { device: 'idCardReader', action: 'removeCard' });
    const refused = await issueScreenshot(consolePage, origin);
    await expect(consolePage.getByTestId(`command-row-${refused}`)).toHaveAttribute('data-state', 'refused', {
      timeout: HEARTBEAT_AND_REFRESH_MS,
    });

    await kioskPage.getByTestId('end-visit-button').click();
    await kioskPage.getByTestId('farewell-ok').click();
    await expect(kioskPage.getByTestId('attract-screen')).toBeVisible();
    const taken = await issueScreenshot(consolePage, origin);
    await expect(consolePage.getByTestId(`command-row-${taken}`)).toHaveAttribute('data-state', 'done', {
      timeout: HEARTBEAT_AND_REFRESH_MS,
    });
    const image = consolePage.getByTestId('screenshot');
    await expect(image).toBeVisible();
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    await saveScreenshot(consolePage, testInfo, 'console-kiosk-detail');

    // Everything above is in the audit log.
    const audit = (await consoleApi(consolePage, '/audit')) as { entries: { action: string; outcome: string }[] };
    const actions = audit.entries.map((entry) => entry.action);
    for (const action of ['login.succeeded', 'enrolmentCode.created', 'enrolment.approved', 'command.issued']) {
      expect(actions).toContain(action);
    }
  } finally {
    for (const kiosk of kiosks) await kiosk.proc.stop();
    await platform.stop();
    base.cleanup();
  }
});

/** A console API read with the page's own session cookie. */
async function consoleApi(page: Page, path: string): Promise<unknown> {
  return page.evaluate(
    async (url): Promise<unknown> => (await fetch(url, { credentials: 'same-origin' })).json() as Promise<unknown>,
    `/console/api${path}`,
  );
}

/** Sends a screenshot command from the kiosk page and returns its command id, read from the new row. */
async function issueScreenshot(page: Page, origin: string): Promise<string> {
  const answer = page.waitForResponse(
    (response) => response.url().startsWith(`${origin}/console/api/kiosks/`) && response.request().method() === 'POST',
  );
  await page.getByTestId('command-screenshot').click();
  const command = (await (await answer).json()) as { commandId: string };
  return command.commandId;
}
