import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PeerSignal } from '../../../platform/contract/video-help';
import { TEST_CHROMIUM_ARGS, TEST_CHROMIUM_PATH } from '../../e2e/support/test-chromium';
import type { HarnessApi, HarnessGlobal } from './harness-api';

/**
 * Two sides of a 视频帮办 call in one headless Chromium, each page in a context of its own (as a
 * kiosk and an agent's office browser would be), with Chromium's fake camera and microphone.
 * The signals pass through this process, as they pass through the platform in the product.
 */

/**
 * Fake media without a prompt, and three fake cameras (Chromium's FakeVideoCaptureDeviceFactory
 * reads `device-count`): fake_device_0 is the face camera. fake_device_1 delivers Y16 (a depth
 * format): it renders in a <video> but a peer connection's encoder never gets a frame of it
 * (measured: media-source frames 0), so the 高拍仪 is fake_device_2 (MJPEG, as a USB 高拍仪 often is).
 */
export const DOCUMENT_CAMERA_LABEL = 'fake_device_2';
export const MEDIA_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream=device-count=3',
  // A machine whose only interface is loopback (a CI container) still gets host candidates.
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
] as const;

export function launchCallChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: TEST_CHROMIUM_PATH, args: [...TEST_CHROMIUM_ARGS, ...MEDIA_ARGS] });
}

/** The harness page and call-peer.ts, bundled for the browser as the kiosk's and console's builds do. */
export async function bundleHarness(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./harness-page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild gave no output');
  return output.text;
}

/**
 * http://localhost is a secure context (getUserMedia needs one); the page never reaches the network:
 * the test answers its two requests itself.
 */
const ORIGIN = 'http://localhost';

type Side = 'kiosk' | 'agent';

export interface CallSide {
  readonly page: Page;
  /** Runs one harness method in the page. */
  call<K extends keyof HarnessApi>(
    method: K,
    ...args: Parameters<HarnessApi[K]>
  ): Promise<Awaited<ReturnType<HarnessApi[K]>>>;
}

export interface TwoPages {
  readonly kiosk: CallSide;
  readonly agent: CallSide;
  /** Signals that could not be handed over (a page rejected the evaluate). */
  readonly relayErrors: string[];
  close(): Promise<void>;
}

export async function openTwoPages(browser: Browser, bundle: string): Promise<TwoPages> {
  const relayErrors: string[] = [];
  let closing = false;
  const open = async (): Promise<CallSide> => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      return path === '/harness.js'
        ? route.fulfill({ contentType: 'text/javascript', body: bundle })
        : route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><meta charset="utf-8"><title>call</title><script src="/harness.js"></script>',
          });
    });
    const side: CallSide = {
      page,
      call: (method, ...args) =>
        page.evaluate(
          ([name, parameters]) => {
            const api = (globalThis as unknown as HarnessGlobal).harness as unknown as Record<
              string,
              (...values: unknown[]) => unknown
            >;
            return api[name]?.(...parameters);
          },
          [method, args] as const,
        ) as never,
    };
    return side;
  };
  const kiosk = await open();
  const agent = await open();

  /**
   * Hands signals from one page to the other without waiting for the receiver to finish, so they
   * overlap as they do through the platform. A description is held back until a candidate of the
   * same side has been delivered: the receiver then gets candidates before the description they
   * belong to, the ordering call-peer.ts must survive (a relay may deliver them so).
   */
  const relay = (from: Side, to: CallSide) => {
    let candidateDelivered!: () => void;
    const firstCandidate = new Promise<void>((resolve) => (candidateDelivered = resolve));
    const deliver = (signal: PeerSignal) =>
      to.call('receive', signal).catch((error: unknown) => {
        if (!closing) relayErrors.push(`${from} → ${signal.kind}: ${String(error)}`);
      });
    return (signal: PeerSignal): Promise<void> => {
      if (signal.kind === 'candidate') {
        void deliver(signal).then(candidateDelivered);
      } else {
        // A side with no candidate at all (no route, no TURN) still gets its description across.
        const fallback = new Promise<void>((resolve) => setTimeout(resolve, 3_000));
        void Promise.race([firstCandidate, fallback]).then(() => deliver(signal));
      }
      return Promise.resolve();
    };
  };
  await kiosk.page.exposeFunction('harnessSend', relay('kiosk', agent));
  await agent.page.exposeFunction('harnessSend', relay('agent', kiosk));
  await Promise.all([kiosk.page.goto(`${ORIGIN}/call.html`), agent.page.goto(`${ORIGIN}/call.html`)]);

  return {
    kiosk,
    agent,
    relayErrors,
    async close() {
      closing = true;
      await Promise.all([kiosk.page.context().close(), agent.page.context().close()]);
    },
  };
}

/** Polls `read` until `done` holds (a loaded 2-core machine is slow, so waits are generous). */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

/**
 * Waits until a counter stops growing: two readings `quietMs` apart that are equal (a few packets
 * already on the way still land after a sender stops). Answers the settled value.
 */
export async function untilSteady(
  read: () => Promise<number>,
  what: string,
  { quietMs = 1_000, timeoutMs = 15_000 } = {},
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let before = await read();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await read();
    if (now === before) return now;
    if (Date.now() > deadline) throw new Error(`${what} still growing after ${timeoutMs} ms (${before} → ${now})`);
    before = now;
  }
}
