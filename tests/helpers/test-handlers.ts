import type Database from 'better-sqlite3';
import type { KioskContract, KioskInfo } from '../../core/api/contract';
import type { EventBus } from '../../core/api/events';
import type { Handlers } from '../../core/api/types';
import { buildDeviceHandlers } from '../../core/app/device-handlers';
import { createAccessGuard } from '../../core/app/access-guard';
import { countMatterUse } from '../../core/catalog/count-matter-use';
import { buildHandlers } from '../../core/app/handlers';
import { createResidentServices } from '../../core/app/resident-services';
import type { CatalogSync } from '../../core/catalog/sync';
import { createDeviceManager } from '../../core/devices/manager';
import { createPrintLedgerStore } from '../../core/devices/print-ledger-store';
import { fakeBindings } from '../../core/devices/testing/fake-bindings';
import type { Logger } from '../../core/logging/logger';
import { startOutboxDelivery } from '../../core/outbox';
import { testSealer } from '../../core/outbox/testing';
import type { HttpOptions } from '../../core/platform-client/http';
import { trackReachability } from '../../core/platform-client/reachability';
import { createCaptureStaging } from '../../core/session/capture-staging';
import { sessionControl } from '../../core/session/resident-session';
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
  /** The kiosk's data folder; a temp folder the caller removes. */
  dataDir: string;
  /** Where core events go (the test core's bus); none: dropped. */
  events?: EventBus<KioskContract>;
  /** Technician mode's config; without it technician.enter answers notConfigured. */
  technician?: TechnicianConfig;
  /** The clock of technician sessions and the access guard, for tests that move time. */
  clock?: () => Date;
  /** The kiosk's own clock (journeys, outbox, print ledger); the machine's by default. */
  now?: () => Date;
}) {
  const now = options.now ?? (() => new Date());
  const fakes = fakeBindings();
  const devices = createDeviceManager({
    bindings: fakes.bindings,
    ledger: createPrintLedgerStore(options.db, now),
    logger: options.logger,
  });
  const captures = createCaptureStaging();
  // As in start.ts: every platform request tells whether the platform is reachable.
  const tracked = trackReachability(options.platform);
  // A fixed test key: the test core's records are sealed as a station's are.
  const sealer = testSealer();
  const outbox = startOutboxDelivery({
    db: options.db,
    platform: tracked.platform,
    logger: options.logger,
    now,
    sealer,
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
      sealer,
      catalogSync: options.catalogSync,
      logger: options.logger,
      now,
      dataDir: options.dataDir,
    },
    // Tests drive ranges and caches themselves; a closed platform answers at once anyway.
    {
      loops: false,
      deliveryWaitMs: 2_000,
      cardWaitMs: 200,
      onScanned: (code) => options.events?.emit('scanner.scanned', code),
      technicianActive: () => technicianActive(),
    },
  );
  let technicianActive = () => false;
  // Speech off: tests of voice mode give the renderer a fake, and core/speech tests its own service.
  const speech = createSpeechService({ engine: null, cacheDir: options.dataDir, logger: options.logger });
  const endResidentSession = () => {
    captures.clear();
    resident.endSession();
    speech.forgetSession();
  };
  sessionControl(resident.deps.session).onAnotherPersonsCard(() => {
    endResidentSession();
    options.events?.emit('session.visitEnded', { reason: 'anotherPersonsCard' });
  });
  const clock = options.clock ?? now;
  const technician = createTechnicianService({
    db: options.db,
    config: options.technician,
    devices,
    outbox,
    sealer,
    info: options.info,
    catalogVersion: () => options.catalogSync.status().version,
    logDir: null,
    configSummary: [],
    now: clock,
    endResidentSession,
    logger: options.logger,
    scans: resident.scans,
  });
  technicianActive = () => technician.mode.current(clock()).state === 'active';
  const handlers: Handlers<KioskContract> = {
    ...countMatterUse(
      buildHandlers({ info: options.info, db: options.db, catalogSync: options.catalogSync }),
      resident.matterUsage,
    ),
    ...buildDeviceHandlers({ devices, captures, endResidentSession, devMode: true }),
    ...technician.handlers,
    ...resident.handlers,
    ...speech.handlers,
  };
  // The same access rules as start.ts; the test core runs as a development build.
  const guard = createAccessGuard({
    session: resident.deps.session,
    technician: technician.mode,
    devMode: true,
    now: clock,
  });
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
