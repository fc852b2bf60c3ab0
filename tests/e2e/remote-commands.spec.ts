import { expect, test, type Page } from '@playwright/test';
import { callKioskApi } from './support/api';
import { signInForOwnProgress } from './support/id-card';
import { startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { enterHome, LANDSCAPE } from './support/screens';

/**
 * The county console's remote commands as the kiosk's screen sees them, on the real kiosk
 * (`npm start`, KIOSK_DEV=1 for `dev.remoteCommand`, which runs a command as if it had come with a
 * heartbeat answer): out of service shows the staff's message instead of the attract screen, and
 * still after a restart, until the kiosk is back; a screenshot is refused while a resident is
 * signed in and is a real PNG of the page once the visit is over (core/fleet/commands,
 * renderer/src/host/screenshot-responder.ts).
 */

const MESSAGE = '设备维护中，请到便民服务大厅窗口办理';

test.setTimeout(180_000);

const config = writeTestConfig();
let kiosk: StartedKiosk;

test.beforeAll(async () => {
  kiosk = await startKiosk(config.path, { KIOSK_DEV: '1' });
});

test.afterAll(async () => {
  expect(await kiosk.proc.stop()).toBe(0);
  config.cleanup();
});

/** What `dev.remoteCommand` answers: the result the platform would get, and a screenshot's PNG. */
interface CommandRun {
  readonly result: { outcome: string; reason?: string; screenshot?: { width: number; height: number } };
  readonly pngBase64: string | null;
}

async function command(page: Page, request: Record<string, unknown>): Promise<CommandRun> {
  const answer = (await callKioskApi(page, 'dev.remoteCommand', request)) as { ok: boolean; value?: CommandRun };
  expect(answer.ok).toBe(true);
  if (!answer.value) throw new Error('dev.remoteCommand answered nothing');
  return answer.value;
}

test('out of service shows the staff message instead of the attract screen, across a restart, until back', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: LANDSCAPE });
  let page = await context.newPage();
  await page.goto(kiosk.url);
  await expect(page.getByTestId('attract-screen')).toBeVisible();

  expect((await command(page, { kind: 'outOfService', on: true, message: MESSAGE })).result.outcome).toBe('done');
  await expect(page.getByTestId('out-of-service-screen')).toBeVisible();
  await expect(page.getByTestId('out-of-service-message')).toHaveText(MESSAGE);
  await expect(page.getByTestId('attract-screen')).toHaveCount(0);
  // A touch starts nothing.
  await page.getByTestId('out-of-service-screen').click();
  await expect(page.getByTestId('home-screen')).toHaveCount(0);

  // A new start of the kiosk (a new launch key, a new page) comes back out of service.
  expect(await kiosk.proc.stop()).toBe(0);
  kiosk = await startKiosk(config.path, { KIOSK_DEV: '1' });
  await page.close();
  page = await context.newPage();
  await page.goto(kiosk.url);
  await expect(page.getByTestId('out-of-service-message')).toHaveText(MESSAGE);

  expect((await command(page, { kind: 'outOfService', on: false })).result.outcome).toBe('done');
  await expect(page.getByTestId('attract-screen')).toBeVisible();
  await expect(page.getByTestId('out-of-service-screen')).toHaveCount(0);
  await enterHome(page);
  await context.close();
});

test('a screenshot is refused while a resident is signed in, and is a PNG of the page once the visit is over', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: LANDSCAPE });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await enterHome(page);
  // Signed in with the emulated ID card, as for the progress of one's own cases.
  await signInForOwnProgress(page);

  const during = await command(page, { kind: 'screenshot' });
  expect(during.result).toMatchObject({ outcome: 'refused', reason: 'residentSessionActive' });
  expect(during.pngBase64).toBeNull();

  await page.getByTestId('end-visit-button').click();
  await page.getByTestId('farewell-ok').click();
  await expect(page.getByTestId('attract-screen')).toBeVisible();

  const after = await command(page, { kind: 'screenshot' });
  expect(after.result).toMatchObject({
    outcome: 'done',
    screenshot: { contentType: 'image/png', width: LANDSCAPE.width, height: LANDSCAPE.height },
  });
  const png = Buffer.from(after.pngBase64 ?? '', 'base64');
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.readUInt32BE(16)).toBe(LANDSCAPE.width);
  expect(png.readUInt32BE(20)).toBe(LANDSCAPE.height);
  // The kiosk stays usable after the capture: the next visit starts as usual.
  await enterHome(page);
  await context.close();
});
