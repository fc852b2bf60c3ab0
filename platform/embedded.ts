import type { FaultController } from './server/faults/fault-controller';
import type { PlatformRetention } from './server/retention/policy';
import { startPlatformServer } from './server/start';
import { loadSeedCatalog } from './seed';

/**
 * The only platform file the kiosk core imports (lint-enforced): the reference platform embedded
 * in the kiosk as its default, on loopback, seeded with the shipped catalog. Real deployments
 * point the kiosk's platform client at a provincial platform instead.
 */

export type { FaultController } from './server/faults/fault-controller';
export type { FaultCounters, FaultSettings, FaultSettingsPatch, FaultState } from './contract/admin';
export type { PlatformRetention } from './server/retention/policy';
export { DEFAULT_RETENTION } from './server/retention/policy';
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
 * example one written by a newer build, or sealed under another key), the data key file is
 * missing for sealed data or readable by others, a terminal entry or retention period is invalid,
 * or the port is taken.
 */
export async function startEmbeddedPlatform(options: {
  dbPath: string;
  port: number /* 0 = any free */;
  terminals: Array<{ id: string; token: string; stationId: string }>;
  /**
   * The platform's own data key file (not the kiosk's key: the two are separate systems that
   * happen to share a machine). Default: `platform-data-key` beside dbPath, made with mode 0600
   * on first use. A station should name a file outside the data folder, as for the kiosk's key.
   */
  dataKeyFile?: string;
  /** How long the platform keeps records; unset periods take DEFAULT_RETENTION. */
  retention?: Partial<PlatformRetention>;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  /** The platform's clock; the kiosk passes its own, so both agree on what day and hour it is. */
  now?: () => Date;
}): Promise<EmbeddedPlatform> {
  const server = await startPlatformServer({
    dbPath: options.dbPath,
    port: options.port,
    terminals: options.terminals,
    dataKeyFile: options.dataKeyFile,
    retention: options.retention,
    seedCatalog: loadSeedCatalog,
    log: options.log,
    // 视频帮办 on with the defaults: no ICE servers (the kiosk and a console on the same machine
    // or LAN connect by host candidates), no recording.
    videoHelp: {},
    ...(options.now ? { now: options.now } : {}),
  });
  return { baseUrl: server.baseUrl, faults: server.faults, close: () => server.close() };
}
