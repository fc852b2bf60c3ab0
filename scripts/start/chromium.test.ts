import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { lastWords, runChromiumKiosk, type ChromiumLaunchDeps } from './chromium';
import type { PolicyPlacement } from './chromium-policy-placement';

/**
 * The launcher's supervision, with a stand-in for Chromium that speaks the DevTools pipe. The
 * real thing (a real Chromium, a killed renderer, measured back at the attract screen) is
 * tests/e2e/escape.spec.ts.
 */
const URL = 'http://127.0.0.1:43027/#key=abc';
const ORIGIN = 'http://127.0.0.1:43027';

class FakeChromium extends EventEmitter {
  readonly pid: number;
  readonly stdio: [null, null, PassThrough, PassThrough, PassThrough];
  readonly commands: Array<{ id: number; method: string; params: Record<string, unknown> }> = [];
  readonly signals: string[] = [];
  attachAnswer: Record<string, unknown> = { error: { code: -32000, message: 'Not allowed' } };
  private text = '';

  constructor(
    pid: number,
    readonly command: string,
    readonly args: readonly string[],
  ) {
    super();
    this.pid = pid;
    this.stdio = [null, null, new PassThrough(), new PassThrough(), new PassThrough()];
    this.stdio[3].on('data', (chunk: Buffer) => {
      this.text += chunk.toString('utf8');
      for (let end = this.text.indexOf('\0'); end >= 0; end = this.text.indexOf('\0')) {
        const command = JSON.parse(this.text.slice(0, end)) as FakeChromium['commands'][number];
        this.text = this.text.slice(end + 1);
        this.commands.push(command);
        this.answer(command);
      }
    });
  }

  get stderr() {
    return this.stdio[2];
  }

  say(message: unknown) {
    this.stdio[4].write(`${JSON.stringify(message)}\0`);
  }

  page(targetId: string, url: string, method = 'Target.targetCreated') {
    this.say({ method, params: { targetInfo: { targetId, type: 'page', url, title: '', attached: false } } });
  }

  kill(signal: NodeJS.Signals = 'SIGTERM') {
    this.signals.push(signal);
    setImmediate(() => this.exit(null, signal));
    return true;
  }

  exit(code: number | null, signal: NodeJS.Signals | null) {
    this.stdio[4].end();
    this.emit('exit', code, signal);
  }

  private answer(command: FakeChromium['commands'][number]) {
    if (command.method === 'Target.attachToTarget') this.say({ id: command.id, ...this.attachAnswer });
    else this.say({ id: command.id, result: {} });
  }
}

function harness(
  policy: PolicyPlacement = { kind: 'installed', file: '/etc/chromium/policies/managed/x.json' },
  overrides: Partial<ChromiumLaunchDeps> = {},
) {
  const chromiums: FakeChromium[] = [];
  const timers: Array<{ run: () => void; ms: number; cancelled: boolean }> = [];
  const profiles: string[] = [];
  const removed: string[] = [];
  const lost: string[] = [];
  const lines: Array<{ level: number; msg: string } & Record<string, unknown>> = [];
  let clock = 1_000_000;
  const deps: ChromiumLaunchDeps = {
    spawn(command, args) {
      const chromium = new FakeChromium(100 + chromiums.length, command, args);
      chromiums.push(chromium);
      return chromium as unknown as ChildProcess;
    },
    makeProfile: () => {
      profiles.push(`/tmp/profile-${profiles.length + 1}`);
      return profiles.at(-1)!;
    },
    removeProfile: (dir) => removed.push(dir),
    now: () => clock,
    setTimer(run, ms) {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return { cancel: () => (timer.cancelled = true) };
    },
    asRoot: true,
    screen: { width: 1080, height: 1920 },
    cameraArgs: [],
    ...overrides,
  };
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as (typeof lines)[number]);
        done();
      },
    }),
  );
  const kiosk = runChromiumKiosk({
    binary: '/usr/bin/chromium',
    url: URL,
    devMode: false,
    logger,
    policy,
    onPageLost: (reason) => lost.push(reason),
    deps,
  });
  return {
    kiosk,
    chromiums,
    timers,
    profiles,
    removed,
    lost,
    lines,
    advance: (ms: number) => (clock += ms),
    /** Runs the restart the launcher scheduled last, and returns its delay. */
    restart() {
      const timer = timers.at(-1)!;
      timer.run();
      return timer.ms;
    },
    latest: () => chromiums.at(-1)!,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('runChromiumKiosk', () => {
  it('starts Chromium in kiosk mode on the host URL with the DevTools pipe, and asks for its pages', async () => {
    const h = harness();
    await settle();
    const chromium = h.latest();
    expect(chromium.command).toBe('/usr/bin/chromium');
    expect(chromium.args).toEqual(
      expect.arrayContaining([
        '--kiosk',
        `--app=${URL}`,
        '--remote-debugging-pipe',
        '--user-data-dir=/tmp/profile-1',
        // The remote screenshot: the page captures its own tab with no picker.
        '--auto-accept-this-tab-capture',
      ]),
    );
    expect(chromium.args.some((arg) => arg.startsWith('--remote-debugging-port'))).toBe(false);
    expect(chromium.commands[0]).toMatchObject({ method: 'Target.setDiscoverTargets', params: { discover: true } });
    await h.kiosk.stop();
  });

  it('starts Chromium in its own mount namespace when the policy is mounted for this launch', async () => {
    const h = harness({ kind: 'perLaunch', folder: '/tmp/p', mountedOver: '/etc/chromium/policies' });
    await settle();
    expect(h.latest().command).toBe('unshare');
    expect(h.latest().args).toEqual(
      expect.arrayContaining(['/tmp/p', '/etc/chromium/policies', '/usr/bin/chromium', '--kiosk']),
    );
    await h.kiosk.stop();
  });

  it('confirms the policy from Chromium: DevTools refused on the kiosk page', async () => {
    const h = harness();
    h.latest().page('K', `${ORIGIN}/`);
    await settle();
    expect(h.latest().commands.map((c) => c.method)).toContain('Target.attachToTarget');
    expect(h.lines.map((line) => line.msg)).toContain(
      'Chromium policy in force: DevTools refused on the kiosk page, as the policy says',
    );
    await h.kiosk.stop();
  });

  it('says the policy is not in force when DevTools could attach, and lets go of the page', async () => {
    const h = harness();
    h.latest().attachAnswer = { result: { sessionId: 'S1' } };
    h.latest().page('K', `${ORIGIN}/`);
    await settle();
    expect(h.latest().commands.at(-1)).toMatchObject({
      method: 'Target.detachFromTarget',
      params: { sessionId: 'S1' },
    });
    expect(h.lines.find((line) => line.level === 50)?.msg).toBe(
      'Chromium policy NOT in force: DevTools could attach to the kiosk page',
    );
    await h.kiosk.stop();
  });

  it('on a renderer crash ends the session and has the running Chromium show the kiosk again, twice in a row', async () => {
    const h = harness();
    const browser = h.latest();
    browser.page('K', `${ORIGIN}/`);
    await settle();
    browser.say({ method: 'Target.targetCrashed', params: { targetId: 'K', status: 'killed', errorCode: 9 } });
    await settle();
    expect(h.lost).toEqual(['renderer killed, code 9']);
    // Chromium started again on the same profile, without the pipe: it hands the URL to the running one.
    const opener = h.latest();
    expect(opener).not.toBe(browser);
    expect(opener.args).toEqual(expect.arrayContaining(['--kiosk', `--app=${URL}`, '--user-data-dir=/tmp/profile-1']));
    expect(opener.args).not.toContain('--remote-debugging-pipe');
    expect(browser.signals).toEqual([]);
    // The running browser shows the new kiosk window; only then is the dead one closed.
    browser.page('K2', `${ORIGIN}/`);
    await settle();
    expect(browser.commands).toContainEqual(
      expect.objectContaining({ method: 'Target.closeTarget', params: { targetId: 'K' } }),
    );
    expect(h.lines.map((line) => line.msg)).toContain('kiosk shown again in the running Chromium');

    h.advance(3_000);
    browser.say({ method: 'Target.targetCrashed', params: { targetId: 'K2', status: 'crashed', errorCode: 139 } });
    await settle();
    expect(h.chromiums).toHaveLength(3);
    browser.page('K3', `${ORIGIN}/`);
    await settle();
    expect(browser.signals).toEqual([]);

    // A third crash in a row: a new Chromium, after the first backoff step.
    h.advance(3_000);
    browser.say({ method: 'Target.targetCrashed', params: { targetId: 'K3', status: 'oom', errorCode: 0 } });
    await settle();
    expect(browser.signals).toEqual(['SIGKILL']);
    expect(h.lost).toEqual(['renderer killed, code 9', 'renderer crashed, code 139', 'renderer oom, code 0']);
    expect(h.restart()).toBe(1_000);
    expect(h.latest().args).toEqual(
      expect.arrayContaining(['--remote-debugging-pipe', '--user-data-dir=/tmp/profile-2']),
    );
    const lostLines = h.lines.filter((line) => /^kiosk page lost/.test(line.msg));
    expect(lostLines.map((line) => line['inARow'])).toEqual([1, 2, undefined]);
    const restarted = h.lines.filter((line) => line.msg === 'starting Chromium again');
    expect(restarted.map((line) => [line['reason'], line['inARow'], line['delayMs']])).toEqual([
      ['renderer oom, code 0', 3, 1_000],
    ]);
    expect(h.lines.find((line) => line.msg === 'the Chromium that lost its page is gone')?.['signal']).toBe('SIGKILL');
    await h.kiosk.stop();
  });

  it('starts a new Chromium when the running one does not show the kiosk again in time', async () => {
    const h = harness();
    const browser = h.latest();
    browser.page('K', `${ORIGIN}/`);
    await settle();
    browser.say({ method: 'Target.targetCrashed', params: { targetId: 'K', status: 'killed', errorCode: 9 } });
    await settle();
    const opener = h.latest();
    const timeout = h.timers.find((timer) => timer.ms === 3_000)!;
    timeout.run();
    await settle();
    expect(browser.signals).toEqual(['SIGKILL']);
    expect(opener.signals).toEqual(['SIGKILL']);
    expect(h.lines.map((line) => line.msg)).toContain('the running Chromium did not show the kiosk again');
    expect(h.restart()).toBe(0);
    expect(h.latest().args).toContain('--remote-debugging-pipe');
    await h.kiosk.stop();
  });

  it('treats the kiosk page showing another URL as lost', async () => {
    const h = harness();
    h.latest().page('K', `${ORIGIN}/`);
    h.latest().page('K', 'file:///etc/passwd', 'Target.targetInfoChanged');
    await settle();
    expect(h.lost).toEqual(['left the kiosk for file:///etc/passwd']);
    await h.kiosk.stop();
  });

  it('closes a window the kiosk did not open', async () => {
    const h = harness();
    h.latest().page('K', `${ORIGIN}/`);
    h.latest().page('N', 'chrome://newtab/');
    await settle();
    expect(h.latest().commands).toContainEqual(
      expect.objectContaining({ method: 'Target.closeTarget', params: { targetId: 'N' } }),
    );
    expect(h.lost).toEqual([]);
    await h.kiosk.stop();
  });

  it('restarts Chromium for ever when it keeps exiting, backing off to 30 s, and says how it exited', async () => {
    const h = harness();
    const delays: number[] = [];
    for (let exit = 0; exit < 9; exit += 1) {
      h.latest().stderr.write('[1:1:ERROR:dbus/bus.cc] Failed to connect to the bus\nMissing X server or $DISPLAY\n');
      await settle();
      h.latest().exit(1, null);
      await settle();
      h.advance(500);
      delays.push(h.restart());
    }
    expect(delays).toEqual([0, 0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(h.chromiums).toHaveLength(10);
    expect(h.lost.every((reason) => reason === 'Chromium exited')).toBe(true);
    const exited = h.lines.find((line) => line.msg === 'Chromium exited; starting it again');
    expect(exited).toMatchObject({ code: 1, signal: null, said: 'Missing X server or $DISPLAY' });
    await h.kiosk.stop();
  });

  it('starts Chromium again even when its old profile cannot be removed yet', async () => {
    let attempts = 0;
    const h = harness(undefined, {
      removeProfile: () => {
        attempts += 1;
        if (attempts === 1) throw new Error('ENOTEMPTY: directory not empty');
      },
    });
    h.latest().exit(null, 'SIGKILL');
    await settle();
    expect(h.lines.map((line) => line.msg)).toContain('could not remove the Chromium profile yet; trying again later');
    // The restart comes first; the profile is tried again later.
    const retry = h.timers.find((timer) => timer.ms === 10_000)!;
    expect(h.restart()).toBe(0);
    expect(h.chromiums).toHaveLength(2);
    retry.run();
    expect(attempts).toBe(2);
    await h.kiosk.stop();
  });

  it('stops for good: no restart after stop, and the profile is removed', async () => {
    const h = harness();
    await h.kiosk.stop();
    expect(h.chromiums[0]!.signals).toEqual(['SIGTERM']);
    expect(h.removed).toEqual(['/tmp/profile-1']);
    expect(h.timers.filter((timer) => !timer.cancelled && timer.ms !== 3_000)).toEqual([]);
    expect(h.lost).toEqual([]);
  });
});

describe('lastWords', () => {
  it('keeps the last lines Chromium said, without the D-Bus noise', () => {
    expect(
      lastWords('a\nb\n[1:ERROR:dbus/object_proxy.cc:573] Failed to call method: org.freedesktop.DBus\nc\nd\n\n'),
    ).toBe('b | c | d');
  });
});
