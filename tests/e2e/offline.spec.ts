import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PAGE_API_DOOR } from './support/api';
import { runScript, startKiosk, waitForLine, writeTestConfig } from './support/kiosk-process';
import { writeTerminalsFile } from './support/platform-db';
import { enterHome, LANDSCAPE, saveScreenshot } from './support/screens';

const TERMINAL = 'KIOSK-370784-JZ-DB-01';
const TOKEN = 'e2e-terminal-token-0123456789';

test('stopping the platform leaves the catalog browsable, now and after a kiosk restart', async ({
  browser,
}, testInfo) => {
  const config = writeTestConfig();
  const tokenFile = join(config.dir, 'platform.token');
  writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });

  // The platform as a separate process, the way a real one is far away.
  const platform = runScript(
    'platform/server/main.ts',
    [
      '--port',
      '0',
      '--db',
      join(config.dir, 'platform.sqlite'),
      '--terminals-file',
      writeTerminalsFile(config.dir, TERMINAL, TOKEN, '370784-JZ-DB'),
    ],
    {},
  );
  const [, baseUrl] = await waitForLine(platform, /platform listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)/);
  const remote = writeTestConfig((c) => {
    c['platform'] = { mode: 'remote', baseUrl, tokenFile, timeoutMs: 2000 };
    c['data'] = { dir: join(config.dir, 'data') };
  });

  let kiosk = await startKiosk(remote.path);
  const context = await browser.newContext({ viewport: LANDSCAPE });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await enterHome(page);
  await expect(page.getByTestId('home-screen')).toContainText('62');
  await expect(page.getByTestId('catalog-status')).not.toContainText('网络');

  // Platform gone.
  await platform.stop('SIGKILL');
  const status = await page.evaluate(async (door) => {
    const key = sessionStorage.getItem(door.storageItem) ?? '';
    const ws = new WebSocket(`ws://${location.host}/api`, [door.apiProtocol, `${door.keyPrefix}${key}`]);
    await new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
    const answer = new Promise<unknown>((resolve) =>
      ws.addEventListener('message', (event) => {
        const message = JSON.parse(String(event.data)) as { type: string; id?: number; response?: unknown };
        if (message.type === 'result' && message.id === 1) resolve(message.response);
      }),
    );
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'catalog.syncNow', input: {} }));
    const response = await answer;
    ws.close();
    return response;
  }, PAGE_API_DOOR);
  expect(status).toMatchObject({ ok: true, value: { platform: 'unreachable', matterCount: 62 } });
  await expect(page.getByTestId('catalog-status')).toContainText('网络');
  await page.getByTestId('matter-item').filter({ hasText: '临时救助' }).first().click();
  await expect(page.getByTestId('guide-screen')).toContainText('临时救助');
  await saveScreenshot(page, testInfo, 'offline-guide');

  // Restart the kiosk with the platform still down: it serves the stored catalog.
  expect(await kiosk.proc.stop()).toBe(0);
  kiosk = await startKiosk(remote.path);
  await page.goto(kiosk.url);
  await enterHome(page);
  await expect(page.getByTestId('home-screen')).toContainText('62');
  await expect(page.getByTestId('catalog-status')).toContainText('网络');
  await saveScreenshot(page, testInfo, 'offline-home');

  await context.close();
  expect(await kiosk.proc.stop()).toBe(0);
  remote.cleanup();
  config.cleanup();
});
