import type { Context, Hono } from 'hono';
import { MATERIAL_MAX_BYTES } from '../../contract/materials';
import { createCallFeed, type CallFeed } from '../call-feed';
import type { SqlDb } from '../db/sql';
import type { ConsoleOptions } from '../console/http/console-options';
import type { FaultController } from '../faults/fault-controller';
import { DEFAULT_FLEET_SETTINGS, type FleetSettings } from '../fleet/settings';
import type { PlatformSealer } from '../sealing/sealer';
import { sampleQueueServices, type QueueServiceDirectory } from '../sample/queue-services';
import type { TerminalIdentity } from '../store/terminals';
import type { VideoHelpSettings } from '../video-help/config';
import { systemClock, type Clock } from '../time';
import type { IdempotencyClaim } from './idempotency';

export type PlatformLog = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

export interface PlatformLimits {
  /** Largest JSON request body. */
  readonly jsonMaxBytes: number;
  /** Largest material upload. */
  readonly materialMaxBytes: number;
  /** Per terminal, per clock minute; above it the platform answers 429. */
  readonly requestsPerMinute: number;
}

export const DEFAULT_LIMITS: PlatformLimits = {
  jsonMaxBytes: 256 * 1024,
  materialMaxBytes: MATERIAL_MAX_BYTES,
  requestsPerMinute: 600,
};

/** What the app is built from; everything else is derived. */
export interface PlatformDeps {
  /** The platform's database on either engine (db/sql.ts). */
  readonly sql: SqlDb;
  /** Seals and opens residents' data, and keys the identity index; the database was opened with it. */
  readonly sealer: PlatformSealer;
  readonly faults: FaultController;
  readonly now?: Clock;
  /** Token for /_admin; without one the admin endpoints always answer 401. */
  readonly adminToken?: string;
  readonly limits?: Partial<PlatformLimits>;
  readonly log?: PlatformLog;
  /** Queue services per station; the sample services by default. */
  readonly queueServices?: QueueServiceDirectory;
  /** Alarm thresholds, heartbeat interval, command lifetime (already checked: fleet/settings.ts); defaults otherwise. */
  readonly fleet?: FleetSettings;
  /** Shared with whatever else must nudge or hear call displays (tests); one per app by default. */
  readonly callFeed?: CallFeed;
  /** The county console's API (/console/api): fleet handlers, cookie and proxy settings. */
  readonly console?: ConsoleOptions;
  /** The built county console served at /console (`npm run platform` passes out/console); not served without it. */
  readonly consoleDir?: string;
  /** 视频帮办 settings (video-help/config.ts, already resolved); null or absent: video help is off. */
  readonly videoHelp?: VideoHelpSettings | null;
}

/** The deps with defaults filled in, handed to every middleware and route. */
export interface PlatformContext {
  /** The platform's database on either engine (db/sql.ts): every store reads and writes through it. */
  readonly sql: SqlDb;
  readonly sealer: PlatformSealer;
  readonly faults: FaultController;
  readonly now: Clock;
  readonly adminToken: string | undefined;
  readonly limits: PlatformLimits;
  readonly log: PlatformLog;
  readonly queueServices: QueueServiceDirectory;
  readonly fleet: FleetSettings;
  /** Nudges call displays after a call or recall is stored (platform/server/call-feed.ts). */
  readonly callFeed: CallFeed;
}

export function resolveDeps(deps: PlatformDeps): PlatformContext {
  return {
    sql: deps.sql,
    sealer: deps.sealer,
    faults: deps.faults,
    now: deps.now ?? systemClock,
    adminToken: deps.adminToken,
    limits: { ...DEFAULT_LIMITS, ...deps.limits },
    log: deps.log ?? (() => undefined),
    queueServices: deps.queueServices ?? sampleQueueServices,
    fleet: deps.fleet ?? DEFAULT_FLEET_SETTINGS,
    callFeed: deps.callFeed ?? createCallFeed(deps.sql, deps.log),
  };
}

export interface AppVariables {
  /** Set by terminal authentication on every /api/v1 request that gets past it (not on enrolment). */
  terminal: TerminalIdentity;
  /** Set on POSTs once their Idempotency-Key is claimed. */
  idempotency: IdempotencyClaim;
}

export type AppEnv = { Variables: AppVariables };
export type PlatformApp = Hono<AppEnv>;
export type AppContext = Context<AppEnv>;
