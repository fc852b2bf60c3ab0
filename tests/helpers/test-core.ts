import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Catalog } from '../../platform/contract/catalog';
import { contract } from '../../core/api/contract';
import { createDispatcher, type DispatchLog } from '../../core/api/dispatcher';
import { createEventBus } from '../../core/api/events';
import { createCatalogSync } from '../../core/catalog/sync';
import { silentLogger } from '../../core/logging/logger';
import type { HttpOptions } from '../../core/platform-client/http';
import type { TechnicianConfig } from '../../kiosk-config/schema';
import { kioskInfoFixture } from './kiosk-info-fixture';
import { createTestHandlers } from './test-handlers';
import { memoryStore } from '../../core/testing/memory-store';

/**
 * The kiosk core's API over an in-memory store, without a platform process: the same dispatcher,
 * handlers and store code the hosts run. `platform` defaults to a closed local port, so a sync
 * attempt fails fast the way an unplugged network does.
 */
export function createTestCore(
  options: {
    catalog?: Catalog;
    platform?: HttpOptions;
    /** Technician mode's config (PIN hash, limits); without it technician.enter answers notConfigured. */
    technician?: TechnicianConfig;
    /** The clock of technician sessions and the access guard, for tests that move time. */
    clock?: () => Date;
    /** The kiosk's own clock (journeys, catalog sync, outbox); the machine's by default. */
    now?: () => Date;
    /** Where the dispatcher reports bugs (a handler that threw, an off-contract answer); silent by default. */
    dispatchLog?: DispatchLog;
  } = {},
) {
  const now = options.now ?? (() => new Date());
  const db = memoryStore({ at: now, ...(options.catalog ? { catalog: options.catalog } : {}) });

  const logger = silentLogger();
  const events = createEventBus(contract, () => undefined);
  const platform = options.platform ?? {
    baseUrl: 'http://127.0.0.1:9/api/v1',
    token: 'unused-token-000000',
    timeoutMs: 500,
  };
  const catalogSync = createCatalogSync({
    db,
    platform,
    staleAfterHours: 72,
    now,
    logger,
    onStatus: (status) => events.emit('catalog.statusChanged', status),
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-core-'));
  const rest = createTestHandlers({
    db,
    info: kioskInfoFixture,
    catalogSync,
    platform,
    logger,
    dataDir,
    events,
    ...(options.technician ? { technician: options.technician } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    now,
  });
  const dispatch = createDispatcher(
    contract,
    rest.handlers,
    options.dispatchLog ?? { error: () => undefined },
    rest.guard,
  );
  return {
    db,
    dispatch,
    events,
    logger,
    catalogSync,
    devices: rest.devices,
    fakeDevices: rest.fakes,
    resident: rest.resident,
    outbox: rest.outbox,
    technician: rest.technician,
    dataDir,
    async close() {
      await rest.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
