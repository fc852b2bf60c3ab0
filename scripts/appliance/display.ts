/**
 * `bianmin-kiosk display` (bundled to app/display.mjs): the station's screen, run by
 * bianmin-kiosk-display.service on tty1 (packaging/systemd).
 * - Started by the unit: reads the config, tells the kernel console never to blank, and runs cage
 *   rotated as `ui.orientation` says, with this launcher inside it (display-session.ts).
 * - Inside cage (--in-cage): waits for the URL the kiosk service serves
 *   ($BIANMIN_KIOSK_URL_FILE, /run/bianmin-kiosk/kiosk-url) and shows it in Debian Chromium's
 *   kiosk mode on Wayland with the managed policy the package installed, following the service
 *   when it starts again with a new URL (display-runner.ts, scripts/start/chromium.ts).
 * Logs go to stdout/stderr, which the unit sends to the journal.
 */
import { spawn } from 'node:child_process';
import { isatty } from 'node:tty';
import { realpathSync, writeSync } from 'node:fs';
import { createLogger, type Logger } from '../../core/logging/logger';
import { resolveConfigPath } from '../../kiosk-config/load';
import { runChromiumKiosk } from '../start/chromium';
import { kioskChromiumPolicy } from '../start/chromium-policy';
import { describePlacement, placeChromiumPolicy, removePlacement } from '../start/chromium-policy-placement';
import { findChromium, isExecutable } from '../start/hosts';
import { CAGE, cageArgs, CONSOLE_NEVER_BLANK, IN_CAGE_ARG, readDisplaySettings } from './display-session';
import { EXIT_UNAVAILABLE, runDisplay, type ShownBrowser } from './display-runner';
import { endResidentSession } from './end-session';
import { DEFAULT_KIOSK_URL_FILE, DEFAULT_WATCH } from './kiosk-url-watch';

const STATION_CONFIG = '/etc/bianmin-kiosk/kiosk.json';

const logger = await createLogger({ level: 'info', console: true });
const log = logger.child({ component: 'display' });
const settings = readDisplaySettings(resolveConfigPath(process.env, STATION_CONFIG));
if (settings.problem) {
  log.warn({ problem: settings.problem }, 'the config cannot be read; the screen starts unrotated');
}

if (process.argv.includes(IN_CAGE_ARG)) showKiosk(logger);
else runCage();

/** Outside cage: the unit's main process, holding the virtual terminal, with cage as its child. */
function runCage() {
  // The unit's stdin is the virtual terminal (StandardInput=tty-fail), opened for writing too.
  if (isatty(0)) {
    try {
      writeSync(0, CONSOLE_NEVER_BLANK);
    } catch (error) {
      log.warn({ err: error }, 'could not turn console blanking off');
    }
  }
  // The same release inside cage as outside, even if `current` moves meanwhile.
  const self = realpathSync(process.argv[1] ?? '');
  // With the same node flags (a loader in development, none in the bundle).
  const args = cageArgs(settings.orientation, [process.execPath, ...process.execArgv, self, IN_CAGE_ARG]);
  log.info({ orientation: settings.orientation, cage: args.slice(0, args.indexOf('--')) }, 'starting cage');
  const cage = spawn(CAGE, args, { stdio: 'inherit' });
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => cage.kill(signal));
  cage.once('error', (error) => {
    log.fatal({ err: error }, `cage could not be started (${CAGE}; is the Debian package cage installed?)`);
    process.exit(EXIT_UNAVAILABLE);
  });
  cage.once('exit', (code, signal) => {
    log.warn({ code, signal }, 'cage exited');
    process.exit(code ?? 1);
  });
}

/** Inside cage: Chromium at the kiosk's URL, for as long as the service serves it. */
function showKiosk(logger: Logger) {
  const binary = findChromium({ env: process.env, root: '', isExecutable });
  if (!binary) {
    log.fatal({}, 'no Chromium found (install the Debian package chromium, or set KIOSK_CHROMIUM)');
    process.exit(EXIT_UNAVAILABLE);
  }
  const startBrowser = (url: string): ShownBrowser => {
    const origin = new URL(url).origin;
    const policy = placeChromiumPolicy(binary, kioskChromiumPolicy({ origin, devMode: false }));
    if (policy.kind === 'absent') log.warn({ policy: policy.file }, describePlacement(policy));
    else log.info({}, describePlacement(policy));
    const chromium = runChromiumKiosk({
      binary,
      url,
      devMode: false,
      logger,
      policy,
      documentCamera: settings.documentCamera,
      // cage is a Wayland compositor; there is no X server to fall back to.
      sessionArgs: ['--ozone-platform=wayland'],
      onPageLost: (reason) => {
        // Whoever was signed in is forgotten now, not when someone touches the new page.
        void endResidentSession(url).then((ended) => {
          if (ended.ok) log.info({ reason }, 'resident session ended: the kiosk page was lost');
          else log.error({ reason, why: ended.reason }, 'could not end the resident session');
        });
      },
    });
    return {
      async stop() {
        await chromium.stop();
        removePlacement(policy);
      },
    };
  };
  const display = runDisplay({
    watch: { file: process.env['BIANMIN_KIOSK_URL_FILE'] || DEFAULT_KIOSK_URL_FILE, ...DEFAULT_WATCH },
    startBrowser,
    logger,
    exit: (code) => process.exit(code),
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => void display.stop().then(() => process.exit(0)));
  }
}
