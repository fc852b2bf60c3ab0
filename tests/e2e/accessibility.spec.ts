import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { ensureFakeDocumentVideo } from '../../scripts/camera/write-fake-document-video';
import { ELDER_MAX_CHOICES, ELDER_TARGET_MIN_PX } from '../../renderer/src/styles/sizes';
import { axeFindings, COLOUR_RULES, elderFindings, type Finding } from './support/a11y';
import { launchWithFakeCamera } from './support/camera';
import { ROOT, startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { backButtonFindings, primaryFindings, wordBreakFindings } from './support/layout-checks';
import { STAFFED_CLOCK } from './support/staffed-clock';
import { LANDSCAPE, PORTRAIT, saveScreenshot } from './support/screens';
import { TOUR, type TourLeg } from './support/tour';
import { instrumentVoice, voiceState } from './support/voice-probe';

/**
 * The accessibility gate (docs/accessibility.md §5): every screen a resident can reach, in the standard profile
 * and in 长辈版, with zero findings. axe-core with the WCAG 2.2 AA tags in both (in 长辈版 with
 * its target size raised to ours), the high-contrast theme too; and in 长辈版 the DOM checks:
 * no control under ELDER_TARGET_MIN_PX, at most ELDER_MAX_CHOICES choices, line spacing ≥ 1.3,
 * no text under 30 px, no pop-ups; and voice mode (which 长辈版 turns on) speaks the screen's own
 * title and hint, with real audio. A screenshot of each screen in 长辈版 is saved as an artefact.
 *
 * Layout, in portrait and landscape, standard and 长辈版 (support/layout-checks.ts): the step's
 * primary action is on screen without scrolling, no label breaks inside a word, one 返回 a screen.
 */

// A leg checks every stop in four layouts (portrait and landscape, standard and 长辈版) and runs
// axe three times a stop: on a busy two-core machine the apply leg alone takes over ten minutes.
test.setTimeout(1_200_000);
// The legs are independent walks from the attract screen, each in a browser of its own: they run
// on whichever worker is free, and each worker starts its own kiosk for them (beforeAll).
test.describe.configure({ mode: 'parallel' });
test.use({ actionTimeout: 20_000 });

const ELDER_LIMITS = {
  targetMinPx: ELDER_TARGET_MIN_PX,
  maxChoices: ELDER_MAX_CHOICES,
  minLineHeight: 1.3,
  minTextPx: 30,
};

interface ScreenFindings {
  readonly screen: string;
  readonly mode: 'standard' | '长辈版' | 'high contrast' | 'landscape' | '长辈版 landscape';
  readonly findings: readonly Finding[];
  /** How long this screen's checks in this mode took, with the switch into the mode: where a leg's time goes. */
  readonly ms?: number;
}

/** When each walk's results last grew: a screen's entry carries the time its mode's checks took. */
const lastRecorded = new WeakMap<ScreenFindings[], number>();

function record(results: ScreenFindings[], entry: Omit<ScreenFindings, 'ms'>): void {
  const now = performance.now();
  results.push({ ...entry, ms: Math.round(now - (lastRecorded.get(results) ?? now)) });
  lastRecorded.set(results, now);
}

/** Fonts loaded and two frames drawn: the layout the resident sees. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

async function setToggle(page: Page, testId: string, on: boolean): Promise<void> {
  const toggle = page.getByTestId(testId);
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', String(on));
  await settle(page);
}

const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * In voice mode (长辈版 turns it on) the screen speaks its own title and what to do: the first
 * things said are the visible title and then the visible hint, and audio starts.
 */
async function speechFindings(page: Page, from: number, audioBefore: number): Promise<Finding[]> {
  const said = async () => (await voiceState(page)).said.slice(from).map(([, text]) => text);
  const marked = await page.evaluate(() => {
    const texts = (kind: string) =>
      [...document.querySelectorAll(`.shell [data-speech="${kind}"]`)]
        .filter((el) => (el as HTMLElement).offsetParent !== null && el.closest('[inert]') === null)
        .map((el) => (el.textContent ?? '').replace(/\s+/g, ''))
        .filter((text) => text !== '');
    return { titles: texts('title'), hints: texts('hint'), alerts: texts('alert') };
  });
  const expected =
    marked.alerts.length > 0 ? marked.alerts.slice(0, 1) : [...marked.titles.slice(0, 1), ...marked.hints.slice(0, 1)];
  if (marked.alerts.length === 0 && (marked.titles.length === 0 || marked.hints.length === 0))
    return [
      {
        rule: 'speech',
        detail: `the screen marks ${marked.titles.length} title(s) and ${marked.hints.length} hint(s); it needs both`,
      },
    ];
  const spokeAll = async () => {
    const heard = compact((await said()).join(''));
    return expected.every((text) => heard.includes(text.slice(0, 24)));
  };
  await expect
    .poll(spokeAll, { timeout: 20_000 })
    .toBe(true)
    .catch(() => undefined);
  const findings: Finding[] = [];
  if (!(await spokeAll()))
    findings.push({
      rule: 'speech',
      detail: `expected to hear ${JSON.stringify(expected)}, heard ${JSON.stringify(await said())}`,
    });
  const pageText = compact(await page.locator('.shell').innerText());
  for (const text of await said())
    if (!pageText.includes(compact(text)))
      findings.push({ rule: 'speech', detail: `said "${text}", which is not on the screen` });
  const audio = async () => (await voiceState(page)).starts.length;
  await expect
    .poll(audio, { timeout: 10_000 })
    .toBeGreaterThan(audioBefore)
    .catch(() => undefined);
  if ((await audio()) <= audioBefore) findings.push({ rule: 'speech', detail: 'no audio started' });
  return findings;
}

/** What the layout checks find: the primary action on screen (where the step has one), word breaks, a second 返回. */
async function layoutFindings(page: Page, primary: string | undefined): Promise<Finding[]> {
  await settle(page);
  return [
    ...(primary ? await primaryFindings(page, primary) : []),
    ...(await wordBreakFindings(page)),
    ...(await backButtonFindings(page)),
  ];
}

async function checkScreen(
  page: Page,
  testInfo: TestInfo,
  screen: string,
  primary: string | undefined,
  results: ScreenFindings[],
): Promise<void> {
  await settle(page);
  record(results, {
    screen,
    mode: 'standard',
    findings: [...(await axeFindings(page, null)), ...(await layoutFindings(page, primary))],
  });
  // The attract screen has no 长辈版 of its own: its 长辈版 button starts the visit.
  if (screen === 'attract') {
    await checkLandscape(page, testInfo, screen, primary, results, false);
    return;
  }
  const before = await voiceState(page);
  await setToggle(page, 'elder-toggle', true);
  await expect(page.locator('.shell')).toHaveAttribute('data-profile', 'elder');
  record(results, {
    screen,
    mode: '长辈版',
    findings: [
      ...(await speechFindings(page, before.said.length, before.starts.length)),
      ...(await axeFindings(page, ELDER_TARGET_MIN_PX)),
      ...(await elderFindings(page, ELDER_LIMITS)),
      ...(await layoutFindings(page, primary)),
    ],
  });
  await saveScreenshot(page, testInfo, `elder-${screen}`);
  // High contrast is a colour theme (data-contrast on the shell, renderer/src/styles/tokens.css):
  // when the screen's document is the one axe has just checked in full, only the rules about
  // colours can come out differently. A screen that draws something else in high contrast gets
  // every rule again.
  const mainMarkup = () => page.locator('main').evaluate((main) => main.outerHTML);
  const markupBefore = await mainMarkup();
  await setToggle(page, 'contrast-toggle', true);
  const sameDocument = (await mainMarkup()) === markupBefore;
  record(results, {
    screen,
    mode: 'high contrast',
    findings: await axeFindings(page, ELDER_TARGET_MIN_PX, sameDocument ? COLOUR_RULES : null),
  });
  await saveScreenshot(page, testInfo, `elder-high-contrast-${screen}`);
  await setToggle(page, 'contrast-toggle', false);
  await setToggle(page, 'elder-toggle', false);
  await checkLandscape(page, testInfo, screen, primary, results, true);
}

/** The same screen turned to landscape (a station's screen may be mounted either way), then back. */
async function checkLandscape(
  page: Page,
  testInfo: TestInfo,
  screen: string,
  primary: string | undefined,
  results: ScreenFindings[],
  elder: boolean,
): Promise<void> {
  await page.setViewportSize(LANDSCAPE);
  record(results, { screen, mode: 'landscape', findings: await layoutFindings(page, primary) });
  if (elder) {
    await setToggle(page, 'elder-toggle', true);
    record(results, { screen, mode: '长辈版 landscape', findings: await layoutFindings(page, primary) });
    await saveScreenshot(page, testInfo, `elder-landscape-${screen}`);
    await setToggle(page, 'elder-toggle', false);
  }
  await page.setViewportSize(PORTRAIT);
  await settle(page);
}

function report(leg: string, results: readonly ScreenFindings[]): string {
  const dir = join(ROOT, 'test-results', 'accessibility');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${leg}.json`), `${JSON.stringify(results, null, 2)}\n`);
  return results
    .filter((r) => r.findings.length > 0)
    .map((r) => `${r.screen} (${r.mode}):\n${r.findings.map((f) => `  ${f.rule}: ${f.detail}`).join('\n')}`)
    .join('\n');
}

async function walk(browser: Browser, kiosk: StartedKiosk, leg: TourLeg, testInfo: TestInfo): Promise<void> {
  const page = await (await browser.newContext({ viewport: PORTRAIT, locale: 'zh-CN' })).newPage();
  await instrumentVoice(page);
  await page.goto(kiosk.url);
  const results: ScreenFindings[] = [];
  const visited: string[] = [];
  await leg.walk(page, async (screen, primary) => {
    visited.push(screen);
    lastRecorded.set(results, performance.now());
    await checkScreen(page, testInfo, screen, primary, results);
    // Written as the walk goes, so a walk that stops half way still shows what it found.
    report(leg.name, results);
  });
  expect(visited.length).toBeGreaterThan(0);
  expect(report(leg.name, results)).toBe('');
}

let kiosk: StartedKiosk;
let config: ReturnType<typeof writeTestConfig>;

test.beforeAll(async () => {
  // Long enough that no idle warning appears in the middle of a screen's checks.
  config = writeTestConfig((c) => {
    (c['ui'] as Record<string, unknown>)['attractAfterIdleSeconds'] = 600;
  });
  kiosk = await startKiosk(config.path, { KIOSK_DEV: '1', KIOSK_CLOCK: STAFFED_CLOCK });
});

test.afterAll(async () => {
  expect(await kiosk.proc.stop()).toBe(0);
  config.cleanup();
});

/** Every leg runs with the fake document camera, so 自助申报 is offered as on a real station. */
async function withCamera(run: (browser: Browser) => Promise<void>): Promise<void> {
  const browser = await launchWithFakeCamera(ensureFakeDocumentVideo(join(config.dir, 'camera')));
  try {
    await run(browser);
  } finally {
    await browser.close();
  }
}

for (const leg of TOUR) {
  test(`accessibility gate: the ${leg.name} screens, standard and 长辈版`, async ({ browserName }, testInfo) => {
    expect(browserName).toBe('chromium');
    await withCamera((browser) => walk(browser, kiosk, leg, testInfo));
  });
}

/**
 * The idle warning is not a place to walk to: a touch (such as the 长辈版 switch) dismisses it. So
 * it is checked twice: in the standard profile as it first appears, then after turning 长辈版 on
 * and waiting, untouched, for it to come back (later: 长辈版 gives twice the time), when the
 * question "还需要更多时间吗？" must be what is spoken. The idle timer is the page's own (the shell
 * machine's delayed transitions), so the waiting is done on the page's clock: Playwright's clock
 * jumps over the untouched minutes instead of the test sitting through them.
 */
test('accessibility gate: the idle warning, standard and 长辈版', async ({ browser }, testInfo) => {
  const idleConfig = writeTestConfig((c) => {
    // A minute: the warning then lasts its longest, 30 s of real time for axe to check it in
    // before the reset (with 30, axe on a loaded two-core machine took longer than the 15 s).
    (c['ui'] as Record<string, unknown>)['attractAfterIdleSeconds'] = 60;
  });
  const idleKiosk = await startKiosk(idleConfig.path);
  try {
    const page = await (await browser.newContext({ viewport: PORTRAIT, locale: 'zh-CN' })).newPage();
    await instrumentVoice(page);
    // Installed before the page loads, so every timer of the page runs on it; time still flows.
    await page.clock.install();
    await page.goto(idleKiosk.url);
    await page.getByTestId('attract-screen').click();
    await expect(page.getByTestId('home-screen')).toBeVisible();
    const warning = page.getByTestId('idle-warning');
    // With 60 s to the reset the warning takes the last 30 (renderer/src/shell/shell-machine.ts,
    // warningSeconds): it shows after 30 s untouched.
    await page.clock.fastForward(30_000);
    await expect(warning).toBeVisible();
    await settle(page);
    const results: ScreenFindings[] = [
      { screen: 'idle-warning', mode: 'standard', findings: await axeFindings(page, null) },
    ];
    await page.getByTestId('elder-toggle').click();
    await expect(warning).toBeHidden();
    const before = await voiceState(page);
    // 长辈版 doubles the time: 120 s to the reset, the last 30 of them warned, so 90 s untouched.
    await page.clock.fastForward(90_000);
    await expect(warning).toBeVisible();
    await settle(page);
    results.push({
      screen: 'idle-warning',
      mode: '长辈版',
      findings: [
        ...(await speechFindings(page, before.said.length, before.starts.length)),
        ...(await axeFindings(page, ELDER_TARGET_MIN_PX)),
        ...(await elderFindings(page, ELDER_LIMITS)),
      ],
    });
    const saidSince = (await voiceState(page)).said.slice(before.said.length).map(([, text]) => text);
    expect(saidSince.join('')).toContain('还需要更多时间吗');
    await saveScreenshot(page, testInfo, 'elder-idle-warning');
    expect(report('idle', results)).toBe('');
  } finally {
    expect(await idleKiosk.proc.stop()).toBe(0);
    idleConfig.cleanup();
  }
});
