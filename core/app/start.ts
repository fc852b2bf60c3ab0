import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../platform/embedded';
import { contract } from '../api/contract';
import { createDispatcher } from '../api/dispatcher';
import { createEventBus } from '../api/events';
import { err, ok, type Result } from '../pure/result';
import { createCatalogSync, startCatalogSyncLoop } from '../catalog/sync';
import type { HttpOptions } from '../platform-client/http';
import { trackReachability } from '../platform-client/reachability';
import { buildDevices } from '../devices/build-devices';
import { createDeviceManager } from '../devices/manager';
import { createPrintLedgerStore } from '../devices/print-ledger-store';
import { releaseStateDir } from '../fleet/event-sources';
import { markCleanStop, markRunning, readPreviousRun } from '../fleet/run-marker';
import { createDataSealer, holdsSealedData, sealPlainBodies } from '../outbox';
import { startRetentionLoop } from '../retention/retention';
import { loadDataKey } from '../security/data-key';
import { speechEngineFromConfig } from '../speech';
import { ensurePrivateFile, prepareDataFolder } from '../store/data-folder';
import { openStore } from '../store/open';
import { kioskClock } from './kiosk-clock';
import { configSummary } from './config-summary';
import { checkDeploymentRules } from './deployment-rules';
import { readPlatformToken } from './platform-token';
import type { KioskCore, KioskCoreOptions, StartupError } from './types';
import { wireKioskServices } from './wire-services';

/**
 * Starts everything the kiosk needs except its window, in dependency order, and undoes what was
 * started if a later step fails. Returns a StartupError (written for the technician) for the
 * failures a station can have: a config a production build must not run with, a data folder
 * the kiosk may not own, a locked or foreign store, a data key that is lost, misplaced or
 * readable by others, a missing or exposed platform token, a port taken.
 */
export async function startKioskCore(options: KioskCoreOptions): Promise<Result<KioskCore, StartupError>> {
  const { loaded, logger } = options;
  const { config } = loaded;
  const log = logger.child({ component: 'core' });
  if (options.devMode && options.buildKind !== 'development') {
    // The hosts decide dev mode with decideDevMode(); reaching here is a bug in a host.
    throw new Error('development mode asked for in a production build');
  }

  const rules = checkDeploymentRules(config, options.buildKind);
  for (const warning of rules.warnings) {
    log.warn({ buildKind: options.buildKind }, `allowed on a development checkout only: ${warning}`);
  }
  if (rules.problems.length > 0) {
    return err({
      kind: 'deploymentRules',
      message: [
        `${loaded.sourcePath} has settings this ${
          options.buildKind === 'production' ? 'production build' : 'development checkout'
        } refuses:`,
        ...rules.problems.map((problem) => `  - ${problem}`),
      ].join('\n'),
    });
  }

  const clock = kioskClock(options.buildKind, process.env);
  if (!clock.ok) return err({ kind: 'deploymentRules', message: clock.error });
  if (clock.value.note) log.warn({ offsetMs: clock.value.offsetMs }, clock.value.note);
  const now = clock.value.now;

  // Read before anything is opened, so a bad token file leaves nothing to undo.
  const remoteToken = config.platform.mode === 'remote' ? readPlatformToken(loaded.platformTokenPath ?? '') : null;
  if (remoteToken && !remoteToken.ok) return err({ kind: 'platformToken', message: remoteToken.error });

  // Owner-only data folder (0700, files 0600), tightened if an older kiosk left it open.
  let tightened: string[];
  try {
    tightened = prepareDataFolder(loaded.dataDir);
  } catch (error) {
    return err({
      kind: 'storeOpen',
      message: `cannot make the data folder ${loaded.dataDir} private to the kiosk's user: ${(error as Error).message}. Give that user the folder and everything in it (chown -R) and start again.`,
    });
  }
  if (tightened.length > 0) log.warn({ tightened }, 'data folder permissions tightened to owner-only');
  // How the previous run ended (boot or crash restart, for the fleet), then this run is the one running.
  const previousRun = readPreviousRun(loaded.dataDir);

  const store = openStore({ path: join(loaded.dataDir, 'kiosk.sqlite'), logger });
  if (!store.ok) return err(store.error);

  // The data key seals every personal field; a new one only while the store holds nothing sealed.
  const dataKey = loadDataKey(
    {
      keyFile: loaded.dataKeyPath,
      dataDir: loaded.dataDir,
      // systemd's LoadCredential=/LoadCredentialEncrypted= put credentials here for this unit only.
      credentialsDir: process.env['CREDENTIALS_DIRECTORY'] || null,
    },
    { mayCreate: !holdsSealedData(store.value.db) },
  );
  if (!dataKey.ok) {
    store.value.close();
    return err(dataKey.error);
  }
  log.info(
    { path: dataKey.value.path, source: dataKey.value.source, removedOldCopy: dataKey.value.removedOldCopy },
    'data key ready',
  );
  const sealer = createDataSealer(dataKey.value.key);
  const upgraded = sealPlainBodies(store.value.db, sealer);
  if (upgraded.sealed + upgraded.dropped > 0)
    log.info(upgraded, 'outbox bodies stored in clear were sealed or dropped');
  // Delivered records past the retention policy go now and then daily; dead letters stay for staff.
  const retention = startRetentionLoop({
    db: store.value.db,
    sealer,
    policy: config.retention,
    dataDir: loaded.dataDir,
    logDir: options.logDir ?? null,
    now,
    logger,
  });

  let embedded: EmbeddedPlatform | null = null;
  let platform: HttpOptions;
  if (config.platform.mode === 'embedded') {
    const token = config.terminal.embeddedToken ?? randomBytes(24).toString('base64url');
    const platformLog = logger.child({ component: 'embedded-platform' });
    try {
      const dbPath = join(loaded.dataDir, 'platform.sqlite');
      // Owner-only before SQLite creates it (its -wal and -shm take its mode).
      ensurePrivateFile(dbPath);
      embedded = await startEmbeddedPlatform({
        dbPath,
        port: config.platform.port,
        terminals: [{ id: config.terminal.id, token, stationId: config.station.id }],
        // Its own key, kept outside the data folder like the kiosk's (kiosk-config/load.ts).
        ...(loaded.embeddedPlatformKeyPath ? { dataKeyFile: loaded.embeddedPlatformKeyPath } : {}),
        ...(config.platform.retention ? { retention: config.platform.retention } : {}),
        // The platform logs every request at info; inside the kiosk that is detail, not news.
        log: (level, message, fields) => platformLog[level === 'info' ? 'debug' : level](fields ?? {}, message),
        now,
      });
    } catch (error) {
      retention.stop();
      store.value.close();
      return err({
        kind: 'embeddedPlatform',
        message: `the embedded reference platform could not start: ${(error as Error).message}`,
      });
    }
    platform = { baseUrl: embedded.baseUrl, token, timeoutMs: 5_000 };
    log.info({ baseUrl: embedded.baseUrl }, 'embedded reference platform started');
  } else {
    const token = remoteToken?.ok ? remoteToken.value : '';
    platform = { baseUrl: config.platform.baseUrl.replace(/\/+$/, ''), token, timeoutMs: config.platform.timeoutMs };
    log.info({ baseUrl: platform.baseUrl }, 'using remote platform');
  }

  // Every request to the platform, whichever module makes it, tells whether it is reachable.
  const tracked = trackReachability(platform);
  platform = tracked.platform;

  const events = createEventBus(contract, (event, error) =>
    log.warn({ event, err: error }, 'an event listener failed; the others still received the event'),
  );
  const catalogSync = createCatalogSync({
    db: store.value.db,
    platform,
    staleAfterHours: config.catalog.staleAfterHours,
    now,
    logger,
    onStatus: (status) => events.emit('catalog.statusChanged', status),
  });

  const speechEngine = await speechEngineFromConfig(config.speech);
  const info = {
    appVersion: options.appVersion,
    host: options.host,
    devMode: options.devMode,
    terminal: { id: config.terminal.id, name: config.terminal.name },
    station: config.station,
    ui: config.ui,
    documentCamera: {
      mode: config.devices.documentCamera.mode,
      deviceLabel:
        config.devices.documentCamera.mode === 'real' ? (config.devices.documentCamera.deviceLabel ?? null) : null,
    },
    speech: { available: speechEngine !== null, prepareAtStart: config.speech.prepareAtStart },
    clockOffsetMs: clock.value.offsetMs,
  };
  const ledger = createPrintLedgerStore(store.value.db, now);
  const bindings = await buildDevices({ config: config.devices, ledger, dataDir: loaded.dataDir, logger });
  const devices = createDeviceManager({ bindings, ledger, logger, now });
  const services = wireKioskServices({
    db: store.value.db,
    info,
    platform,
    platformReachability: tracked.reachability,
    catalogSync,
    devices,
    sealer,
    events,
    logger,
    now,
    dataDir: loaded.dataDir,
    devMode: options.devMode,
    speechEngine,
    speechCacheDir: join(loaded.dataDir, 'speech-cache'),
    technician: { config: config.technician, logDir: options.logDir ?? null, configSummary: configSummary(loaded) },
    fleet: {
      config: config.fleet,
      rollCapacity: config.devices.printer.receiptsPerPaperRoll,
      previousRun,
      releaseStateDir: releaseStateDir(process.env),
      uptimeSeconds: () => process.uptime(),
    },
    ...(options.fleet ? { fleetHost: options.fleet } : {}),
    videoHelp: {
      videoHelp: config.videoHelp,
      faceCamera: config.devices.faceCamera,
      microphone: config.devices.microphone,
    },
  });
  const dispatch = createDispatcher(
    contract,
    services.handlers,
    { error: (fields, message) => log.error(fields, message) },
    services.guard,
  );

  // Started: from here an end without close() is a crash the next start reports.
  markRunning(loaded.dataDir, now());
  if (previousRun !== 'cleanStop') log.warn({ previousRun }, 'the previous run did not stop cleanly');
  const loop = startCatalogSyncLoop(catalogSync, config.catalog.syncIntervalMinutes * 60_000);

  let closing: Promise<void> | null = null;
  return ok({
    info,
    dispatch,
    events,
    logger,
    renderer: services.renderer,
    close() {
      closing ??= (async () => {
        loop.stop();
        retention.stop();
        await services.stop();
        // A serial port whose other end (socat, a USB adapter) vanished at the same moment can leave
        // a close pending for ever; the store must still be closed cleanly, so devices get 3 s.
        const devicesClosed = await Promise.race([
          devices.close().then(() => true),
          new Promise<false>((resolve) => setTimeout(() => resolve(false), 3_000).unref()),
        ]);
        if (!devicesClosed) log.warn({}, 'devices did not close within 3 s; closing the store anyway');
        services.captures.clear();
        await embedded?.close();
        store.value.close();
        markCleanStop(loaded.dataDir);
        log.info({}, 'core stopped');
      })();
      return closing;
    },
  });
}
