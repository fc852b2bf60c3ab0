import { sqliteSqlDb } from './db/sqlite-sql';
import type Database from 'better-sqlite3';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Catalog } from '../contract/catalog';
import { API_BASE_PATH } from '../contract/endpoints';
import { createPlatformApp } from './app';
import type { ConsoleOptions } from './console/http/console-options';
import { describeDbOpenError, openPlatformDb } from './db/open';
import { FaultController } from './faults/fault-controller';
import { resolveFleetSettings, type FleetOptions } from './fleet/settings';
import { startFleetTicker } from './fleet/tick-timer';
import { withSocketFaults, type NodeBindings } from './faults/socket-faults';
import type { PlatformApp, PlatformLimits, PlatformLog } from './http/types';
import { resolveRetention, type PlatformRetention } from './retention/policy';
import { checkpointWal, purgeExpired, type PurgeCounts } from './retention/purge';
import { sealerForDatabase } from './sealing/database-key';
import type { PlatformSealer } from './sealing/sealer';
import { seedPlatform } from './seed-platform';
import { describeRegisterError, registerTerminal, type TerminalRegistration } from './store/terminals';
import { systemClock, type Clock } from './time';

export interface PlatformServerOptions {
  /** SQLite file (created if missing); `:memory:` only for throwaway tests. */
  readonly dbPath: string;
  /**
   * The data key file (32 raw bytes or 64 hex digits, mode 0600 or stricter). Default:
   * `platform-data-key` beside the database, made on first use. Keep it, and its backup, apart
   * from the database: whoever has both can read everything.
   */
  readonly dataKeyFile?: string;
  /** How long records are kept; unset periods take the defaults of retention/policy.ts. */
  readonly retention?: Partial<PlatformRetention>;
  /** How often the retention purge runs after the one at start; a day unless a test says otherwise. */
  readonly purgeIntervalMs?: number;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Registered (or re-registered, replacing the token) at start. */
  readonly terminals?: readonly TerminalRegistration[];
  readonly adminToken?: string;
  /** Published at start unless that version is already stored; main.ts and embedded.ts pass the seed. */
  readonly seedCatalog?: () => Catalog;
  readonly faults?: FaultController;
  readonly limits?: Partial<PlatformLimits>;
  readonly log?: PlatformLog;
  readonly now?: Clock;
  /** Alarm thresholds, heartbeat interval and command lifetime (docs/fleet.md); refused at start when wrong. */
  readonly fleet?: FleetOptions;
  /** Longest wait between two ticks of the fleet alarm engine (default 15 s; it ticks sooner when a deadline is due). */
  readonly fleetTickMaxWaitMs?: number;
  /** The county console: fleet handlers, Secure cookie, proxy trust (console/http/console-options.ts). */
  readonly console?: ConsoleOptions;
  /** The built county console to serve at /console (platform/server/console-static/console-dir.ts). */
  readonly consoleDir?: string;
}

export interface PlatformServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** `http://127.0.0.1:<port>/api/v1` */
  readonly baseUrl: string;
  readonly port: number;
  readonly faults: FaultController;
  readonly db: Database.Database;
  /** The sealer the database was opened with, for in-process readers of sealed rows (tests). */
  readonly sealer: PlatformSealer;
  readonly retention: PlatformRetention;
  readonly app: PlatformApp;
  /** Runs the retention purge now (it also runs at start and every purgeIntervalMs). */
  purgeExpired(): PurgeCounts;
  /** Stops listening, ends open connections, stops the purge and fleet timers, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

/** Start-up failures the caller can act on: a bad database, a bad terminal list, a taken port. */
export class PlatformStartError extends Error {
  override readonly name = 'PlatformStartError';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Loads the data key, opens (and if need be migrates and seals) the database, registers
 * terminals, seeds documents, runs the retention purge and listens on 127.0.0.1.
 */
export async function startPlatformServer(options: PlatformServerOptions): Promise<PlatformServer> {
  const now = options.now ?? systemClock;
  const log = options.log ?? (() => undefined);
  const retention = resolveRetention(options.retention);
  if (!retention.ok) throw new PlatformStartError(retention.error);
  const fleet = resolveFleetSettings(options.fleet);
  if (!fleet.ok) throw new PlatformStartError(`fleet settings: ${fleet.error.join('; ')}`);
  const key = sealerForDatabase(options.dbPath, options.dataKeyFile);
  if (!key.ok) throw new PlatformStartError(key.error);
  const { sealer } = key.value;
  if (key.value.created)
    log('warn', 'made a new platform data key; back it up apart from the database', { keyFile: key.value.keyFile });
  const opened = openPlatformDb(options.dbPath, sealer);
  if (!opened.ok) throw new PlatformStartError(describeDbOpenError(options.dbPath, opened.error));
  const db = opened.value;
  const purge = (): PurgeCounts => {
    const counts = purgeExpired(db, retention.value, now());
    checkpointWal(db);
    log('info', 'retention purge', { ...counts });
    return counts;
  };
  try {
    prepareDatabase(db, options, now());
    purge();
  } catch (error) {
    db.close();
    throw error;
  }
  const faults = options.faults ?? new FaultController();
  const app = createPlatformApp({
    sql: sqliteSqlDb(db),
    sealer,
    faults,
    now,
    adminToken: options.adminToken,
    limits: options.limits,
    log,
    fleet: fleet.value,
    console: options.console,
    ...(options.consoleDir !== undefined ? { consoleDir: options.consoleDir } : {}),
  });
  const fetch = withSocketFaults((request, env) => app.fetch(request, env), faults);

  let server: ServerType;
  try {
    server = await listen(fetch, options.port ?? 0);
  } catch (error) {
    db.close();
    throw new PlatformStartError(`platform cannot listen on 127.0.0.1:${options.port ?? 0}: ${String(error)}`);
  }
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  log('info', 'platform listening', { origin, dbPath: options.dbPath, retention: retention.value });

  const timer = setInterval(() => {
    try {
      purge();
    } catch (error) {
      // Nothing was deleted (one transaction); the next run tries again.
      log('error', 'retention purge failed', { error: String(error) });
    }
  }, options.purgeIntervalMs ?? DAY_MS);
  timer.unref();
  const ticker = startFleetTicker({ db, fleet: fleet.value, log }, now, { maxWaitMs: options.fleetTickMaxWaitMs });

  let closing: Promise<void> | undefined;
  return {
    origin,
    baseUrl: `${origin}${API_BASE_PATH}`,
    port,
    faults,
    db,
    sealer,
    retention: retention.value,
    app,
    purgeExpired: purge,
    close: () => {
      clearInterval(timer);
      ticker.stop();
      return (closing ??= shutDown(server, db));
    },
  };
}

function prepareDatabase(db: Database.Database, options: PlatformServerOptions, at: Date): void {
  for (const terminal of options.terminals ?? []) {
    const registered = registerTerminal(db, terminal, at);
    if (!registered.ok) throw new PlatformStartError(describeRegisterError(registered.error));
  }
  const seeded = seedPlatform(db, { catalog: options.seedCatalog?.() }, at);
  if (!seeded.ok) throw new PlatformStartError(seeded.error);
}

function listen(fetch: (request: Request, env: NodeBindings) => Promise<Response>, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolve(server));
    server.once('error', reject);
  });
}

async function shutDown(server: ServerType, db: Database.Database): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Keep-alive and half-finished connections would hold close() open indefinitely.
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
  db.close();
}
