import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from '../../core/logging/logger';
import { ensureFakeDocumentVideo } from '../camera/write-fake-document-video';
import { connectCdpPipe, type CdpPipe } from './cdp-pipe';
import { policyLaunchCommand, type PolicyPlacement } from './chromium-policy-placement';
import { createPageWatch, type PageLoss } from './kiosk-pages';
import { createRestartSchedule, type RestartSchedule } from './restart-schedule';
import { readXScreenSize } from './screen-size';

/**
 * Flags for a public kiosk: fullscreen app window, no first-run or sync prompts, no background
 * calls to Google (this network refuses them, dependencies/probe notes), no translate bar, no
 * pinch zoom, and a fresh profile each start so nothing of a resident survives a restart.
 */
export interface ChromiumOptions {
  readonly devMode: boolean;
  /** Running as root (development machines): Chromium needs --no-sandbox then. */
  readonly asRoot: boolean;
  /** The X screen's size when known, for sessions without a window manager. */
  readonly screen: { width: number; height: number } | null;
  /** Extra flags for the document camera (see documentCameraArgs). */
  readonly cameraArgs?: readonly string[];
  /** Flags of the session Chromium runs in (the station's display: Wayland under cage). */
  readonly sessionArgs?: readonly string[];
}

/**
 * The document camera's flags. Emulated: Chromium's fake capture device plays our generated clip
 * of a page on a desk (scripts/camera) and the permission prompt is answered by the fake UI.
 * Real: nothing. A resident must never meet a permission prompt, but auto-granting every site
 * through the fake UI flag would be too broad on a real station: there the camera is allowed for
 * the kiosk's own origin by policy (VideoCaptureAllowedUrls) or by the Electron host's handlers.
 */
export function documentCameraArgs(camera: { readonly mode: 'emulated' | 'real' }, videoDir: string): string[] {
  if (camera.mode === 'real') return [];
  return [
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${ensureFakeDocumentVideo(videoDir)}`,
    '--use-fake-ui-for-media-stream',
  ];
}

export function chromiumKioskArgs(url: string, profileDir: string, options: ChromiumOptions): string[] {
  const { devMode, asRoot, screen, cameraArgs = [], sessionArgs = [] } = options;
  return [
    // Chromium refuses to run as root with its sandbox on. A station runs the kiosk as an
    // unprivileged user; root happens on development and build machines only.
    ...(asRoot ? ['--no-sandbox'] : []),
    `--user-data-dir=${profileDir}`,
    '--kiosk',
    // Without a window manager (a bare X session, as on many kiosks) --kiosk alone leaves a
    // default-sized window; these make it cover the screen from the top-left corner.
    '--start-fullscreen',
    '--window-position=0,0',
    ...(screen ? [`--window-size=${screen.width},${screen.height}`] : []),
    `--app=${url}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    // Less to start and nothing to run in the background: a renderer crash is recovered by a new
    // Chromium, and it has seconds to show the attract screen again.
    '--disable-default-apps',
    '--disable-component-extensions-with-background-pages',
    '--disable-client-side-phishing-detection',
    '--no-service-autorun',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    '--password-store=basic',
    // Voice mode speaks screens that appear without a touch (the idle question, a card read).
    '--autoplay-policy=no-user-gesture-required',
    // The county console's screenshot: the page captures its own tab (getDisplayMedia with
    // preferCurrentTab) and no resident may meet the picker. It accepts this tab only; the managed
    // policy allows capture for the kiosk origin's own tabs and nothing else (chromium-policy.ts).
    '--auto-accept-this-tab-capture',
    ...(devMode ? [] : ['--disable-dev-tools']),
    ...cameraArgs,
    ...sessionArgs,
  ];
}

export interface ChromiumKiosk {
  /** Stops Chromium for good and waits (a few seconds at most) until it is gone. */
  stop(): Promise<void>;
}

/** How Chromium is started and timed; replaced in tests. */
export interface ChromiumLaunchDeps {
  spawn(command: string, args: readonly string[]): ChildProcess;
  makeProfile(): string;
  removeProfile(dir: string): void;
  now(): number;
  setTimer(run: () => void, ms: number): { cancel(): void };
  readonly asRoot: boolean;
  readonly screen: { width: number; height: number } | null;
  readonly cameraArgs: readonly string[];
}

export interface ChromiumKioskOptions {
  readonly binary: string;
  readonly documentCamera?: { readonly mode: 'emulated' | 'real' };
  /** The browser host's URL, as the ready line prints it. */
  readonly url: string;
  readonly devMode: boolean;
  readonly logger: Logger;
  readonly policy: PolicyPlacement;
  /**
   * The kiosk page is gone (its renderer crashed or was killed, it left the kiosk's origin, it was
   * closed, or Chromium exited). The page shown next starts at the attract screen; the resident
   * session in core must end too, before anyone else can touch the screen.
   */
  readonly onPageLost: (reason: string) => void;
  /** Flags of the session Chromium runs in (chromiumKioskArgs). */
  readonly sessionArgs?: readonly string[];
  readonly schedule?: RestartSchedule;
  readonly deps?: ChromiumLaunchDeps;
}

/** How long a stopping Chromium gets after SIGTERM before SIGKILL. */
const STOP_GRACE_MS = 3_000;
/** How long the running Chromium gets to show the kiosk again after a crash before it is replaced. */
const REOPEN_TIMEOUT_MS = 3_000;

/**
 * Runs Chromium in kiosk mode on the host's URL for as long as the kiosk runs. It watches the
 * kiosk page over the DevTools pipe (kiosk-pages.ts) and closes at once any window the kiosk did
 * not open. A lost page ends the resident session and brings the attract screen back:
 * - a crashed or killed renderer: the running Chromium opens the kiosk again in a new kiosk
 *   window, and the dead one is closed. Chromium is asked the way a desktop asks it to open a
 *   URL, by starting it again on the same profile: the new process hands its command line to the
 *   running browser (Chromium's process singleton) and exits. DevTools could only open a normal
 *   browser window, with a tab strip and an address bar. This is the quick way back (no new
 *   browser to start), used for the first crashes in a row;
 * - anything else (the page left the kiosk or was closed, crashes keep coming, the running
 *   Chromium did not open the page in time): a new Chromium with a fresh profile.
 * Chromium is restarted whenever it exits, for ever, with backoff (restart-schedule.ts); each
 * restart is logged with the exit code or signal and the end of what Chromium said.
 */
export function runChromiumKiosk(options: ChromiumKioskOptions): ChromiumKiosk {
  const { binary, url, devMode, logger, policy, onPageLost } = options;
  const log = logger.child({ component: 'chromium' });
  const deps = options.deps ?? nodeLaunchDeps(options, log);
  const schedule = options.schedule ?? createRestartSchedule();
  const origin = new URL(url).origin;
  let stopped = false;
  let current: { child: ChildProcess; exited: Promise<void> } | null = null;
  let pendingStart: { cancel(): void } | null = null;
  let launches = 0;

  const launch = () => {
    pendingStart = null;
    if (stopped) return;
    launches += 1;
    const run = launches;
    const startedAt = deps.now();
    /** Since when the kiosk page now shown has been up (a reopen starts it anew). */
    let pageSince = startedAt;
    const profileDir = deps.makeProfile();
    const kioskArgs = chromiumKioskArgs(url, profileDir, {
      devMode,
      asRoot: deps.asRoot,
      screen: deps.screen,
      cameraArgs: deps.cameraArgs,
      sessionArgs: options.sessionArgs ?? [],
    });
    // The launcher's eyes on the pages (cdp-pipe.ts): no TCP port, only our end of the pipe.
    const { command, args } = policyLaunchCommand(policy, binary, [...kioskArgs, '--remote-debugging-pipe']);
    const child = deps.spawn(command, args);
    let lost: string | null = null;
    let reopening: { lostPage: string; opener: ChildProcess; timer: { cancel(): void } } | null = null;
    let stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      // Keep the end of what Chromium says, so a failed start is explained in our log.
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-2000);
    });

    let restartScheduled = false;
    const restartAfter = (
      decision: { delayMs: number; inARow: number },
      fields: Record<string, unknown>,
      message: string,
    ) => {
      if (restartScheduled || stopped) return;
      restartScheduled = true;
      log.warn({ launch: run, ...fields, ranMs: deps.now() - startedAt, ...decision }, message);
      pendingStart = deps.setTimer(launch, decision.delayMs);
    };
    /** A new Chromium, now (while the kernel is still tearing this one down) or after the backoff. */
    const replaceChromium = (reason: string, decision: { delayMs: number; inARow: number }) => {
      lost = reason;
      reopening?.timer.cancel();
      reopening?.opener.kill('SIGKILL');
      reopening = null;
      child.kill('SIGKILL');
      restartAfter(decision, { reason }, 'starting Chromium again');
    };

    const cdp = connectCdpPipe(child.stdio[3] as Writable, child.stdio[4] as Readable);
    const watch = createPageWatch(
      { origin, devMode },
      {
        kioskPageFound(targetId) {
          if (reopening) {
            // The new kiosk window is there: only now may the dead one go (closing the last
            // window first would end Chromium).
            reopening.timer.cancel();
            void cdp.send('Target.closeTarget', { targetId: reopening.lostPage });
            log.info({ launch: run }, 'kiosk shown again in the running Chromium');
            reopening = null;
            pageSince = deps.now();
          }
          void confirmPolicy(cdp, targetId, devMode, log, run);
        },
        pageLost(loss) {
          const reason = describeLoss(loss);
          onPageLost(reason);
          const decision = schedule.next(pageSince, deps.now());
          const lostPage = watch.kioskTargetId;
          if (loss.kind === 'crashed' && decision.delayMs === 0 && lostPage !== null && !reopening) {
            log.error(
              { launch: run, ...loss, inARow: decision.inARow },
              `kiosk page lost (${reason}); ending the resident session and showing the kiosk again`,
            );
            watch.reopen();
            // Same profile, same flags, through the same policy placement; no pipe: this process
            // only hands its command line to the running browser and exits.
            const handoff = policyLaunchCommand(policy, binary, kioskArgs);
            const opener = deps.spawn(handoff.command, handoff.args);
            opener.once('error', (error) =>
              log.warn({ launch: run, err: error }, 'could not ask Chromium to show the kiosk again'),
            );
            const timer = deps.setTimer(() => {
              log.error(
                { launch: run, timeoutMs: REOPEN_TIMEOUT_MS },
                'the running Chromium did not show the kiosk again',
              );
              replaceChromium(reason, { delayMs: 0, inARow: decision.inARow });
            }, REOPEN_TIMEOUT_MS);
            reopening = { lostPage, opener, timer };
            return;
          }
          log.error(
            { launch: run, ...loss },
            `kiosk page lost (${reason}); ending the resident session and starting Chromium again`,
          );
          replaceChromium(reason, decision);
        },
        closeStray(targetId, strayUrl) {
          log.warn({ launch: run, url: strayUrl }, 'closed a window the kiosk did not open');
          void cdp.send('Target.closeTarget', { targetId });
        },
      },
    );
    cdp.onEvent((event) => watch.handle(event));
    void cdp.send('Target.setDiscoverTargets', { discover: true }).then((answer) => {
      if (!answer.ok && !stopped)
        log.warn({ launch: run, said: answer.error.message }, 'Chromium did not report its pages');
    });

    let markExited: () => void = () => undefined;
    const exited = new Promise<void>((resolve) => (markExited = resolve));
    current = { child, exited };
    log.info({ launch: run, chromiumPid: child.pid }, 'Chromium started');

    let ended = false;
    const end = (code: number | null, signal: NodeJS.Signals | null) => {
      if (ended) return;
      ended = true;
      cdp.close();
      reopening?.timer.cancel();
      if (current?.child === child) current = null;
      markExited();
      // Chromium's helper processes may still be writing into the profile for a moment after the
      // browser process is gone; a folder left behind must not stop the next start.
      try {
        deps.removeProfile(profileDir);
      } catch (error) {
        log.warn(
          { launch: run, err: error, profileDir },
          'could not remove the Chromium profile yet; trying again later',
        );
        deps.setTimer(() => {
          try {
            deps.removeProfile(profileDir);
          } catch {
            // Left in the temporary folder; it holds nothing of a resident (the page stores nothing).
          }
        }, 10_000);
      }
      if (stopped) return;
      const said = lastWords(stderrTail);
      if (restartScheduled) {
        log.info({ launch: run, code, signal, said }, 'the Chromium that lost its page is gone');
        return;
      }
      if (lost === null) onPageLost('Chromium exited');
      restartAfter(schedule.next(startedAt, deps.now()), { code, signal, said }, 'Chromium exited; starting it again');
    };
    child.once('exit', end);
    child.once('error', (error) => {
      log.error({ launch: run, err: error }, 'Chromium could not be started');
      // A spawn that failed has no process to exit; one that ran will still report its exit.
      if (child.pid === undefined) end(null, null);
    });
  };
  launch();

  return {
    async stop() {
      stopped = true;
      pendingStart?.cancel();
      const running = current;
      if (!running) return;
      running.child.kill('SIGTERM');
      const timer = deps.setTimer(() => running.child.kill('SIGKILL'), STOP_GRACE_MS);
      await running.exited;
      timer.cancel();
    },
  };
}

/**
 * The policy says no DevTools; the launcher asks to attach to the kiosk page anyway, and the
 * refusal shows that this Chromium read the policy. A development build allows DevTools, so there
 * is nothing to confirm that way.
 */
async function confirmPolicy(cdp: CdpPipe, targetId: string, devMode: boolean, log: Logger, launch: number) {
  if (devMode) return;
  const attached = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  if (attached.ok) {
    const sessionId = (attached.value as { sessionId?: unknown } | null)?.sessionId;
    if (typeof sessionId === 'string') void cdp.send('Target.detachFromTarget', { sessionId });
    log.error({ launch }, 'Chromium policy NOT in force: DevTools could attach to the kiosk page');
  } else if (attached.error.message === 'Not allowed') {
    log.info({ launch }, 'Chromium policy in force: DevTools refused on the kiosk page, as the policy says');
  } else {
    log.warn({ launch, said: attached.error.message }, 'could not confirm the Chromium policy');
  }
}

/**
 * The last lines Chromium wrote, without the D-Bus complaints a kiosk session without a desktop
 * bus always causes: they would hide the line that explains an exit.
 */
export function lastWords(stderr: string): string {
  return stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/dbus|D-Bus|Fontconfig/i.test(line))
    .slice(-3)
    .join(' | ');
}

function describeLoss(loss: PageLoss): string {
  switch (loss.kind) {
    case 'crashed':
      return `renderer ${loss.status}, code ${loss.errorCode}`;
    case 'left':
      return `left the kiosk for ${loss.url}`;
    case 'closed':
      return 'page closed';
  }
}

function nodeLaunchDeps(options: ChromiumKioskOptions, log: Logger): ChromiumLaunchDeps {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    log.warn(
      {},
      'running as root: Chromium starts without its sandbox; run the kiosk as an unprivileged user on a station',
    );
  }
  return {
    spawn: (command, args) =>
      // fd 3 and 4: the DevTools pipe (Chromium reads 3, writes 4).
      spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] }),
    makeProfile: () => mkdtempSync(join(tmpdir(), 'bianmin-kiosk-chromium-')),
    // Chromium's helpers may still write into the profile for a moment after the browser went:
    // rmSync retries ENOTEMPTY a few times before giving up.
    removeProfile: (dir) => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }),
    now: () => Date.now(),
    setTimer(run, ms) {
      const timer = setTimeout(run, ms);
      return { cancel: () => clearTimeout(timer) };
    },
    asRoot,
    screen: readXScreenSize(process.env['DISPLAY']),
    cameraArgs: options.documentCamera
      ? documentCameraArgs(options.documentCamera, join(tmpdir(), 'bianmin-kiosk-fake-camera'))
      : [],
  };
}
