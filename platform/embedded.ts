import type { FaultController } from './server/faults/fault-controller';
import { startPlatformServer } from './server/start';
import { loadSeedCatalog } from './seed';

/**
 * The only platform file the kiosk core imports (lint-enforced): the reference platform embedded
 * in the kiosk as its default, on loopback, seeded with the shipped catalog. Real deployments
 * point the kiosk's platform client at a provincial platform instead.
 */

export type { FaultController } from './server/faults/fault-controller';
export type { FaultCounters, FaultSettings, FaultSettingsPatch, FaultState } from './contract/admin';
export { PlatformStartError } from './server/start';

export interface EmbeddedPlatform {
  /** `http://127.0.0.1:<port>/api/v1` */
  readonly baseUrl: string;
  readonly faults: FaultController;
  close(): Promise<void>;
}

/**
 * Starts the platform. Registering terminals is idempotent: a known terminal gets its token hash
 * and station replaced. Rejects with a PlatformStartError when the database cannot be opened (for
 * example one written by a newer build), a terminal entry is invalid, or the port is taken.
 */
export async function startEmbeddedPlatform(options: {
  dbPath: string;
  port: number /* 0 = any free */;
  terminals: Array<{ id: string; token: string; stationId: string }>;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}): Promise<EmbeddedPlatform> {
  const server = await startPlatformServer({
    dbPath: options.dbPath,
    port: options.port,
    terminals: options.terminals,
    seedCatalog: loadSeedCatalog,
    log: options.log,
  });
  return { baseUrl: server.baseUrl, faults: server.faults, close: () => server.close() };
}
