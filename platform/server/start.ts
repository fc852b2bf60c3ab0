import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Catalog } from '../contract/catalog';
import { API_BASE_PATH } from '../contract/endpoints';
import { createPlatformApp } from './app';
import type { ConsoleOptions } from './console/http/console-options';
import { describeDatabase, type DatabaseConfig } from './db/database-config';
import { describeDbOpenError } from './db/open';
import { openDatabase } from './db/open-database';
import type { SqlDb } from './db/sql';
import type { SqliteSqlDb } from './db/sqlite-sql';
import { FaultController } from './faults/fault-controller';
import { resolveFleetSettings, type FleetOptions } from './fleet/settings';
import { startFleetTicker } from './fleet/tick-timer';
import { withSocketFaults, type NodeBindings } from './faults/socket-faults';
import type { PlatformApp, PlatformLimits, PlatformLog } from './http/types';
import { resolveRetention, type PlatformRetention } from './retention/policy';
import { checkpointWal, purgeExpired, type PurgeCounts } from './retention/purge';
import { sealerForDatabase, sealerForPostgres } from './sealing/database-key';
import type { PlatformSealer } from './sealing/sealer';
import { seedPlatform } from './seed-platform';
import { describeRegisterError, registerTerminal, type TerminalRegistration } from './store/terminals';
import { systemClock, type Clock } from './time';
import { resolveVideoHelpSettings } from './video-help/config';
import { createVideoHub } from './video-help/hub';
import { DEFAULT_SESSION_POLICY } from './console/sessions-store';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

export interface PlatformServerOptions {
  /** SQLite file (created if missing); `:memory:` only for throwaway tests. Shorthand for `database: { engine: 'sqlite', path }`. */
  readonly dbPath?: string;
  /** Which engine and where (db/database-config.ts); wins over dbPath. */
  readonly database?: DatabaseConfig;
  /**
   * The data key file (32 raw bytes or 64 hex digits, mode 0600 or stricter). Default for SQLite:
   * `platform-data-key` beside the database, made on first use; PostgreSQL needs it named. Keep
   * it, and its backup, apart from the database: whoever has both can read everything.
   */
  readonly dataKeyFile?: string;
  /**
   * Address to listen on: 127.0.0.1 unless given. An instance behind a load balancer on another
   * machine listens on its own address (docs/county-scale.md).
   */
  readonly host?: string;
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
  /**
   * 视频帮办 settings (video-help/config.ts VideoHelpOptions); absent: video help is off. Refused
   * at start when wrong (a TURN secret file that cannot be read, 'relay' without TURN).
   */
  readonly videoHelp?: unknown;
  /** How often the video hub's safety-net poll runs (default 1 s; tests lower it). */
  readonly videoHelpPollMs?: number;
}

export interface PlatformServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** `http://127.0.0.1:<port>/api/v1` */
  readonly baseUrl: string;
  readonly port: number;
  readonly faults: FaultController;
  /** The platform's database (either engine). */
  readonly sql: SqlDb;
  /** The sealer the database was opened with, for in-process readers of sealed rows (tests). */
  readonly sealer: PlatformSealer;
  readonly retention: PlatformRetention;
  readonly app: PlatformApp;
  /** Runs the retention purge now (it also runs at start and every purgeIntervalMs). */
  purgeExpired(): Promise<PurgeCounts>;
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
  const videoHelp = resolveVideoHelpSettings(options.videoHelp);
  if (!videoHelp.ok) throw new PlatformStartError(`video help settings: ${videoHelp.error}`);
  const database = databaseOf(options);
  const where = describeDatabase(database);
  const key =
    database.engine === 'sqlite'
      ? sealerForDatabase(database.path, options.dataKeyFile)
      : await sealerForPostgres(database, options.dataKeyFile);
  if (!key.ok) throw new PlatformStartError(key.error);
  const { sealer } = key.value;
  if (key.value.created)
    log('warn', 'made a new platform data key; back it up apart from the database', { keyFile: key.value.keyFile });
  const opened = await openDatabase(database, sealer);
  if (!opened.ok) throw new PlatformStartError(describeDbOpenError(where, opened.error));
  const sql = opened.value;
  const purge = async (): Promise<PurgeCounts> => {
    const counts = await purgeExpired(sql, retention.value, now());
    if (sql.engine === 'sqlite') checkpointWal((sql as SqliteSqlDb).raw);
    log('info', 'retention purge', { ...counts });
    return counts;
  };
  try {
    await prepareDatabase(sql, options, now());
    await purge();
  } catch (error) {
    await sql.close();
    throw error;
  }
  const faults = options.faults ?? new FaultController();
  const app = createPlatformApp({
    sql,
    sealer,
    faults,
    now,
    adminToken: options.adminToken,
    limits: options.limits,
    log,
    fleet: fleet.value,
    console: options.console,
    videoHelp: videoHelp.value,
    ...(options.consoleDir !== undefined ? { consoleDir: options.consoleDir } : {}),
  });
  const fetch = withSocketFaults((request, env) => app.fetch(request, env), faults);

  const host = options.host ?? '127.0.0.1';
  let server: ServerType;
  try {
    server = await listen(fetch, host, options.port ?? 0);
  } catch (error) {
    await sql.close();
    throw new PlatformStartError(`platform cannot listen on ${host}:${options.port ?? 0}: ${String(error)}`);
  }
  const hub =
    videoHelp.value === null
      ? null
      : createVideoHub({
          sql,
          sealer,
          settings: videoHelp.value,
          now,
          log,
          sessionPolicy: { ...DEFAULT_SESSION_POLICY, ...options.console?.policy?.session },
          trustProxy: options.console?.trustProxy ?? false,
          pollMs: options.videoHelpPollMs,
        });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Only the video help sockets upgrade; anything else is not a WebSocket endpoint here.
    if (hub?.handleUpgrade(req, socket, head)) return;
    socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log('info', 'platform listening', { origin, database: where, engine: database.engine, retention: retention.value });

  const timer = setInterval(() => {
    // Nothing is deleted when it fails (one transaction); the next run tries again.
    purge().catch((error: unknown) => log('error', 'retention purge failed', { error: String(error) }));
  }, options.purgeIntervalMs ?? DAY_MS);
  timer.unref();
  const ticker = startFleetTicker({ db: sql, fleet: fleet.value, log }, now, { maxWaitMs: options.fleetTickMaxWaitMs });

  let closing: Promise<void> | undefined;
  return {
    origin,
    baseUrl: `${origin}${API_BASE_PATH}`,
    port,
    faults,
    sql,
    sealer,
    retention: retention.value,
    app,
    purgeExpired: purge,
    close: () => {
      clearInterval(timer);
      // A tick still running finishes before the database closes under it.
      return (closing ??= ticker
        .stop()
        .then(() => hub?.close())
        .then(() => shutDown(server, sql)));
    },
  };
}

function databaseOf(options: PlatformServerOptions): DatabaseConfig {
  if (options.database) return options.database;
  if (options.dbPath === undefined) throw new PlatformStartError('no database: give dbPath or database');
  return { engine: 'sqlite', path: options.dbPath };
}

async function prepareDatabase(sql: SqlDb, options: PlatformServerOptions, at: Date): Promise<void> {
  for (const terminal of options.terminals ?? []) {
    const registered = await registerTerminal(sql, terminal, at);
    if (!registered.ok) throw new PlatformStartError(describeRegisterError(registered.error));
  }
  const seeded = await seedPlatform(sql, { catalog: options.seedCatalog?.() }, at);
  if (!seeded.ok) throw new PlatformStartError(seeded.error);
}

function listen(
  fetch: (request: Request, env: NodeBindings) => Promise<Response>,
  hostname: string,
  port: number,
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server));
    server.once('error', reject);
  });
}

async function shutDown(server: ServerType, sql: SqlDb): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Keep-alive and half-finished connections would hold close() open indefinitely.
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
  await sql.close();
}
