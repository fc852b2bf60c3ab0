import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { runScript, startKiosk, waitForLine, writeTestConfig } from './support/kiosk-process';
import { readPlatformDb, writeTerminalsFile } from './support/platform-db';
import { enterHome, LANDSCAPE, PORTRAIT, saveScreenshot } from './support/screens';

/**
 * 帮办代办 end to end: a callback request reaches the platform; with the platform down a home
 * visit is saved on the kiosk, said so plainly, and delivered by itself once the platform is back.
 */
const TERMINAL = 'KIOSK-370784-JZ-DB-01';
const TOKEN = 'e2e-terminal-token-0123456789';

function storedRequests(
  platformDb: string,
  keyFile?: string,
): Array<{ request_id: string; kind: string; body: Record<string, unknown> }> {
  return readPlatformDb(
    platformDb,
    (db, open) =>
      (
        db
          .prepare('SELECT request_id, kind, sealed_request FROM assistance_requests ORDER BY day, seq')
          .all() as Array<{
          request_id: string;
          kind: string;
          sealed_request: Buffer;
        }>
      ).map((row) => ({
        request_id: row.request_id,
        kind: row.kind,
        body: open('assistance_requests.sealed_request', row.request_id, row.sealed_request),
      })),
    keyFile,
  );
}

async function typePhone(page: Page, phone: string): Promise<void> {
  const pad = page.getByTestId('help-phone');
  for (const digit of phone) await pad.getByRole('button', { name: `数字 ${digit}`, exact: true }).click();
}

const kind = (page: Page, name: string) => page.locator(`[data-testid="help-kind"][data-kind="${name}"]`);

test('a callback request from the help button reaches the platform', async ({ browser }, testInfo) => {
  const config = writeTestConfig();
  const kiosk = await startKiosk(config.path);
  const context = await browser.newContext({ viewport: PORTRAIT });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await enterHome(page);

  await page.getByTestId('help-button').click();
  await expect(page.getByTestId('help-screen')).toBeVisible();
  await expect(page.getByTestId('help-hotline')).not.toBeEmpty();
  await saveScreenshot(page, testInfo, 'help-portrait');

  await kind(page, 'callback').click();
  await page.getByTestId('help-submit').click();
  await expect(page.getByTestId('help-problems')).toContainText('联系电话');
  await typePhone(page, '13912345678');
  await page.locator('[data-testid="help-need"][data-need="elderly"]').click();
  await saveScreenshot(page, testInfo, 'help-callback-filled');
  await page.getByTestId('help-submit').click();

  const slip = page.getByTestId('help-slip');
  await expect(slip).toHaveAttribute('data-status', 'delivered');
  const reference = (await page.getByTestId('help-reference').textContent()) ?? '';
  expect(reference).toMatch(/^AR-\d{8}-\d{4,}$/);
  await saveScreenshot(page, testInfo, 'help-slip');

  // The embedded platform's key lives beside the kiosk's own, outside the data folder.
  const stored = storedRequests(
    join(config.dir, 'data', 'platform.sqlite'),
    join(config.dir, '.kiosk-keys', 'platform-data-key'),
  );
  expect(stored.map((row) => row.request_id)).toContain(reference);
  const row = stored.find((candidate) => candidate.request_id === reference);
  expect(row?.kind).toBe('callback');
  expect(row?.body).toMatchObject({ phone: '13912345678', needs: ['elderly'] });

  await context.close();
  expect(await kiosk.proc.stop()).toBe(0);
  config.cleanup();
});

test('with the platform down a home visit is saved on the kiosk, then delivered', async ({ browser }, testInfo) => {
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
  const remote = writeTestConfig((c) => {
    c['platform'] = { mode: 'remote', baseUrl, tokenFile, timeoutMs: 2000 };
    c['data'] = { dir: join(config.dir, 'data') };
  });
  const kiosk = await startKiosk(remote.path);
  const context = await browser.newContext({ viewport: LANDSCAPE });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await enterHome(page);

  await platform.stop('SIGKILL');
  const before = storedRequests(platformDb).length;

  // The resident looks at the queue first: that request finds the platform gone, so the kiosk
  // knows it is offline when the help request is confirmed (records made then are marked so).
  await page.getByTestId('service-ticket').click();
  await expect(page.getByTestId('ticket-offline-banner')).toBeVisible();
  await page.getByTestId('home-button').click();
  await page.getByTestId('help-button').click();
  await kind(page, 'homeVisit').click();
  await typePhone(page, '13912345678');
  await page.getByTestId('help-address').fill('东埠村三组12号');
  await page.locator('[data-testid="help-day"][data-day="any"]').click();
  await page.getByTestId('help-submit').click();

  const slip = page.getByTestId('help-slip');
  await expect(slip).toHaveAttribute('data-status', 'savedOffline');
  await expect(page.getByTestId('help-delivery')).toContainText('已保存在本机');
  await expect(page.getByTestId('help-reference')).not.toBeEmpty();
  await saveScreenshot(page, testInfo, 'help-saved-offline');

  // The platform comes back on the same address; the outbox delivers the request by itself.
  platform = startPlatform(port);
  await waitForLine(platform, /platform listening on/);
  await expect.poll(() => storedRequests(platformDb).length, { timeout: 120_000, intervals: [1000] }).toBe(before + 1);
  const delivered = storedRequests(platformDb).at(-1);
  expect(delivered?.kind).toBe('homeVisit');
  expect(delivered?.body).toMatchObject({ address: '东埠村三组12号', offline: true });

  await context.close();
  expect(await kiosk.proc.stop()).toBe(0);
  await platform.stop();
  remote.cleanup();
  config.cleanup();
});
