import { createCanvas } from '@napi-rs/canvas';
import { expect, test, type TestInfo } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CdpObserver, type PageTarget } from './support/cdp-observer';
import { ROOT, startKiosk, writeTestConfig, type StartedKiosk } from './support/kiosk-process';
import { readXvfbScreen, screenDifference, screenToRgba, type Screen } from './support/x-framebuffer';
import { chromiumWindows, descendants, startXvfb, type XSession } from './support/x-session';

/**
 * Can a resident leave the kiosk? `npm start` shows the kiosk in Debian Chromium's kiosk mode (no
 * Electron binary, a display) on a private Xvfb, with the managed policy in force, and every key,
 * drop, click and pointer move below comes from the X server (xdotool, and a real XDND drag
 * source), as from a keyboard or a touch screen. The attempts start on the home screen, a visit in
 * progress (a reload would go back to the attract screen and be seen). After each attempt the
 * kiosk page must be the same page (same target, same URL), alone (no other page, no other
 * window), and the screen the same as before (Xvfb's framebuffer).
 *
 * The page-initiated vectors (window.open, location.href) need script in the page, which the
 * policy forbids to everyone (DevTools); they run against a development build (KIOSK_DEV=1: the
 * same policy with DevTools allowed, the same page guard without the key filter).
 *
 * The test sees Chromium through a DevTools port its wrapper script adds
 * (support/chromium-with-debug-port.sh); the launcher has its own pipe. Needs root (the policy is
 * mounted for the kiosk's Chromium alone) and Debian's xvfb, xdotool, python3-gi, gir1.2-gtk-3.0.
 */

const WIDTH = 1080;
const HEIGHT = 1920;
/** Where the pointer rests between attempts: the page's right edge, over nothing that reacts. */
const REST = [String(WIDTH - 2), String(HEIGHT / 2)];
/** Below this share of differing pixels the screen is the same (the clock and "n 分钟前" move). */
const SAME_SCREEN = 0.02;
/**
 * How long an attempt is watched before the kiosk is said to have held. What could happen (a new
 * window mapped, a dialog, a navigation) is Chromium's own browser process acting on X input, so
 * it runs on wall time: no page clock drives it and no event says "nothing will come". A window
 * that comes later still fails the next attempt, which finds it there.
 */
const REACTION_WINDOW_MS = 500;
const WRAPPER = join(ROOT, 'tests/e2e/support/chromium-with-debug-port.sh');
const DRAG_SOURCE = join(ROOT, 'tests/e2e/support/x-drag-source.py');

interface Attempt {
  readonly vector: string;
  readonly held: boolean;
  readonly pages: number;
  readonly windows: number;
  readonly url: string;
  readonly samePage: boolean;
  readonly screenDifference: number;
  /** What the launcher did meanwhile (closed a window, lost the page), from its log. */
  readonly launcher: string[];
}
const matrix: Attempt[] = [];

let x: XSession;
let kiosk: StartedKiosk;
let config: ReturnType<typeof writeTestConfig>;
let cdp: CdpObserver;
let cdpPort: number;
let kioskPage: PageTarget;
/** The attract screen, as the kiosk shows it after its start. */
let attract: Screen;
/** What an attempt must leave as it was: the home screen, a visit in progress. */
let reference: Screen;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const screen = () => readXvfbScreen(x.screenFile);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function launcherLines(from: number): string[] {
  return kiosk.proc
    .output()
    .slice(from)
    .split('\n')
    .filter((line) => /closed a window|kiosk page lost|policy NOT in force|Chromium exited/.test(line))
    .map((line) => line.replace(/^\S+\s+\S+\s+/, '').slice(0, 160));
}

async function startChromiumKiosk(env: NodeJS.ProcessEnv = {}) {
  config = writeTestConfig();
  cdpPort = await freePort();
  kiosk = await startKiosk(config.path, {
    DISPLAY: x.display,
    // The Chromium host even where an Electron binary exists; our wrapper as its Chromium.
    KIOSK_HOST: 'browser',
    KIOSK_CHROMIUM: WRAPPER,
    KIOSK_TEST_CDP_PORT: String(cdpPort),
    ...env,
  });
  cdp = await CdpObserver.connect(cdpPort);
  const origin = new URL(kiosk.url).origin;
  await expect
    .poll(async () => (await cdp.pages()).filter((page) => page.url.startsWith(origin) && page.title !== '').length, {
      timeout: 30_000,
    })
    .toBe(1);
  // The page reports the camera once its shell has rendered (the attract screen); from then on
  // the screen only has to settle. The page is taken only then: before, its address still carries
  // the launch key, which the page removes from the address bar as it starts.
  await expect.poll(() => kiosk.proc.output(), { timeout: 30_000 }).toContain('camera state reported by the screen');
  await expect.poll(async () => (await cdp.pages())[0]?.url ?? '', { timeout: 10_000 }).not.toContain('#key=');
  kioskPage = (await cdp.pages())[0]!;
  await x.xdotool('mousemove', ...REST);
  attract = await stableScreen();
}

/** A touch on the attract screen starts a visit: the home screen, once it has settled. */
async function enterHome(): Promise<Screen> {
  await x.xdotool('mousemove', '540', '700', 'click', '1', 'mousemove', ...REST);
  await expect.poll(() => screenDifference(attract, screen()), { timeout: 10_000 }).toBeGreaterThan(0.1);
  return stableScreen();
}

/**
 * The screen once it has not changed for a second. Xvfb writes its framebuffer in place (no file
 * event to wait on), and "settled" is a stretch of time with no change, so the file is polled.
 */
async function stableScreen(): Promise<Screen> {
  const deadline = Date.now() + 30_000;
  let last = screen();
  let sinceMs = Date.now();
  while (Date.now() - sinceMs < 1_000) {
    if (Date.now() > deadline) throw new Error('the kiosk screen did not settle within 30 s');
    await sleep(250);
    const now = screen();
    if (screenDifference(last, now, 2) > 0) sinceMs = Date.now();
    last = now;
  }
  return last;
}

function savePng(shot: Screen, name: string, testInfo: TestInfo): void {
  const canvas = createCanvas(shot.width, shot.height);
  const context = canvas.getContext('2d');
  const image = context.createImageData(shot.width, shot.height);
  image.data.set(screenToRgba(shot));
  context.putImageData(image, 0, 0);
  const dir = join(ROOT, 'test-artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  writeFileSync(path, canvas.toBuffer('image/png'));
  void testInfo.attach(name, { path, contentType: 'image/png' });
}

/**
 * After an attempt: give Chromium time to act on it (REACTION_WINDOW_MS; and the launcher to close
 * any window it opened), then compare pages, windows and screen with the start. Soft assertions,
 * so one run shows every vector that got through.
 */
async function expectUnchanged(vector: string, logFrom: number, testInfo: TestInfo): Promise<void> {
  await x.xdotool('mousemove', ...REST);
  await sleep(REACTION_WINDOW_MS);
  const deadline = Date.now() + 3_000;
  let attempt: Attempt;
  let shot: Screen;
  for (;;) {
    const pages = await cdp.pages().catch(() => []);
    const windows = await chromiumWindows(x);
    shot = screen();
    const page = pages[0];
    const samePage = pages.length === 1 && page?.targetId === kioskPage.targetId && page.url === kioskPage.url;
    const difference = screenDifference(reference, shot);
    attempt = {
      vector,
      held: samePage && windows.length === 1 && difference < SAME_SCREEN,
      pages: pages.length,
      windows: windows.length,
      url: page?.url ?? '(none)',
      samePage,
      screenDifference: Math.round(difference * 1000) / 1000,
      launcher: launcherLines(logFrom),
    };
    if (attempt.held || Date.now() > deadline) break;
    await sleep(200);
  }
  matrix.push(attempt);
  expect.soft(attempt, `after ${vector}`).toMatchObject({ samePage: true, pages: 1, windows: 1 });
  expect.soft(attempt.screenDifference, `screen after ${vector}`).toBeLessThan(SAME_SCREEN);
  if (!attempt.held) {
    savePng(shot, `escape-${vector.replace(/[^a-z0-9]+/gi, '-')}`, testInfo);
    await backToStart(vector);
  }
}

/**
 * After an attempt that got through: close what it opened, wait for the kiosk page (the launcher
 * starts Chromium again when the page was lost) and go back to the home screen, so the next
 * attempt starts from the same place and one run shows every vector that gets through.
 */
async function backToStart(vector: string): Promise<void> {
  const origin = new URL(kiosk.url).origin;
  // A modal dialog (print preview, a file chooser) is no page to close: after a while, end that
  // Chromium and let the launcher start a new one.
  let killAt: number | null = Date.now() + 8_000;
  const deadline = Date.now() + 40_000;
  for (;;) {
    if (killAt !== null && Date.now() > killAt) {
      killAt = null;
      for (const browser of descendants(kiosk.proc.child.pid!)) {
        if (browser.cmdline.includes('--kiosk') && !browser.cmdline.includes('--type='))
          process.kill(browser.pid, 'SIGKILL');
      }
    }
    try {
      if (!cdp.isOpen) cdp = await CdpObserver.connect(cdpPort, 5_000);
      const pages = await cdp.pages();
      const ours = pages.filter((page) => page.url.startsWith(`${origin}/`));
      for (const page of pages.filter((page) => page !== ours[0])) {
        await cdp.send('Target.closeTarget', { targetId: page.targetId }).catch(() => undefined);
      }
      if (ours.length >= 1 && pages.length === 1) {
        // A new Chromium (or a reload) shows the attract screen: start a visit again.
        if (screenDifference(attract, screen()) < SAME_SCREEN) await enterHome();
        if (screenDifference(reference, screen()) < SAME_SCREEN) {
          kioskPage = ours[0]!;
          return;
        }
      }
    } catch {
      // Chromium is between two runs; ask again.
    }
    if (Date.now() > deadline) {
      // Somewhere else for good (out of fullscreen, say): go on from here, and say so.
      matrix.push({
        ...matrix.at(-1)!,
        vector: `${vector}: the kiosk did not come back; the next attempts start from here`,
      });
      kioskPage = (await cdp.pages().catch(() => []))[0] ?? kioskPage;
      reference = screen();
      return;
    }
    await sleep(300);
  }
}

/** Keyboard focus on the kiosk window, the pointer at rest: the keys go to Chromium for sure. */
async function focusKiosk(): Promise<void> {
  const [window] = await chromiumWindows(x);
  // A window that just went away cannot take the focus; the key then goes wherever X sends it.
  if (window) await x.xdotool('windowfocus', window).catch(() => undefined);
  await x.xdotool('mousemove', ...REST);
}

test.beforeAll(async () => {
  x = await startXvfb(WIDTH, HEIGHT);
});

test.afterAll(() => {
  x?.stop();
});

/** Stops the kiosk of a group. */
async function stopKiosk(): Promise<void> {
  cdp?.close();
  if (kiosk) expect(await kiosk.proc.stop()).toBe(0);
  config?.cleanup();
}

/** Runs a test's attempts and writes what they found to test-artifacts/escape/<name>.json, pass or fail. */
async function attempts(name: string, body: () => Promise<void>): Promise<void> {
  matrix.length = 0;
  try {
    await body();
  } finally {
    const dir = join(ROOT, 'test-artifacts', 'escape');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(matrix, null, 2)}\n`);
  }
}

// Each group shares one kiosk, started before its first test; after a failed test Playwright starts
// a new worker, and with it a new kiosk for the tests that remain.
test.describe('production build', () => {
  test.beforeAll(async () => {
    await startChromiumKiosk();
    reference = await enterHome();
  });
  test.afterAll(stopKiosk);

  test('npm start shows the kiosk in Chromium with the managed policy in force', async () => {
    const testInfo = test.info();
    const output = kiosk.proc.output();
    expect(output).toContain('host: browser, shown in Chromium kiosk mode');
    expect(output).toContain("mounted over /etc/chromium/policies for the kiosk's Chromium alone");
    // Chromium itself refuses DevTools on the page: the policy was read.
    await expect
      .poll(() => kiosk.proc.output(), { timeout: 15_000 })
      .toContain('Chromium policy in force: DevTools refused');
    expect(output).not.toContain('NOT in force');
    expect(await chromiumWindows(x)).toHaveLength(1);
    savePng(attract, 'escape-attract', testInfo);
    savePng(reference, 'escape-home', testInfo);
    // The test's own attach is refused as well: nobody runs script in the kiosk page.
    await expect(cdp.evaluate(kioskPage.targetId, 'location.href')).rejects.toThrow(/Not allowed/);
  });

  const KEYS = [
    'ctrl+w',
    'ctrl+n',
    'ctrl+t',
    'ctrl+l',
    'ctrl+p',
    'ctrl+s',
    'ctrl+o',
    'F5',
    'F11',
    'F12',
    'ctrl+shift+i',
    'alt+Left',
    // Beyond the list: quit, close the window, the task manager, the address bar, the menu.
    'ctrl+shift+q',
    'ctrl+shift+w',
    'shift+Escape',
    'F6',
    'F10',
  ];

  test('no key combination leaves the kiosk page', async () => {
    const testInfo = test.info();
    await attempts('keys', async () => {
      for (const combo of KEYS) {
        const from = kiosk.proc.output().length;
        await focusKiosk();
        await x.xdotool('key', '--clearmodifiers', combo);
        await expectUnchanged(`key ${combo}`, from, testInfo);
      }
      const from = kiosk.proc.output().length;
      await focusKiosk();
      // Held, not waited for: the attempt is the 2.5 s of Escape down (fullscreen's exit gesture).
      await x.xdotool('keydown', 'Escape', 'sleep', '2.5', 'keyup', 'Escape');
      await expectUnchanged('hold Escape 2.5 s', from, testInfo);
    });
  });

  test('the address bar cannot be reached to go to file:, data:, javascript: or an external site', async () => {
    const testInfo = test.info();
    await attempts('address-bar', async () => {
      for (const url of [
        'file:///etc/passwd',
        'data:text/html,<h1>escaped</h1>',
        "javascript:document.body.innerHTML='escaped'",
        'https://example.com/',
      ]) {
        const from = kiosk.proc.output().length;
        await focusKiosk();
        await x.xdotool('key', '--clearmodifiers', 'ctrl+l');
        await x.xdotool('type', '--delay', '5', url);
        await x.xdotool('key', 'Return');
        await expectUnchanged(`address bar ${url.slice(0, 30)}`, from, testInfo);
      }
    });
  });

  test('a file or a link dropped on the page goes nowhere', async () => {
    const testInfo = test.info();
    await attempts('drops', async () => {
      for (const uri of ['file:///etc/passwd', 'https://example.com/']) {
        const from = kiosk.proc.output().length;
        const source = spawn('/usr/bin/python3', [DRAG_SOURCE, uri, '40', String(HEIGHT - 220)], {
          env: { ...process.env, DISPLAY: x.display, GDK_BACKEND: 'x11' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let said = '';
        source.stdout.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
        source.stderr.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
        const exited = new Promise((resolve) => source.once('exit', resolve));
        await expect.poll(() => said, { timeout: 15_000 }).toContain('ready');
        // Press on the source, move past GTK's drag threshold and across the screen, release on the
        // page. The pauses are part of the gesture (a hand's pace, which GTK's drag needs), not waits.
        const fromY = String(HEIGHT - 160);
        await x.xdotool(
          ...['mousemove', '140', fromY, 'sleep', '0.2', 'mousedown', '1', 'sleep', '0.2'],
          ...['mousemove', '160', String(HEIGHT - 180), 'sleep', '0.1', 'mousemove', '300', '1500', 'sleep', '0.1'],
          ...['mousemove', '500', '1200', 'sleep', '0.1', 'mousemove', '540', '1000', 'sleep', '0.1'],
          ...['mousemove', '545', '990', 'sleep', '0.4', 'mouseup', '1'],
        );
        await exited;
        // Chromium asked for the data: the drop landed on the page, the test did not miss.
        expect(said, `drag source for ${uri}`).toContain('data-requested text/uri-list');
        await expectUnchanged(`drop ${uri}`, from, testInfo);
      }
    });
  });

  test('a killed renderer is back at the attract screen within 5 s, twice in a row, and the visit is forgotten', async () => {
    const testInfo = test.info();
    const times: number[] = [];
    for (const round of [1, 2]) {
      // A visit in progress: the home screen (where the earlier tests left the kiosk, or a touch
      // on the attract screen after the first round).
      if (screenDifference(reference, screen()) >= SAME_SCREEN) await enterHome();
      const ended = kiosk.proc.output().split('resident session ended: the kiosk page was lost').length;

      const renderers = descendants(kiosk.proc.child.pid!).filter((p) => p.cmdline.includes('--type=renderer'));
      expect(renderers.length, 'the kiosk Chromium has renderers').toBeGreaterThan(0);
      const killedAt = performance.now();
      for (const renderer of renderers) process.kill(renderer.pid, 'SIGKILL');
      let backMs = 0;
      await expect
        .poll(
          () => {
            backMs = performance.now() - killedAt;
            return screenDifference(attract, screen());
          },
          { timeout: 15_000, intervals: [100] },
        )
        .toBeLessThan(SAME_SCREEN);
      times.push(Math.round(backMs));
      testInfo.annotations.push({
        type: 'renderer crash',
        description: `round ${round}: attract screen after ${Math.round(backMs)} ms`,
      });
      expect(kiosk.proc.output().split('resident session ended: the kiosk page was lost').length).toBe(ended + 1);
    }
    writeFileSync(
      join(ROOT, 'test-artifacts', 'escape-crash-recovery.json'),
      `${JSON.stringify({ times }, null, 2)}\n`,
    );
    for (const ms of times) expect(ms).toBeLessThanOrEqual(5_000);
    // The page shown again is refused DevTools too, it is alone, and the dead window is gone.
    expect(kiosk.proc.output().split('Chromium policy in force: DevTools refused').length).toBeGreaterThanOrEqual(4);
    await expect.poll(async () => (await cdp.pages()).length).toBe(1);
    expect(await chromiumWindows(x)).toHaveLength(1);
    kioskPage = (await cdp.pages())[0]!;
    // And it holds like the first one.
    reference = await enterHome();
    await attempts('keys-after-crashes', async () => {
      for (const combo of ['ctrl+w', 'ctrl+n', 'ctrl+t', 'F5']) {
        const from = kiosk.proc.output().length;
        await focusKiosk();
        await x.xdotool('key', '--clearmodifiers', combo);
        await expectUnchanged(`key ${combo} after the crashes`, from, testInfo);
      }
    });
  });
});

test.describe('development build', () => {
  // The policy allows DevTools here, so the test can run script in the page.
  test.beforeAll(async () => {
    await startChromiumKiosk({ KIOSK_DEV: '1' });
  });
  test.afterAll(stopKiosk);

  test('what the page itself tries (window.open, location.href, links) stays in the kiosk', async () => {
    const testInfo = test.info();
    const shows = (testId: string) =>
      cdp.evaluate(kioskPage.targetId, `!!document.querySelector('[data-testid="${testId}"]')`);
    // The screens the other group could only compare pixels of.
    expect(await shows('attract-screen')).toBe(true);
    reference = await enterHome();
    expect(await shows('home-screen')).toBe(true);
    await attempts('page-initiated', async () => {
      const run = async (vector: string, expression: string) => {
        const from = kiosk.proc.output().length;
        await cdp.evaluate(kioskPage.targetId, expression).catch(() => undefined);
        await expectUnchanged(vector, from, testInfo);
      };
      await run('window.open https', `String(window.open('https://example.com/'))`);
      await run('window.open about:blank', `String(window.open('about:blank', '_blank'))`);
      for (const url of [
        'file:///etc/passwd',
        'data:text/html,<h1>escaped</h1>',
        "javascript:document.body.innerHTML='escaped'",
        'https://example.com/',
      ]) {
        await run(`location.href ${url.slice(0, 30)}`, `location.href = ${JSON.stringify(url)}; 'set'`);
      }

      // Links, clicked through the X server: a new-window link, a plain external link, a middle click.
      const link = (href: string, target: string) =>
        `(() => { const a = document.createElement('a'); a.id = 'escape-link'; a.href = ${JSON.stringify(href)};` +
        ` a.target = ${JSON.stringify(target)}; a.textContent = 'link';` +
        ` a.addEventListener('mouseup', () => { a.dataset.released = 'yes'; });` +
        ` a.style.cssText = 'position:fixed;left:0;top:0;width:300px;height:300px;z-index:2147483647;background:#c00';` +
        ` document.body.append(a); return 'ok'; })()`;
      for (const [vector, href, target, click] of [
        ['link target=_blank', 'https://example.com/', '_blank', ['click', '1']],
        ['link to https', 'https://example.com/', '', ['click', '1']],
        ['link to file:', 'file:///etc/passwd', '', ['click', '1']],
        ['middle-click on a link', `${new URL(kiosk.url).origin}/`, '', ['click', '2']],
        [
          'ctrl+click on a link',
          `${new URL(kiosk.url).origin}/`,
          '',
          ['keydown', 'ctrl', 'click', '1', 'keyup', 'ctrl'],
        ],
      ] as const) {
        const from = kiosk.proc.output().length;
        await cdp.evaluate(kioskPage.targetId, link(href, target));
        await x.xdotool('mousemove', '150', '150', ...click);
        // The click reached the link (its activation runs in the same task as the release), or the
        // page it was on is gone: either way Chromium has it, and the link may go.
        const released =
          `(() => { const a = document.getElementById('escape-link');` +
          ` return a === null ? 'gone' : (a.dataset.released ?? 'waiting'); })()`;
        await expect.poll(() => cdp.evaluate(kioskPage.targetId, released).catch(() => 'gone')).not.toBe('waiting');
        await cdp
          .evaluate(kioskPage.targetId, `document.getElementById('escape-link')?.remove(); 'ok'`)
          .catch(() => undefined);
        await expectUnchanged(vector, from, testInfo);
      }
    });
  });
});
