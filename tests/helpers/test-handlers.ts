import type Database from 'better-sqlite3';
import type { KioskContract, KioskInfo } from '../../core/api/contract';
import type { Handlers } from '../../core/api/types';
import { buildDeviceHandlers } from '../../core/app/device-handlers';
import { buildHandlers } from '../../core/app/handlers';
import type { CatalogSync } from '../../core/catalog/sync';
import { createDeviceManager } from '../../core/devices/manager';
import { createPrintLedgerStore } from '../../core/devices/print-ledger-store';
import { fakeBindings } from '../../core/devices/testing/fake-bindings';
import type { Logger } from '../../core/logging/logger';
import { startOutboxDelivery } from '../../core/outbox';
import type { HttpOptions } from '../../core/platform-client/http';
import { createCaptureStaging } from '../../core/session/capture-staging';
import { createTechnicianService } from '../../core/technician';

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
}) {
  const now = () => new Date();
  const fakes = fakeBindings();
  const devices = createDeviceManager({
    bindings: fakes.bindings,
    ledger: createPrintLedgerStore(options.db, now),
    logger: options.logger,
  });
  const captures = createCaptureStaging();
  const outbox = startOutboxDelivery({ db: options.db, platform: options.platform, logger: options.logger, now });
  const technician = createTechnicianService({
    db: options.db,
    config: undefined,
    devices,
    outbox,
    info: options.info,
    catalogVersion: () => options.catalogSync.status().version,
    logDir: null,
    configSummary: [],
    now,
    endResidentSession: () => captures.clear(),
    logger: options.logger,
  });
  const handlers: Handlers<KioskContract> = {
    ...buildHandlers({ info: options.info, db: options.db, catalogSync: options.catalogSync }),
    ...buildDeviceHandlers({ devices, captures, endResidentSession: () => captures.clear(), devMode: true }),
    ...technician.handlers,
  };
  return {
    handlers,
    fakes,
    devices,
    async close() {
      await outbox.stop();
      await devices.close();
    },
  };
}
