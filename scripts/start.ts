/**
 * `npm start`: the kiosk with the config's devices and platform (by default: emulated devices
 * and the embedded reference platform). It says in its log which host it started:
 *   - Electron, when an Electron binary is present and there is a display;
 *   - otherwise the browser host, shown in Debian Chromium's kiosk mode;
 *   - with no display, the browser host alone, printing the URL to open.
 * `KIOSK_CONFIG=<file>` picks another config; `KIOSK_HOST=electron|browser|headless` forces a host.
 * `KIOSK_DEV=1` turns on development mode, on a development checkout only (core/app/build-kind.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentBuildKind, decideDevMode } from '../core/app/build-kind';
import { linkToServiceManager } from '../core/app/service-manager/service-link';
import { startKioskCore } from '../core/app/start';
import { createLogger } from '../core/logging/logger';
import { startBrowserHost } from '../core/serve/browser-host';
import { formatConfigError, loadKioskConfig, resolveConfigPath } from '../kiosk-config/load';
import { buildRenderer, RENDERER_OUT, rendererIsStale, ROOT } from './build-renderer';
import { noteWatchdogWithheld } from '../core/fleet/run-marker';
import { runChromiumKiosk } from './start/chromium';
import { kioskChromiumPolicy } from './start/chromium-policy';
import { describePlacement, placeChromiumPolicy, removePlacement } from './start/chromium-policy-placement';
import { chooseHost, isExecutable } from './start/hosts';
import { supervisedRestart } from './start/supervised-restart';
import { readyLine } from './start/ready-line';

/** sysexits.h EX_CONFIG: the configuration is wrong; restarting will not help. */
const EXIT_CONFIG = 78;
/** sysexits.h EX_UNAVAILABLE: a resource the kiosk needs is not there. */
const EXIT_UNAVAILABLE = 69;

const configPath = resolveConfigPath(process.env, join(ROOT, 'kiosk-config/default.json'));
const loaded = loadKioskConfig(configPath);
if (!loaded.ok) {
  console.error(formatConfigError(loaded.error));
  process.exit(EXIT_CONFIG);
}

// A production build (no .git, or a bundle built as production) never honours KIOSK_DEV.
const buildKind = currentBuildKind(ROOT, import.meta.filename);
const { devMode, ignored: devModeIgnored } = decideDevMode(buildKind, process.env);
const appVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const logDir = join(loaded.value.dataDir, 'logs');
const logger = await createLogger({
  level: loaded.value.config.logging.level,
  dir: logDir,
  console: true,
});
const log = logger.child({ component: 'start' });
log.info({ buildKind, devMode }, `${buildKind} build${devMode ? ', development mode (KIOSK_DEV=1)' : ''}`);
if (devModeIgnored) log.warn({}, devModeIgnored);

const host = chooseHost({ env: process.env, root: ROOT, isExecutable });
if (host.kind === 'unavailable') {
  log.fatal({}, host.reason);
  process.exit(EXIT_UNAVAILABLE);
}

if (buildKind === 'production') {
  // A release carries its renderer prebuilt (scripts/package/release.ts) and no build tools.
  if (!existsSync(join(RENDERER_OUT, 'index.html'))) {
    log.fatal({ renderer: RENDERER_OUT }, `the prebuilt screens are missing (${RENDERER_OUT}); reinstall the release`);
    process.exit(EXIT_UNAVAILABLE);
  }
} else if (rendererIsStale()) {
  log.info({}, 'building the renderer (first start or sources changed)…');
  await buildRenderer();
}

if (host.kind === 'electron') {
  const { buildElectron } = await import('../electron/build');
  await buildElectron({ root: ROOT, outDir: join(ROOT, 'out/electron'), buildKind });
  log.info({ binary: host.binary, config: loaded.value.sourcePath }, 'host: Electron');
  const child = spawn(host.binary, [join(ROOT, 'out/electron/main.cjs')], { stdio: 'inherit', env: process.env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  // systemd's view of the service (Type=notify): STATUS at each step, READY=1 at the ready line,
  // watchdog keep-alives while the kiosk and its page are alive; nothing outside systemd.
  let lastRendererReportAt: () => number | null = () => null;
  const service = linkToServiceManager({
    env: process.env,
    pid: process.pid,
    log: logger.child({ component: 'service-manager' }),
    appVersion,
    lastRendererReportAt: () => lastRendererReportAt(),
    // Stamped into the run marker, so the next start records `crashRestart` with cause watchdog.
    onWatchdogWithheld: () => noteWatchdogWithheld(loaded.value.dataDir, new Date()),
  });
  // Not awaited: the messages go out in order while start-up goes on.
  void service.status('starting: opening the store and the platform link');
  // A remote restart that comes before the orderly stop below exists waits for it.
  let restartAsked: string | null = null;
  let requestStop = (signal: string) => {
    restartAsked = signal;
  };
  const core = await startKioskCore({
    loaded: loaded.value,
    host: 'browser',
    appVersion,
    buildKind,
    devMode,
    logger,
    logDir,
    // The county console's restart: the orderly stop below, then systemd starts the kiosk again.
    fleet: { restart: supervisedRestart(process.env, () => requestStop('remote restart')) },
  });
  if (!core.ok) {
    log.fatal({ kind: core.error.kind }, core.error.message);
    await service.status(`start-up failed (${core.error.kind}); see the journal`);
    // A setting this build refuses is a config problem: restarting will not help.
    process.exit(core.error.kind === 'deploymentRules' ? EXIT_CONFIG : EXIT_UNAVAILABLE);
  }
  lastRendererReportAt = () => core.value.renderer.lastReportAt();
  void service.status('starting: the browser host');
  const server = await startBrowserHost({
    core: core.value,
    rendererDir: RENDERER_OUT,
    port: loaded.value.config.host.port,
  });
  let chromium: ReturnType<typeof runChromiumKiosk> | null = null;
  let policy: ReturnType<typeof placeChromiumPolicy> | null = null;
  if (host.kind === 'chromium') {
    policy = placeChromiumPolicy(host.binary, kioskChromiumPolicy({ origin: server.origin, devMode }));
    // Whether the lockdown policy is in force, said plainly at every start; once the page is up
    // the launcher confirms it from Chromium itself (DevTools refused).
    if (policy.kind === 'absent') log.warn({ policy: policy.file }, describePlacement(policy));
    else log.info({ policy: policy.kind === 'installed' ? policy.file : policy.folder }, describePlacement(policy));
    let pageLosses = 0;
    chromium = runChromiumKiosk({
      binary: host.binary,
      url: server.url,
      devMode,
      logger,
      documentCamera: loaded.value.config.devices.documentCamera,
      policy,
      onPageLost: (reason) => {
        // The next page starts at the attract screen; whoever was signed in is forgotten now, not
        // when someone touches the new page.
        pageLosses += 1;
        void core.value
          .dispatch('session.end', {}, { host: 'browser', requestId: `chromium-page-lost-${pageLosses}` })
          .then((ended) => {
            if (ended.ok) log.info({ reason }, 'resident session ended: the kiosk page was lost');
            else log.error({ reason, code: ended.error.code }, 'could not end the resident session');
          });
      },
    });
  }
  // The log gets the origin only: the URL on the ready line carries the launch key.
  log.info(
    {
      origin: server.origin,
      config: loaded.value.sourcePath,
      data: loaded.value.dataDir,
      readyMs: Math.round(process.uptime() * 1000),
    },
    host.kind === 'chromium'
      ? `host: browser, shown in Chromium kiosk mode (${host.binary})`
      : `host: browser, headless (${host.reason}); open the URL on the "kiosk ready at" line in a browser`,
  );
  // One plain line for people and scripts: where the kiosk is, with this start's launch key. On
  // the terminal (stdout) only, never in the log files.
  console.log(readyLine(server.url));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await service.stopping();
    await chromium?.stop();
    if (policy) removePlacement(policy);
    await server.close();
    await core.value.close();
    process.exit(0);
  };
  requestStop = (signal) => void stop(signal);
  if (restartAsked) requestStop(restartAsked);
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Store open, platform link set up, browser host listening: ready. The status is seen by anyone
  // running systemctl status, so it gets the origin, never the URL with its key.
  await service.ready(server.url, `serving at ${server.origin}`);
}
