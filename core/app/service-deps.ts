import type Database from 'better-sqlite3';
import type { KioskInfo } from '../api/contract';
import type { CatalogSync } from '../catalog/sync';
import type { DeviceManager } from '../devices/types';
import type { Logger } from '../logging/logger';
import type { DataSealer, OutboxDelivery } from '../outbox';
import type { HttpOptions } from '../platform-client/http';
import type { Reachability } from '../platform-client/reachability';
import type { CaptureStaging } from '../session/capture-staging';
import type { ResidentSession } from '../session/resident-session-types';

/**
 * What every resident-journey module of core gets from start.ts: one object, so adding a module
 * does not change every constructor. Each module exports `build…Handlers(deps)` returning the
 * contract methods it owns.
 */
export interface ServiceDeps {
  readonly db: Database.Database;
  readonly info: KioskInfo;
  /** The platform: embedded or remote, with this terminal's token. */
  readonly platform: HttpOptions;
  /** Whether the latest request to the platform got an answer (records confirmed now are marked offline when not). */
  readonly platformReachability: () => Reachability;
  readonly devices: DeviceManager;
  readonly captures: CaptureStaging;
  readonly outbox: OutboxDelivery;
  /** The kiosk's data key: seals every personal field at rest and keys the lookup hashes. */
  readonly sealer: DataSealer;
  readonly session: ResidentSession;
  readonly catalogSync: CatalogSync;
  readonly logger: Logger;
  readonly now: () => Date;
  /** Where the kiosk keeps its files (data folder); for nothing personal outside the store. */
  readonly dataDir: string;
}
