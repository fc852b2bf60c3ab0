import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { apiSubprotocols } from '../../core/api/launch-key';
import { READY_LINE_PATTERN } from '../../scripts/start/ready-line';
import { ROOT, runScript, waitForLine, writeTestConfig, type RunningProcess } from '../e2e/support/kiosk-process';
import { listenForNotifications, type NotifyListener } from '../helpers/notify-listener';

/**
 * The kiosk service as systemd runs it (Type=notify, WatchdogSec, RuntimeDirectory, the release
 * state folder), started exactly as `npm start` starts it, with the headless browser host, and a
 * notify socket this test reads (the real systemd-notify writes to it).
 */
const APP_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const has = (field: string) => (message: { fields: readonly string[] }) => message.fields.includes(field);

let dir: string;
let listener: NotifyListener;
let config: ReturnType<typeof writeTestConfig>;
let kiosk: RunningProcess | null = null;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-systemd-'));
  mkdirSync(join(dir, 'run'), { mode: 0o700 });
  mkdirSync(join(dir, 'release'), { mode: 0o700 });
  listener = await listenForNotifications(join(dir, 'notify'));
  config = writeTestConfig();
});

afterEach(async () => {
  await kiosk?.stop('SIGKILL');
  kiosk = null;
  await listener.close();
  config.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** host.alive over the API door, as the page calls it: our origin, the launch key as a subprotocol. */
async function reportAlive(url: string): Promise<unknown> {
  const { origin, hash } = new URL(url);
  const key = new URLSearchParams(hash.slice(1)).get('key') ?? '';
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/api`, apiSubprotocols(key), { origin });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const answer = new Promise<unknown>((resolve) =>
    ws.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as {
        type: string;
        id?: number;
        response?: unknown;
      };
      if (message.type === 'result' && message.id === 1) resolve(message.response);
    }),
  );
  ws.send(JSON.stringify({ type: 'call', id: 1, method: 'host.alive', input: {} }));
  const response = await answer;
  ws.close();
  return response;
}

describe('the kiosk service under systemd', () => {
  it('sends READY when it serves, feeds the watchdog only once a page reports alive, and STOPPING at SIGTERM', async () => {
    kiosk = runScript('scripts/start.ts', [], {
      KIOSK_CONFIG: config.path,
      KIOSK_HOST: 'headless',
      NOTIFY_SOCKET: listener.path,
      // WatchdogSec=1: a keep-alive due every 500 ms.
      WATCHDOG_USEC: '1000000',
      RUNTIME_DIRECTORY: join(dir, 'run'),
      BIANMIN_RELEASE_STATE_DIR: join(dir, 'release'),
      // No start grace: from READY on, keep-alives wait for a page.
      KIOSK_WATCHDOG_RENDERER_GRACE_SECONDS: '0',
    });
    const pid = kiosk.child.pid;
    const [, url] = await waitForLine(kiosk, READY_LINE_PATTERN, 120_000);

    const ready = await listener.waitFor(has('READY=1'), 10_000, 'READY=1');
    const origin = new URL(url!).origin;
    expect(ready.fields).toEqual([`MAINPID=${pid}`, 'READY=1', `STATUS=serving at ${origin}`]);
    // The steps before it, in order, and nothing about the launch key anywhere.
    expect(listener.messages.slice(0, 3).map((m) => m.fields.slice(1))).toEqual([
      ['STATUS=starting: opening the store and the platform link'],
      ['STATUS=starting: the browser host'],
      ['READY=1', `STATUS=serving at ${origin}`],
    ]);
    expect(JSON.stringify(listener.messages)).not.toContain('key=');

    // For the display unit: the URL with its key, owner-only. For the boot guard: this release is good.
    const urlFile = join(dir, 'run', 'kiosk-url');
    expect(readFileSync(urlFile, 'utf8')).toBe(`${url}\n`);
    expect(statSync(urlFile).mode & 0o777).toBe(0o600);
    // Marked once systemd-notify has come back with READY delivered.
    await waitForLine(kiosk, /release marked good/, 5_000);
    expect(existsSync(join(dir, 'release', `good-${APP_VERSION}`))).toBe(true);

    // Four keep-alive periods with no page: none is sent, and the log says why, once.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(listener.messages.filter(has('WATCHDOG=1'))).toEqual([]);
    expect(kiosk.output().match(/no kiosk page has reported alive/g)).toHaveLength(1);

    const reportedAt = Date.now();
    expect(await reportAlive(url!)).toEqual({ ok: true, value: {} });
    const firstPing = await listener.waitFor(has('WATCHDOG=1'), 5_000, 'WATCHDOG=1 after the page reported');
    expect(firstPing.receivedAt).toBeGreaterThanOrEqual(reportedAt);
    expect(firstPing.fields).toEqual([`MAINPID=${pid}`, 'WATCHDOG=1']);
    await listener.waitFor(
      (m) => listener.messages.filter(has('WATCHDOG=1')).length >= 3 && m === listener.messages.at(-1),
      5_000,
      'three keep-alives',
    );

    expect(await kiosk.stop('SIGTERM')).toBe(0);
    await listener.waitFor(has('STOPPING=1'), 5_000, 'STOPPING=1');
    expect(existsSync(urlFile)).toBe(false);
  }, 180_000);
});
