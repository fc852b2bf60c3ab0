import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, Menu, powerSaveBlocker, protocol, session, type BrowserWindow, type WebContents } from 'electron';
import type { Result } from '../../core/pure/result';
import { decideDevMode, type BuildKind } from '../../core/app/build-kind';
import type { KioskCore, KioskCoreOptions, StartupError } from '../../core/app/types';
import { createLogger, type Logger, type LoggerOptions } from '../../core/logging/logger';
import { contentSecurityPolicy } from '../../core/security/csp';
import { formatConfigError, loadKioskConfig, resolveConfigPath } from '../../kiosk-config/load';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { createCrashBudget, DEFAULT_CRASH_BUDGET } from './crash-recovery';
import { forwardCoreEvents, registerKioskIpc } from './ipc';
import { installWebContentsLockdown } from './lockdown';
import { APP_INDEX_URL, APP_SCHEME, OUT_OF_SERVICE_URL } from './origin';
import { renderOutOfServicePage, type OutOfServiceReason } from './out-of-service';
import type { ShellPaths } from './paths';
import { watchChildProcesses, watchRenderer } from './renderer-watchdog';
import { KIOSK_PARTITION, lockDownSession } from './session-lockdown';
import { createKioskWindow } from './window';
import { relaunchAfterStop, webContentsScreenCapture } from './fleet-host';

/** sysexits.h: a broken configuration; systemd should not hot-loop on it (RestartPreventExitStatus=78). */
export const EXIT_CONFIG = 78;
/** sysexits.h: cannot create the log folder. */
export const EXIT_CANT_CREATE = 73;
/** sysexits.h: an internal error; the supervisor restarts us (docs/reliability.md §7.2). */
export const EXIT_SOFTWARE = 70;

/** How long quitting waits for the core to close its store before giving up on it. */
export const CORE_CLOSE_TIMEOUT_MS = 5_000;
/** Pause before showing the out-of-service page again after its own renderer died. */
export const OUT_OF_SERVICE_RETRY_MS = 2_000;

export interface ElectronHostDeps {
  readonly startKioskCore: (options: KioskCoreOptions) => Promise<Result<KioskCore, StartupError>>;
  readonly env: NodeJS.ProcessEnv;
  readonly paths: ShellPaths;
  readonly appVersion: string;
  /** Development checkout or production build (core/app/build-kind.ts): the bundle says which. */
  readonly buildKind: BuildKind;
  readonly createLogger?: (options: LoggerOptions) => Promise<Logger>;
  readonly now?: () => number;
  /** Where messages go before the logger exists (stderr, which systemd's journal keeps). */
  readonly reportEarlyError?: (message: string) => void;
  /** Install process-wide uncaughtException/unhandledRejection handlers; off in tests. */
  readonly handleProcessErrors?: boolean;
}

export type HostOutcome =
  | { readonly kind: 'secondInstance' }
  | { readonly kind: 'configError' }
  | { readonly kind: 'loggerError' }
  | { readonly kind: 'quitDuringStartup' }
  | { readonly kind: 'running'; readonly window: BrowserWindow; readonly mode: 'app' | 'outOfService' };

type CoreStart = { readonly core: KioskCore } | { readonly reason: OutOfServiceReason };

/**
 * The Electron host's whole life: config, logger, core, session, IPC, window, recovery, quit.
 * Electron-only glue; each decision it makes lives in a small module with its own tests.
 */
export async function runElectronHost(deps: ElectronHostDeps): Promise<HostOutcome> {
  const now = deps.now ?? Date.now;
  const reportEarlyError = deps.reportEarlyError ?? ((message: string) => console.error(message));

  // Privileged schemes can only be registered before `ready` (checklist item 18).
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  // Two instances would fight over the store and the serial ports.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { kind: 'secondInstance' };
  }

  const { devMode, ignored: devModeIgnored } = decideDevMode(deps.buildKind, deps.env);
  const loaded = loadKioskConfig(resolveConfigPath(deps.env, deps.paths.defaultConfigFile));
  if (!loaded.ok) {
    reportEarlyError(formatConfigError(loaded.error));
    app.exit(EXIT_CONFIG);
    return { kind: 'configError' };
  }
  const { config, dataDir, sourcePath } = loaded.value;

  // Chromium's profile (GPU cache, crash dumps, Local State) next to our data, not ~/.config/Electron.
  app.setPath('userData', join(dataDir, 'electron-profile'));

  const logDir = join(dataDir, 'logs');
  let rootLogger: Logger;
  try {
    rootLogger = await (deps.createLogger ?? createLogger)({ level: config.logging.level, dir: logDir, console: true });
  } catch (error) {
    reportEarlyError(`cannot write logs to ${logDir}: ${error instanceof Error ? error.message : String(error)}`);
    app.exit(EXIT_CANT_CREATE);
    return { kind: 'loggerError' };
  }
  const logger = rootLogger.child({ component: 'electron' });
  logger.info(
    {
      config: sourcePath,
      dataDir,
      buildKind: deps.buildKind,
      devMode,
      version: deps.appVersion,
      electron: process.versions['electron'],
    },
    `Electron host started: config ${sourcePath}, data ${dataDir}${devMode ? ' (dev mode)' : ''}`,
  );
  if (devModeIgnored) logger.warn({}, devModeIgnored);
  if (deps.handleProcessErrors ?? true) installProcessErrorHandlers(logger);

  installWebContentsLockdown(app, { devMode, logger });
  watchChildProcesses(app, logger);

  let window: BrowserWindow | null = null;
  let core: KioskCore | null = null;
  let quitRequested = false;
  let closing: 'no' | 'inProgress' | 'done' = 'no';
  let outOfService: { readonly reason: OutOfServiceReason; readonly since: Date } | null = null;
  const budget = createCrashBudget({ ...DEFAULT_CRASH_BUDGET, now });

  const closeCoreThenQuit = (toClose: KioskCore) => {
    closing = 'inProgress';
    void closeWithTimeout(toClose, logger).finally(() => {
      closing = 'done';
      logger.info('core closed; quitting');
      app.quit();
    });
  };

  app.on('before-quit', (event) => {
    quitRequested = true;
    budget.markQuitting();
    if (!core || closing === 'done') return;
    // Hold the quit until the store is closed cleanly (docs/reliability.md §2.1), then quit again.
    event.preventDefault();
    if (closing === 'no') closeCoreThenQuit(core);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('second-instance', () => {
    if (window && !window.isDestroyed()) window.focus();
  });

  // The window comes after the core: the capture reads it when asked.
  const fleet = {
    screenCapture: webContentsScreenCapture(() => (window && !window.isDestroyed() ? window.webContents : null)),
    restart: relaunchAfterStop({
      app,
      logger,
      stop: async () => {
        if (!core || closing !== 'no') return;
        closing = 'inProgress';
        await closeWithTimeout(core, logger);
        closing = 'done';
      },
    }),
  };
  const [started] = await Promise.all([
    startCore(deps, { loaded: loaded.value, buildKind: deps.buildKind, devMode, logger: rootLogger, logDir, fleet }),
    app.whenReady(),
  ]);
  if ('reason' in started) {
    logger.error({ reason: started.reason }, 'kiosk core did not start');
  } else if (quitRequested) {
    closeCoreThenQuit(started.core);
    return { kind: 'quitDuringStartup' };
  } else {
    core = started.core;
  }

  Menu.setApplicationMenu(null); // no menu, so no DevTools/reload accelerators (§1.4)
  powerSaveBlocker.start('prevent-display-sleep'); // §1.5 screen blanking (OS config does the rest)

  const kioskSession = session.fromPartition(KIOSK_PARTITION);
  lockDownSession(kioskSession, logger);
  lockDownSession(session.defaultSession, logger);
  kioskSession.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir: deps.paths.rendererDir,
      contentSecurityPolicy: contentSecurityPolicy({ connect: [] }),
      outOfServicePage: () =>
        outOfService &&
        renderOutOfServicePage({
          stationName: config.station.name,
          terminalName: config.terminal.name,
          hotline: config.station.hotline,
          reason: outOfService.reason,
          since: outOfService.since,
        }),
    }),
  );

  const liveContents = (): WebContents | null => (window && !window.isDestroyed() ? window.webContents : null);
  if (core) {
    registerKioskIpc({ dispatch: core.dispatch, trustedContents: liveContents, logger: rootLogger });
    forwardCoreEvents(core.events, liveContents, logger);
  }

  const kioskWindow = createKioskWindow({ devMode, preloadPath: deps.paths.preloadFile });
  window = kioskWindow;
  kioskWindow.on('closed', () => {
    window = null;
  });

  const load = (url: string) => {
    if (kioskWindow.isDestroyed()) return;
    kioskWindow.loadURL(url).catch((error: unknown) => {
      logger.warn({ url, err: error }, 'page load did not complete');
    });
  };
  const showOutOfService = (reason: OutOfServiceReason) => {
    if (outOfService) {
      // Already out of service and the static page's renderer died too: show it again, after a
      // pause so a Chromium that keeps failing cannot spin.
      setTimeout(() => load(OUT_OF_SERVICE_URL), OUT_OF_SERVICE_RETRY_MS);
      return;
    }
    outOfService = { reason, since: new Date(now()) };
    logger.error({ reason }, 'kiosk is out of service until it is restarted');
    load(OUT_OF_SERVICE_URL);
  };

  watchRenderer({
    window: kioskWindow,
    budget,
    logger,
    reload: () => load(outOfService ? OUT_OF_SERVICE_URL : APP_INDEX_URL),
    outOfService: () =>
      showOutOfService({
        kind: 'rendererCrashed',
        crashes: DEFAULT_CRASH_BUDGET.maxReloads + 1,
        windowMinutes: DEFAULT_CRASH_BUDGET.windowMs / 60_000,
      }),
  });

  const indexFile = join(deps.paths.rendererDir, 'index.html');
  if ('reason' in started) {
    showOutOfService(started.reason);
  } else if (!existsSync(indexFile)) {
    showOutOfService({ kind: 'uiMissing', detail: `${indexFile} not found; build the renderer (npm run build)` });
  } else {
    load(APP_INDEX_URL);
  }
  return { kind: 'running', window: kioskWindow, mode: outOfService ? 'outOfService' : 'app' };
}

async function startCore(
  deps: ElectronHostDeps,
  options: Omit<KioskCoreOptions, 'host' | 'appVersion'>,
): Promise<CoreStart> {
  try {
    const result = await deps.startKioskCore({ ...options, host: 'electron', appVersion: deps.appVersion });
    if (result.ok) return { core: result.value };
    return { reason: { kind: 'startupFailed', detail: `${result.error.kind}: ${result.error.message}` } };
  } catch (error) {
    // startKioskCore returns its expected failures; a throw is a bug, shown the same way.
    return { reason: { kind: 'startupFailed', detail: error instanceof Error ? error.message : String(error) } };
  }
}

async function closeWithTimeout(core: KioskCore, logger: Logger): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), CORE_CLOSE_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([core.close().then(() => 'closed' as const), timeout]);
    if (outcome === 'timeout') logger.error({ timeoutMs: CORE_CLOSE_TIMEOUT_MS }, 'core did not close in time');
  } catch (error) {
    logger.error({ err: error }, 'core failed to close cleanly');
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Electron's default for an uncaught exception in main is a native error dialog, which on a kiosk
 * is a modal nobody can dismiss. Log it and exit instead; the supervisor restarts us (P4).
 */
function installProcessErrorHandlers(logger: Logger): void {
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception in the main process; exiting for a restart');
    app.exit(EXIT_SOFTWARE);
  });
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection in the main process');
  });
}
