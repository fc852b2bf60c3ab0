import { expect, test } from '@playwright/test';
import { callKioskApi } from './support/api';
import { startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { enterHome, LANDSCAPE, PORTRAIT, saveScreenshot } from './support/screens';

/** The offline service map on the kiosk as `npm start` runs it, with the platform's sample points. */
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

for (const [shape, viewport] of [
  ['portrait', PORTRAIT],
  ['landscape', LANDSCAPE],
] as const) {
  test(`the map shows every service point and books at one (${shape})`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(kiosk.url);
    await enterHome(page);

    const answer = (await callKioskApi(page, 'serviceMap.points', {})) as {
      ok: boolean;
      value: { servicePoints: Array<{ id: string; bookable: boolean }> };
    };
    expect(answer.ok).toBe(true);
    const points = answer.value.servicePoints;
    const bookable = points.find((point) => point.bookable);
    expect(bookable).toBeDefined();

    await page.getByTestId('service-serviceMap').click();
    await expect(page.getByTestId('map-point')).toHaveCount(points.length);
    await expect(page.getByTestId('map-list-item')).toHaveCount(points.length);
    await expect(page.getByTestId('map-here')).toBeVisible();
    await expect(page.getByTestId('map-scale')).toBeVisible();
    await saveScreenshot(page, testInfo, `service-map-${shape}`);

    await page.locator(`[data-testid="map-point"][data-id="${bookable?.id}"]`).click();
    const details = page.getByTestId('map-details');
    await expect(details).toHaveAttribute('data-id', bookable?.id ?? '');
    await expect(page.getByTestId('map-open-now')).not.toBeEmpty();
    await expect(page.getByTestId('map-book')).toBeVisible();
    await saveScreenshot(page, testInfo, `service-map-details-${shape}`);

    await page.getByTestId('map-book').click();
    await expect(page.getByTestId('map-screen')).toHaveCount(0);
    await context.close();
  });
}
