import type Database from 'better-sqlite3';
import type { KioskContract, KioskInfo } from '../../core/api/contract';
import type { Handlers } from '../../core/api/types';
import { buildDeviceHandlers } from '../../core/app/device-handlers';
import { createAccessGuard } from '../../core/app/access-guard';
import { buildHandlers } from '../../core/app/handlers';
import { createResidentServices } from '../../core/app/resident-services';
import type { CatalogSync } from '../../core/catalog/sync';
import { createDeviceManager } from '../../core/devices/manager';
import { createPrintLedgerStore } from '../../core/devices/print-ledger-store';
import { fakeBindings } from '../../core/devices/testing/fake-bindings';
import type { Logger } from '../../core/logging/logger';
import { dataSealerFor, startOutboxDelivery } from '../../core/outbox';
import type { HttpOptions } from '../../core/platform-client/http';
import { trackReachability } from '../../core/platform-client/reachability';
import { createCaptureStaging } from '../../core/session/capture-staging';
import { createSpeechService } from '../../core/speech';
import { createTechnicianService } from '../../core/technician';
import type { TechnicianConfig } from '../../kiosk-config/schema';

/**
 * Every handler of the kiosk API over an in-memory store, with fake devices (always online) and
 * an outbox that talks to `platform`: what the hosts run, minus hardware and timers that matter.
 */
export function createTestHandlers(options: {
  db: Database.Database;
  info: KioskInfo;
  catalogSync: CatalogSync;
  platform: HttpOptions;
  logger: Logger;
  /** Where application keys are kept; a temp folder the caller removes. */
  dataDir: string;
  /** Technician mode with this PIN hash; without it `technician.enter` answers notConfigured. */
  technician?: TechnicianConfig;
}) {
  const now = () => new Date();
  const fakes = fakeBindings();
  const devices = createDeviceManager({
    bindings: fakes.bindings,
    ledger: createPrintLedgerStore(options.db, now),
    logger: options.logger,
  });
  const captures = createCaptureStaging();
  // As in start.ts: every platform request tells whether the platform is reachable.
  const tracked = trackReachability(options.platform);
  const outbox = startOutboxDelivery({
    db: options.db,
    platform: tracked.platform,
    logger: options.logger,
    now,
    sealer: dataSealerFor(options.dataDir),
  });
  const resident = createResidentServices(
    {
      db: options.db,
      info: options.info,
      platform: tracked.platform,
      platformReachability: tracked.reachability,
      devices,
      captures,
      outbox,
      catalogSync: options.catalogSync,
      logger: options.logger,
      now,
      dataDir: options.dataDir,
    },
    // Tests drive ranges and caches themselves; a closed platform answers at once anyway.
    { loops: false, deliveryWaitMs: 2_000, cardWaitMs: 200 },
  );
  // Speech off: tests of voice mode give the renderer a fake, and core/speech tests its own service.
  const speech = createSpeechService({ engine: null, cacheDir: options.dataDir, logger: options.logger });
  const endResidentSession = () => {
    captures.clear();
    resident.endSession();
    speech.forgetSession();
  };
  const technician = createTechnicianService({
    db: options.db,
    config: options.technician,
    devices,
    outbox,
    info: options.info,
    catalogVersion: () => options.catalogSync.status().version,
    logDir: null,
    configSummary: [],
    now,
    endResidentSession,
    logger: options.logger,
  });
  const handlers: Handlers<KioskContract> = {
    ...buildHandlers({ info: options.info, db: options.db, catalogSync: options.catalogSync }),
    ...buildDeviceHandlers({ devices, captures, endResidentSession, devMode: true }),
    ...technician.handlers,
    ...resident.handlers,
    ...speech.handlers,
  };
  // The same access rules as start.ts; the test core runs as a development build.
  const guard = createAccessGuard({ session: resident.deps.session, technician: technician.mode, devMode: true, now });
  return {
    handlers,
    guard,
    fakes,
    devices,
    resident,
    outbox,
    technician,
    async close() {
      await speech.stop();
      await resident.stop();
      await outbox.stop();
      await devices.close();
    },
  };
}
