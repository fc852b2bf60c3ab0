import type Database from 'better-sqlite3';
import { contract, type KioskContract, type KioskInfo } from '../../core/api/contract';
import { createEventBus, type EventBus } from '../../core/api/events';
import { wireKioskServices } from '../../core/app/wire-services';
import type { CatalogSync } from '../../core/catalog/sync';
import { createDeviceManager } from '../../core/devices/manager';
import { createPrintLedgerStore } from '../../core/devices/print-ledger-store';
import { fakeBindings } from '../../core/testing/fake-bindings';
import type { Logger } from '../../core/logging/logger';
import { testSealer } from '../../core/testing/outbox';
import type { HttpOptions } from '../../core/platform-client/http';
import { trackReachability } from '../../core/platform-client/reachability';
import type { TechnicianConfig } from '../../kiosk-config/schema';

/**
 * Every handler of the kiosk API over an in-memory store, with fake devices (always online) and
 * an outbox that talks to `platform`: what the hosts run (core/app/wire-services.ts), minus hardware and timers that matter.
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
  // As in start.ts: every platform request tells whether the platform is reachable.
  const tracked = trackReachability(options.platform);
  const services = wireKioskServices({
    db: options.db,
    info: options.info,
    platform: tracked.platform,
    platformReachability: tracked.reachability,
    catalogSync: options.catalogSync,
    devices,
    // A fixed test key: the test core's records are sealed as a station's are.
    sealer: testSealer(),
    events: options.events ?? createEventBus(contract, () => undefined),
    logger: options.logger,
    now,
    dataDir: options.dataDir,
    // The test core runs as a development build.
    devMode: true,
    // Speech off: tests of voice mode give the renderer a fake, and core/speech tests its own service.
    speechEngine: null,
    speechCacheDir: options.dataDir,
    technician: { config: options.technician, logDir: null, configSummary: [] },
    ...(options.clock ? { clock: options.clock } : {}),
    // Tests drive ranges and caches themselves; a closed platform answers at once anyway.
    resident: { loops: false, deliveryWaitMs: 2_000, cardWaitMs: 200 },
  });
  return {
    handlers: services.handlers,
    guard: services.guard,
    fakes,
    devices,
    resident: services.resident,
    outbox: services.outbox,
    technician: services.technician,
    async close() {
      await services.stop();
      await devices.close();
    },
  };
}
