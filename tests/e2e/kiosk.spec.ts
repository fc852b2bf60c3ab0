import { expect, test } from '@playwright/test';
import { callKioskApi, PAGE_API_DOOR } from './support/api';
import { startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { enterHome, LANDSCAPE, PORTRAIT, saveScreenshot } from './support/screens';

/** 最低生活保障: a promised, assisted matter with a full sample guide in the seeded catalog. */
const GUIDE_MATTER = '最低生活保障';

let kiosk: StartedKiosk;
let config: ReturnType<typeof writeTestConfig>;

test.beforeAll(async () => {
  config = writeTestConfig();
  kiosk = await startKiosk(config.path);
});

test.afterAll(async () => {
  expect(await kiosk.proc.stop()).toBe(0);
  config.cleanup();
});

for (const [orientation, viewport] of [
  ['portrait', PORTRAIT],
  ['landscape', LANDSCAPE],
] as const) {
  test(`home screen lists the 62 village matters and a guide shows every section (${orientation})`, async ({
    browser,
  }, testInfo) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(kiosk.url);
    await saveScreenshot(page, testInfo, `${orientation}-attract`);
    await enterHome(page);

    // All 62 matters of the Anqiu list are reachable from the home screen.
    await expect(page.getByTestId('catalog-status')).toContainText('2026');
    await expect(page.getByTestId('home-screen')).toContainText('62');
    for (const kind of ['审批代办类', '直接查询类', '咨询服务类', '协助受理类']) {
      await expect(page.getByTestId('home-screen')).toContainText(kind);
    }
    await saveScreenshot(page, testInfo, `${orientation}-home`);

    await page.getByTestId('matter-item').filter({ hasText: GUIDE_MATTER }).first().click();
    const guide = page.getByTestId('guide-screen');
    await expect(guide).toContainText(GUIDE_MATTER);
    const sections = await page
      .getByTestId('guide-section')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-section')));
    expect(sections).toEqual(
      expect.arrayContaining([
        'summary',
        'basicInfo',
        'placesAndHours',
        'conditions',
        'materials',
        'specialSteps',
        'process',
        'fees',
        'legalBasis',
        'faq',
        'promise',
        'visitsNeeded',
        'contact',
      ]),
    );
    await expect(guide).toContainText('示例');
    await saveScreenshot(page, testInfo, `${orientation}-guide`);

    await page.getByTestId('home-button').click();
    await expect(page.getByTestId('home-screen')).toBeVisible();
    await context.close();
  });
}

test('the page gets a structured error for a bad API call and the host keeps serving', async ({ browser }) => {
  const context = await browser.newContext({ viewport: LANDSCAPE });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  const answers = await page.evaluate(async (door) => {
    const key = sessionStorage.getItem(door.storageItem) ?? '';
    const ws = new WebSocket(`ws://${location.host}/api`, [door.apiProtocol, `${door.keyPrefix}${key}`]);
    await new Promise((resolve) => ws.addEventListener('open', resolve, { once: true }));
    const frames = [
      'not json at all',
      JSON.stringify({ type: 'call', id: 1, method: 'system.shutdown', input: {} }),
      JSON.stringify({ type: 'call', id: 2, method: 'catalog.list', input: { limit: -5, evil: true } }),
      JSON.stringify({ type: 'call', id: 3, method: 'catalog.matter', input: { code: 'NO-SUCH-MATTER' } }),
      JSON.stringify({ type: 'call', id: 4, method: 'kiosk.info', input: {} }),
    ];
    const received: unknown[] = [];
    const done = new Promise<void>((resolve) =>
      ws.addEventListener('message', (event) => {
        const message = JSON.parse(String(event.data)) as { type: string };
        if (message.type === 'result') received.push(message);
        if (received.length === frames.length) resolve();
      }),
    );
    for (const frame of frames) ws.send(frame);
    await done;
    ws.close();
    return received;
  }, PAGE_API_DOOR);
  const byId = (id: number | null) => answers.find((a) => (a as { id: number | null }).id === id);
  expect(byId(null)).toMatchObject({ response: { ok: false, error: { code: 'invalidInput' } } });
  expect(byId(1)).toMatchObject({ response: { ok: false, error: { code: 'unknownMethod' } } });
  expect(byId(2)).toMatchObject({
    response: { ok: false, error: { code: 'invalidInput', issues: expect.any(Array) } },
  });
  expect(byId(3)).toMatchObject({ response: { ok: false, error: { code: 'notFound' } } });
  expect(byId(4)).toMatchObject({ response: { ok: true } });
  await context.close();
});

test('the page opened from the ready line keeps its API after a reload and a renderer crash; a page without the key gets none', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: LANDSCAPE });
  const page = await context.newPage();
  await page.goto(kiosk.url);
  await enterHome(page);
  // The key left the address bar at load; the page keeps it for itself.
  expect(page.url()).not.toContain('key=');
  expect(page.url()).toBe(new URL(kiosk.url).origin + '/');

  await page.reload();
  await enterHome(page);
  await expect(page.getByTestId('home-screen')).toContainText('62');
  expect(await callKioskApi(page, 'kiosk.info', {})).toMatchObject({ ok: true });

  // A renderer crash: the browser (or the kiosk's Chromium host) reloads the same tab. Playwright
  // refuses to drive a page it saw crash, so the reload and the checks go over CDP.
  const cdp = await context.newCDPSession(page);
  const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  await cdp.send('Page.reload');
  const inPage = async (expression: string): Promise<unknown> =>
    (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result.value;
  await expect
    .poll(() => inPage(`document.querySelector('[data-testid="attract-screen"]') !== null`), { timeout: 15_000 })
    .toBe(true);
  const afterCrash = await inPage(`new Promise((resolve) => {
    const door = ${JSON.stringify(PAGE_API_DOOR)};
    const key = sessionStorage.getItem(door.storageItem) ?? '';
    const ws = new WebSocket('ws://' + location.host + '/api', [door.apiProtocol, door.keyPrefix + key]);
    ws.addEventListener('error', () => resolve('refused'));
    ws.addEventListener('open', () => ws.send(JSON.stringify({ type: 'call', id: 1, method: 'kiosk.info', input: {} })));
    ws.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      if (message.type !== 'result' || message.id !== 1) return;
      ws.close();
      resolve(message.response.ok ? 'ok' : 'error');
    });
  })`);
  expect(afterCrash).toBe('ok');
  await context.close();

  // Another tab or browser on this machine, on the kiosk's own origin but without the key.
  const stranger = await browser.newContext({ viewport: LANDSCAPE });
  const other = await stranger.newPage();
  await other.goto(new URL(kiosk.url).origin + '/');
  await expect(other.getByTestId('connection-lost')).toBeVisible();
  await expect(other.getByTestId('attract-screen')).toHaveCount(0);
  const refused = await other.evaluate(
    (door) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/api`, [door.apiProtocol]);
        ws.addEventListener('open', () => resolve('open'));
        ws.addEventListener('error', () => resolve('refused'));
      }),
    PAGE_API_DOOR,
  );
  expect(refused).toBe('refused');
  await stranger.close();

  // The refusal is logged; the key appears once in everything the kiosk printed: on the ready line.
  const output = kiosk.proc.output();
  expect(output).toContain('refused an API connection: no launch key offered');
  const key = new URL(kiosk.url).hash.replace('#key=', '');
  expect(output.split(key).length - 1).toBe(1);
});
