import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { enterHome, PORTRAIT, saveScreenshot } from './support/screens';
import { loadSeedCatalog } from '../../platform/seed';

/**
 * Journey 1, "find a matter", against the real kiosk with the seeded catalog and the emulated
 * printer: search by characters, pinyin and initials, read the guide, print the material
 * checklist (and find it in the emulated printer's output), open the life events.
 */

/** Seq 3 of the Anqiu list: the one matter with 社保 in its name. */
const SHEBAO_CODE = '370784-CJ-003';
/** Seq 2: self-service, with a full sample guide, so its checklist can be printed. */
const PENSION_CODE = '370784-CJ-002';
const PENSION_NAME = '城乡居民基本养老保险参保登记';

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

async function openSearch(page: Page) {
  await page.goto(kiosk.url);
  await enterHome(page);
  await page.getByTestId('service-search').click();
  await page.getByTestId('search-screen').waitFor();
}

async function search(page: Page, text: string) {
  await page.getByTestId('search-input').fill(text);
  await expect(page.getByTestId('search-total')).toBeVisible();
}

/** Every receipt the emulated printer printed so far, as text. */
function printedReceipts(): string[] {
  const dir = join(config.dir, 'data', 'emulated-printer');
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => /^receipt-\d+\.txt$/.test(file));
  } catch {
    return [];
  }
  return files.sort().map((file) => readFileSync(join(dir, file), 'utf8'));
}

test('社保, shebao and sb find the same matter, highlighted', async ({ browser }, testInfo) => {
  const page = await (await browser.newContext({ viewport: PORTRAIT })).newPage();
  await openSearch(page);
  for (const text of ['社保', 'shebao', 'sb']) {
    await search(page, text);
    const hit = page.locator(`[data-testid=search-hit][data-code="${SHEBAO_CODE}"]`);
    await expect(hit, text).toBeVisible();
    await expect(hit.getByTestId('search-mark'), text).toHaveText('社保');
  }
  await saveScreenshot(page, testInfo, 'portrait-search-sb');

  // A quick-pick word searches with one tap.
  await page.getByTestId('quick-pick').filter({ hasText: '养老' }).click();
  await expect(page.locator(`[data-testid=search-hit][data-code="${PENSION_CODE}"]`)).toBeVisible();
});

test('every suggested word finds something; a word with no hit offers the themes and 帮办', async ({
  browser,
}, testInfo) => {
  const page = await (await browser.newContext({ viewport: PORTRAIT })).newPage();
  await openSearch(page);
  const words = await page.getByTestId('quick-pick').allTextContents();
  expect(words).toEqual(expect.arrayContaining(['低保', '医保', '户口', '证明']));
  for (const word of words) {
    await page.getByTestId('quick-pick').filter({ hasText: word }).click();
    await expect(page.getByTestId('search-hit').first(), word).toBeVisible();
  }
  // 低保 finds 最低生活保障 first, saying which of its names matched.
  await page.getByTestId('quick-pick').filter({ hasText: '低保' }).click();
  const first = page.getByTestId('search-hit').first();
  await expect(first).toHaveAttribute('data-code', '370784-CJ-018');
  await expect(first.getByTestId('search-why')).toHaveText('又称“低保”');
  await saveScreenshot(page, testInfo, 'portrait-search-alias');

  await page.getByTestId('search-input').fill('火星车');
  await expect(page.getByTestId('search-empty')).toBeVisible();
  await expect(page.getByTestId('search-empty-help')).toBeVisible();
  await saveScreenshot(page, testInfo, 'portrait-search-nothing-found');
  await page.locator('[data-testid=search-empty-theme][data-theme=socialAssistance]').click();
  await expect(page.getByTestId('search-screen')).toHaveCount(0);
  await expect(page.locator('[data-testid=matter-item][data-code="370784-CJ-018"]').first()).toBeVisible();
});

test('from a search hit to the guide, and the material checklist on the emulated printer', async ({
  browser,
}, testInfo) => {
  const page = await (await browser.newContext({ viewport: PORTRAIT })).newPage();
  await openSearch(page);
  await search(page, 'cxjmjbylbxcbdj');
  await page.locator(`[data-testid=search-hit][data-code="${PENSION_CODE}"]`).click();
  const guide = page.getByTestId('guide-screen');
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText(PENSION_NAME);
  await expect(guide.getByTestId('action-apply')).toBeVisible();

  const before = printedReceipts().length;
  await guide.getByTestId('action-print-checklist').click();
  await expect(guide.getByTestId('checklist-printed')).toBeVisible();
  await saveScreenshot(page, testInfo, 'portrait-guide-checklist-printed');
  await expect
    .poll(
      () =>
        printedReceipts()
          .slice(before)
          .find((text) => text.includes('办事材料清单')) ?? '',
    )
    .toContain(PENSION_NAME);
  const checklist = printedReceipts()
    .slice(before)
    .find((text) => text.includes('办事材料清单'))!;
  expect(checklist).toContain(PENSION_CODE);
  expect(checklist).toContain('居民身份证');
  // The guide's QR names the matter's version: the seed's, whatever it is now.
  const version = loadSeedCatalog().matters.find((matter) => matter.code === PENSION_CODE)?.version;
  expect(checklist).toContain(`[QR: https://zwfw.example.gov.cn/guide/${PENSION_CODE}?v=${version}]`);
});

test('the life events list their matters and say which need the window', async ({ browser }, testInfo) => {
  const page = await (await browser.newContext({ viewport: PORTRAIT })).newPage();
  await page.goto(kiosk.url);
  await enterHome(page);
  await page.getByTestId('service-lifeEvents').click();
  const screen = page.getByTestId('life-events-screen');
  await expect(screen.getByTestId('life-event')).toHaveCount(4);
  const elderly = screen.locator('[data-testid=life-event][data-id=elderlyCare]');
  await expect(elderly.getByRole('heading', { level: 2 })).toHaveText('老年人优待一件事');
  await expect(elderly.getByTestId('life-event-window')).toContainText('经济困难老年人生活补贴');
  // This browser has no document camera, so self-service submission is gated: the bundle's apply
  // button is shown, disabled, with the reason (tests/e2e/apply.spec.ts runs with a camera).
  const insurance = screen.locator('[data-testid=life-event][data-id=residentInsurance]');
  await expect(insurance.getByTestId('life-event-apply')).toBeDisabled();
  await expect(insurance.getByTestId('life-event-unavailable')).toBeVisible();
  await saveScreenshot(page, testInfo, 'portrait-life-events');

  // A matter's guide is one tap away.
  await elderly.locator('[data-testid=life-event-matter][data-code="370784-CJ-013"]').getByRole('button').click();
  await expect(page.getByTestId('guide-screen').getByRole('heading', { level: 1 })).toHaveText('老年优待证办理');
});
