import type { Page } from 'playwright-core';
import { startKiosk, writeTestConfig } from '../e2e/support/kiosk-process';
import { launchBenchChromium } from './chromium';
import { isQuick, summarise, type Summary } from './measure';

const ROUNDS = 20;

/** A tap on `tap`, and the selector of the next screen's content that must then be visible. */
interface Tap {
  readonly name: string;
  readonly tap: string;
  readonly next: string;
}

const testId = (id: string) => `[data-testid="${id}"]`;
/** Home stays mounted, covered, under a guide opened from it (renderer/src/shell/Shell.tsx). */
const HOME: Tap = {
  name: '← home button',
  tap: testId('home-button'),
  next: `${testId('home-screen')}:not([data-covered])`,
};
/** The main screens a resident opens from the home screen, and back. */
const FROM_HOME: readonly Tap[] = [
  { name: 'search', tap: testId('service-search'), next: testId('search-screen') },
  { name: "a matter's guide", tap: testId('matter-item'), next: testId('guide-screen') },
  { name: 'life events', tap: testId('service-lifeEvents'), next: testId('life-events-screen') },
  { name: 'take a ticket', tap: testId('service-ticket'), next: testId('ticket-journey') },
  { name: 'progress', tap: testId('service-progress'), next: testId('progress-journey') },
  { name: 'service map', tap: testId('service-serviceMap'), next: testId('map-screen') },
];
const ATTRACT: Tap = { name: 'attract → home', tap: testId('attract-screen'), next: testId('home-screen') };

/**
 * Arms the page: from the pointerdown of the next tap until the first frame after `next` is in the
 * document and visible (a requestAnimationFrame, then a message posted from it, which runs once
 * that frame has been handed to the compositor). The result waits in the page; -1 if `next` was
 * already on screen when the finger came down (the figure would mean nothing).
 */
async function armTap(page: Page, next: string): Promise<void> {
  await page.evaluate(`(${ARM_TAP_IN_PAGE})(${JSON.stringify(next)})`);
}

/**
 * Page-side source, as text: the bench is compiled for Node (no DOM types), and tsx would wrap a
 * function passed to page.evaluate in helpers the page does not have.
 */
const ARM_TAP_IN_PAGE = `(selector) => {
  const visible = () => {
    const element = document.querySelector(selector);
    return element !== null && element.checkVisibility() && element.getBoundingClientRect().height > 0;
  };
  window.benchTap = new Promise((resolve) => {
    addEventListener('pointerdown', (event) => {
      if (visible()) return resolve(-1);
      const tappedAt = event.timeStamp;
      const observer = new MutationObserver(() => {
        if (!visible()) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - tappedAt);
          channel.port2.postMessage(null);
        });
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true });
    }, { capture: true, once: true });
  });
}`;

async function timedTap(page: Page, tap: Tap): Promise<number> {
  await armTap(page, tap.next);
  await page.locator(tap.tap).first().click();
  const ms = Number(await page.evaluate('window.benchTap'));
  if (ms < 0) throw new Error(`tap bench: ${tap.next} was on screen before tapping ${tap.tap}`);
  return ms;
}

/**
 * Tap → next screen in Chromium against `npm start` (headless host, embedded platform): a real
 * click (Playwright's mouse events through the DevTools input domain) to the next screen's
 * content painted, for the attract screen, each main screen opened from the home screen (a
 * matter's guide among them) and the home button back. Goal: p95 < 50 ms.
 */
export async function tapBenchmarks(): Promise<Summary[]> {
  const browser = await launchBenchChromium();
  const config = writeTestConfig();
  const kiosk = await startKiosk(config.path, { KIOSK_HOST: 'headless' });
  const samples = new Map<string, number[]>();
  const record = (name: string, ms: number) => samples.set(name, [...(samples.get(name) ?? []), ms]);
  try {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    const page = await context.newPage();
    await page.goto(kiosk.url);
    await page.locator(ATTRACT.tap).waitFor();
    record(ATTRACT.name, await timedTap(page, ATTRACT));
    for (let round = 0; round < (isQuick() ? 1 : ROUNDS); round++) {
      for (const tap of FROM_HOME) {
        await page.locator(tap.tap).first().waitFor();
        record(`home → ${tap.name}`, await timedTap(page, tap));
        record(HOME.name, await timedTap(page, HOME));
      }
    }
    await context.close();
  } finally {
    await browser.close();
    await kiosk.proc.stop();
    config.cleanup();
  }
  const all = [...samples.values()].flat();
  return [
    ...[...samples].map(([name, ms]) => summarise(`tap → next screen painted: ${name}`, ms)),
    summarise('tap → next screen painted: all taps (goal p95 < 50 ms)', all),
  ];
}
