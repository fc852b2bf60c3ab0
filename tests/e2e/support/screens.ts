import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { ROOT } from './kiosk-process';

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };

/**
 * Saves a full-window screenshot as a test artefact: attached to the Playwright report and
 * written to test-artifacts/screenshots/ so people (and CI) can look at what a resident sees.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const dir = join(ROOT, 'test-artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  const png = await page.screenshot();
  // Two workers may save a screen of the same name (legs of the accessibility gate share the
  // sign-in): written whole, then renamed over the old one, so the file is always one of them.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, png);
  renameSync(partial, path);
  await testInfo.attach(name, { body: png, contentType: 'image/png' });
  return path;
}

/** From the attract screen to the home screen, as a resident does: one tap anywhere. */
export async function enterHome(page: Page): Promise<void> {
  await page.getByTestId('attract-screen').waitFor();
  await page.getByTestId('attract-screen').click();
  await page.getByTestId('home-screen').waitFor();
}

/**
 * After 完成 or 结束办理 the visit is over: the farewell asks the resident to take their card,
 * 好的 leaves it, and the next visit starts from the attract screen.
 */
export async function passFarewellAndStartAgain(page: Page): Promise<void> {
  await page.getByTestId('farewell-screen').waitFor();
  await page.getByTestId('farewell-ok').click();
  await enterHome(page);
}
