import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ROOT, startKiosk, writeTestConfig } from './support/kiosk-process';
import { STAFFED_CLOCK } from './support/staffed-clock';
import { PORTRAIT } from './support/screens';
import { instrumentVoice, voiceState } from './support/voice-probe';
import { DEFAULT_VOLUME_STEP, VOLUME_STEPS } from '../../renderer/src/shell/shell-machine';

/**
 * Voice mode in the real kiosk and a real Chromium, with real espeak-ng audio: how long from a
 * touch that changes the screen to the first sound, whether the old screen's speech stops when
 * the screen changes (never two voices at once), and that 长辈版, contrast, language and volume
 * are back to the defaults for the next resident. The latencies are measured and written to
 * test-results/voice-latency.json for the record, not asserted (speed belongs to benchmarks).
 */

test.setTimeout(240_000);
test.use({ actionTimeout: 20_000 });

/** The visible title of the screen now showing: the first thing voice mode says about it. */
const screenTitle = (page: Page) =>
  page.evaluate(() => {
    const title = [...document.querySelectorAll('.shell [data-speech="title"]')].find(
      (el) => (el as HTMLElement).offsetParent !== null && el.closest('[inert]') === null,
    );
    return (title?.textContent ?? '').trim();
  });

/**
 * Taps a control that changes the screen and returns ms from the touch to the start of the audio
 * of the new screen's title (not the tapped control's name, which tap-to-speak may begin first).
 */
async function latencyOf(page: Page, tap: () => Promise<void>): Promise<number> {
  const touchedBefore = (await voiceState(page)).lastTouch;
  await tap();
  let title = '';
  const titleStart = async (): Promise<number | null> => {
    const state = await voiceState(page);
    if (state.lastTouch === touchedBefore) return null;
    title = await screenTitle(page);
    const asked = state.said.find(([at, text]) => at >= state.lastTouch && title.startsWith(text.slice(0, 8)));
    if (!asked) return null;
    return state.starts.find((at) => at >= asked[0]) ?? null;
  };
  await expect.poll(titleStart, { timeout: 15_000 }).not.toBeNull();
  const start = await titleStart();
  if (start === null) throw new Error(`the title "${title}" was never heard`);
  return start - (await voiceState(page)).lastTouch;
}

/** Services on the first page of 长辈版's home (four tiles a page; 自助申报 needs a camera). */
const SCREENS = ['ticket', 'progress', 'search'] as const;

async function tour(page: Page): Promise<number[]> {
  const latencies: number[] = [];
  for (const service of SCREENS) {
    latencies.push(await latencyOf(page, () => page.getByTestId(`service-${service}`).click()));
    latencies.push(await latencyOf(page, () => page.getByTestId('home-button').click()));
  }
  return latencies;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

test('voice mode: first audio soon after each screen change, one voice at a time, everything reset after the visit', async ({
  browser,
}) => {
  const config = writeTestConfig((c) => {
    (c['ui'] as Record<string, unknown>)['attractAfterIdleSeconds'] = 15;
  });
  const kiosk = await startKiosk(config.path, { KIOSK_CLOCK: STAFFED_CLOCK });
  try {
    const page = await (await browser.newContext({ viewport: PORTRAIT })).newPage();
    await instrumentVoice(page);
    await page.goto(kiosk.url);
    await page.getByTestId('attract-screen').waitFor();
    const entry = await latencyOf(page, () => page.getByTestId('elder-start').click());
    await expect(page.locator('.shell')).toHaveAttribute('data-profile', 'elder');
    await expect(page.getByTestId('voice-toggle')).toHaveAttribute('aria-pressed', 'true');
    // First time each screen is said: synthesised now. Second time: from the cache.
    const firstRound = await tour(page);
    const secondRound = await tour(page);
    const state = await voiceState(page);
    expect(state.mostAtOnce).toBe(1);

    const figures = {
      enterElderMs: Math.round(entry),
      synthesisedMedianMs: Math.round(median(firstRound)),
      synthesisedMaxMs: Math.round(Math.max(...firstRound)),
      cachedMedianMs: Math.round(median(secondRound)),
      cachedMaxMs: Math.round(Math.max(...secondRound)),
      screenChanges: firstRound.length + secondRound.length,
    };
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(ROOT, 'test-results', 'voice-latency.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`voice latency (touch → first audio): ${JSON.stringify(figures)}`);

    // Choices of this visit: high contrast, English, quieter. Then nobody touches the screen.
    await page.getByTestId('contrast-toggle').click();
    await page.getByTestId('voice-volume-down').click();
    await page.locator('[data-locale=en]').click();
    await expect(page.locator('.shell')).toHaveAttribute('data-contrast', 'high');
    await expect(page.getByTestId('attract-screen')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('attract-screen').click();
    await expect(page.getByTestId('home-screen')).toBeVisible();
    const shell = page.locator('.shell');
    await expect(shell).toHaveAttribute('data-profile', 'standard');
    await expect(shell).toHaveAttribute('data-contrast', 'default');
    await expect(page.getByTestId('voice-toggle')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.getByTestId('voice-toggle').click();
    // The visitor turned it down a step; the next one hears the default again.
    await expect(page.getByTestId('voice-volume')).toContainText(`${DEFAULT_VOLUME_STEP + 1}/${VOLUME_STEPS.length}`);
  } finally {
    expect(await kiosk.proc.stop()).toBe(0);
    config.cleanup();
  }
});
