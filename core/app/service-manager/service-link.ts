import type { ServiceLog } from './service-log';
import { removeKioskUrlFile, runtimeDirectory, writeKioskUrlFile } from './kiosk-url-file';
import { livenessPolicyFromEnv } from './liveness-settings';
import { monitorLoopDelay } from './loop-delay';
import { createServiceNotifier, type RunNotify } from './notifier';
import { markReleaseGood, RELEASE_STATE_DIR_ENV } from './release-marker';
import { watchdogInterval } from './watchdog-interval';
import { startWatchdogLoop } from './watchdog-loop';

/**
 * The kiosk service's side of systemd (docs/reliability.md §7.2): STATUS lines while it starts;
 * at ready, the URL for the display unit, READY=1, the release marked good for the boot guard and
 * the watchdog fed while the kiosk is alive; STOPPING=1 when it stops. Outside systemd (no
 * NOTIFY_SOCKET, no RUNTIME_DIRECTORY, no release state folder) each part does nothing.
 */
/** How long stopping waits for STOPPING=1 to go out. */
const STOPPING_WAIT_MS = 2_000;

export interface ServiceManagerLink {
  status(text: string): Promise<void>;
  /** The store is open, the platform link set up and the browser host listening at `url`. */
  ready(url: string, statusText: string): Promise<void>;
  stopping(): Promise<void>;
}

export interface ServiceLinkOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly pid: number;
  readonly log: ServiceLog;
  readonly appVersion: string;
  /** When the page last reported alive (core's host.alive), monotonic ms. */
  readonly lastRendererReportAt: () => number | null;
  readonly now?: () => number;
  readonly run?: RunNotify;
  /** The watchdog loop began withholding keep-alives: systemd will probably kill this run. */
  readonly onWatchdogWithheld?: () => void;
}

export function linkToServiceManager(options: ServiceLinkOptions): ServiceManagerLink {
  const { env, log } = options;
  const now = options.now ?? (() => performance.now());
  const notifier = createServiceNotifier({
    env,
    pid: options.pid,
    log,
    ...(options.run ? { run: options.run } : {}),
  });
  const urlDir = runtimeDirectory(env);
  let stopWatchdog: (() => void) | null = null;
  let stopped = false;

  const startWatchdog = (readyAt: number) => {
    const interval = watchdogInterval(env, options.pid);
    if (interval.kind === 'off') {
      if (notifier.enabled) log.info({}, `no watchdog keep-alives: ${interval.reason}`);
      return;
    }
    const { policy, problems } = livenessPolicyFromEnv(env);
    for (const problem of problems) log.warn({}, problem);
    log.info(
      { timeoutMs: interval.timeoutMs, pingEveryMs: interval.pingEveryMs, ...policy },
      'feeding the systemd watchdog while the event loop and the kiosk page are alive',
    );
    const loopDelay = monitorLoopDelay();
    const loop = startWatchdogLoop({
      ping: () => notifier.watchdog(),
      pingEveryMs: interval.pingEveryMs,
      policy,
      readyAt,
      lastRendererReportAt: options.lastRendererReportAt,
      takeLongestLoopBlockMs: () => loopDelay.takeLongestMs(),
      now,
      log,
      ...(options.onWatchdogWithheld ? { onWithheld: options.onWatchdogWithheld } : {}),
    });
    stopWatchdog = () => {
      loop.stop();
      loopDelay.stop();
    };
  };

  return {
    async status(text) {
      await notifier.status(text);
    },
    async ready(url, statusText) {
      // The URL first: the display unit starts when systemd has READY, and reads it at once.
      if (urlDir) {
        try {
          log.info({ file: writeKioskUrlFile(urlDir, url) }, 'ready URL written for the display unit');
        } catch (error) {
          log.error({ dir: urlDir, err: error }, 'cannot write the ready URL for the display unit');
        }
      }
      const readyAt = now();
      const delivered = await notifier.ready(statusText);
      // Stopped while READY was on its way (SIGTERM right at start): nothing more to start.
      if (stopped) return;
      // Only a READY that systemd got counts as a good start of this release.
      const releaseDir = env[RELEASE_STATE_DIR_ENV];
      if (releaseDir && (delivered || !notifier.enabled)) {
        const marked = markReleaseGood(releaseDir, options.appVersion, new Date());
        if (!marked.ok) log.error({ dir: releaseDir }, `release not marked good: ${marked.error}`);
        else if (marked.value.marked === 'now') log.info({ file: marked.value.path }, 'release marked good');
      }
      startWatchdog(readyAt);
    },
    async stopping() {
      stopped = true;
      stopWatchdog?.();
      stopWatchdog = null;
      if (urlDir) removeKioskUrlFile(urlDir);
      // systemd is told before the slow part of stopping; a stuck helper does not hold the stop up.
      await Promise.race([
        notifier.stopping('stopping'),
        new Promise((resolve) => setTimeout(resolve, STOPPING_WAIT_MS).unref()),
      ]);
    },
  };
}
