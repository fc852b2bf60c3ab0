import type { SqlDb } from '../db/sql';
import type { DatabaseConfig } from '../db/database-config';
import { createPostgresTestDatabase, openTestDatabase, testEngine, type TestDatabase } from './test-database';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../contract/catalog';
import { createPlatformApp } from '../app';
import { FaultController } from '../faults/fault-controller';
import type { PlatformApp, PlatformLimits } from '../http/types';
import type { QueueServiceDirectory } from '../sample/queue-services';
import { createPlatformSealer, ephemeralSealer, type PlatformSealer } from '../sealing/sealer';
import { seedPlatform } from '../seed-platform';
import { startPlatformServer, type PlatformServer, type PlatformServerOptions } from '../start';
import { registerTerminal, type TerminalRegistration } from '../store/terminals';
import type { Clock } from '../time';
import { catalogFixture } from './catalog-fixture';
import { loadConformanceChecker, type ConformanceChecker } from './openapi-conformance';

/**
 * Test harnesses. Every response a test receives goes through the OpenAPI conformance check, so
 * a test that exercises an endpoint also proves the answer matches platform/openapi.yaml.
 */

export const KIOSK_1: TerminalRegistration = { id: 'kiosk-1', token: 'token-kiosk-1-aaaaaaaa', stationId: 'station-1' };
export const KIOSK_2: TerminalRegistration = { id: 'kiosk-2', token: 'token-kiosk-2-bbbbbbbb', stationId: 'station-2' };
export const ADMIN_TOKEN = 'admin-token-cccccccccccc';

let checker: ConformanceChecker | undefined;
export function conformance(): ConformanceChecker {
  return (checker ??= loadConformanceChecker());
}

export interface CheckedResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  json<T = Record<string, unknown>>(): T;
}

export interface RequestOptions {
  /** Terminal token; null sends no Authorization header. Defaults to kiosk-1's. */
  readonly token?: string | null;
  /** A JS value is sent as JSON; bytes are sent as they are. */
  readonly body?: unknown;
  readonly contentType?: string;
  /** For POSTs a fresh key is made unless one is given; null sends none. */
  readonly idempotencyKey?: string | null;
  readonly headers?: Record<string, string>;
}

export const newKey = (): string => randomUUID();

/** A clock tests move by hand: `clock.set('2026-03-02T10:00:00+08:00')`. */
export function manualClock(start: string): { readonly now: Clock; set(instant: string): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant);
    },
  };
}

/** A tiny valid JPEG-typed upload; distinct `seed`s give distinct sha256s. */
export async function uploadPage(
  platform: TestPlatform,
  seed: string,
): Promise<{ sha256: string; contentType: 'image/jpeg'; size: number }> {
  const bytes = new TextEncoder().encode(`page ${seed}`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const response = await platform.request('PUT', `/api/v1/materials/${sha256}`, {
    body: bytes,
    contentType: 'image/jpeg',
  });
  if (response.status !== 201 && response.status !== 200) throw new Error(`upload failed: ${response.status}`);
  return { sha256, contentType: 'image/jpeg', size: bytes.byteLength };
}

function buildInit(method: string, options: RequestOptions): RequestInit {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? KIOSK_1.token : options.token;
  if (token !== null) headers['authorization'] = `Bearer ${token}`;
  if (method === 'POST') {
    const key = options.idempotencyKey === undefined ? newKey() : options.idempotencyKey;
    if (key !== null) headers['idempotency-key'] = key;
  }
  let body: RequestInit['body'];
  if (options.body instanceof Uint8Array) {
    body = new Uint8Array(options.body);
    headers['content-type'] = options.contentType ?? 'application/octet-stream';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = options.contentType ?? 'application/json';
  }
  return { method, headers, body };
}

/** Reads the response and fails the test when it does not conform to the yaml. */
export async function checked(method: string, path: string, response: Response): Promise<CheckedResponse> {
  const text = await response.text();
  const problems = conformance().check({
    method,
    path,
    status: response.status,
    headers: response.headers,
    body: text,
  });
  if (problems.length > 0) throw new Error(`response does not conform to openapi.yaml:\n${problems.join('\n')}`);
  return { status: response.status, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
}

export interface TestPlatformOptions {
  readonly dbPath?: string;
  readonly catalog?: Catalog | null;
  readonly limits?: Partial<PlatformLimits>;
  readonly now?: Clock;
  readonly faults?: FaultController;
  readonly queueServices?: QueueServiceDirectory;
  /** A fresh random key unless given. */
  readonly sealer?: PlatformSealer;
}

export interface TestPlatform {
  readonly app: PlatformApp;
  /** The platform's database, on the engine this run tests (testing/test-database.ts). */
  readonly sql: SqlDb;
  readonly sealer: PlatformSealer;
  readonly faults: FaultController;
  request(method: string, path: string, options?: RequestOptions): Promise<CheckedResponse>;
  /** The database under `sql`, for a second instance on it (createTwinPlatforms). */
  readonly database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The app in-process (`app.request()`) on the engine this run tests (testing/test-database.ts):
 * SQLite in memory (or the given file), or a fresh PostgreSQL database that close() drops.
 */
export async function createTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const sealer = options.sealer ?? ephemeralSealer();
  const database = await openTestDatabase(sealer, { sqlitePath: options.dbPath });
  const sql = database.db;
  const now = options.now ?? (() => new Date());
  for (const terminal of [KIOSK_1, KIOSK_2]) {
    const registered = await registerTerminal(sql, terminal, now());
    if (!registered.ok) throw new Error(registered.error.kind);
  }
  const catalog = options.catalog === null ? undefined : (options.catalog ?? catalogFixture());
  const seeded = await seedPlatform(sql, { catalog }, now());
  if (!seeded.ok) throw new Error(seeded.error);
  const faults = options.faults ?? new FaultController();
  const app = createPlatformApp({
    sql,
    sealer,
    faults,
    now,
    adminToken: ADMIN_TOKEN,
    limits: options.limits,
    queueServices: options.queueServices,
  });
  return {
    app,
    sql,
    sealer,
    faults,
    request: async (method, path, requestOptions = {}) =>
      checked(method, path, await app.request(path, buildInit(method, requestOptions))),
    database,
    close: () => database.close(),
  };
}

/**
 * Two platform instances on one database, for the concurrency tests (docs/county-scale.md): on
 * PostgreSQL each has its own connection pool, so requests fired at both really run at once; on
 * SQLite they share the one connection (see TestDatabase.openSecond).
 */
export interface TwinPlatforms {
  readonly a: TestPlatform;
  readonly b: TestPlatform;
  close(): Promise<void>;
}

export async function createTwinPlatforms(options: Omit<TestPlatformOptions, 'dbPath'> = {}): Promise<TwinPlatforms> {
  const sealer = options.sealer ?? ephemeralSealer();
  const first = await createTestPlatform({ ...options, sealer });
  const database = first.database;
  const sql = await database.openSecond();
  const now = options.now ?? (() => new Date());
  const app = createPlatformApp({
    sql,
    sealer,
    faults: options.faults ?? new FaultController(),
    now,
    adminToken: ADMIN_TOKEN,
    limits: options.limits,
    queueServices: options.queueServices,
  });
  const b: TestPlatform = {
    ...first,
    app,
    sql,
    request: async (method, path, requestOptions = {}) =>
      checked(method, path, await app.request(path, buildInit(method, requestOptions))),
  };
  return { a: first, b, close: () => first.close() };
}

export interface TestServer {
  readonly server: PlatformServer;
  /** The SQLite file; undefined when the server runs on PostgreSQL. */
  readonly dbPath: string | undefined;
  /** What the server was started on, to start another one on the same data. */
  readonly database: DatabaseConfig;
  /** The data key file the server was started with (undefined: SQLite's default beside the file). */
  readonly dataKeyFile: string | undefined;
  /** Real HTTP through fetch; rejects on socket errors (outage, dropped answers). */
  request(method: string, path: string, options?: RequestOptions): Promise<CheckedResponse>;
  /** Closes the server; the database stays until `cleanUp`. */
  close(): Promise<void>;
  cleanUp(): Promise<void>;
}

export function makeTempDir(): { readonly dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'platform-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** startPlatformServer on port 0 with a database file in a fresh temp dir (or the given file). */
/**
 * startPlatformServer on port 0, on the engine this run tests: a database file in a fresh temp dir
 * (or the given file, which is always SQLite), or a fresh PostgreSQL database with a key file in a
 * temp dir.
 */
export async function startTestServer(
  options: {
    readonly dbPath?: string;
    /** Another server's database (TestServer.database, with its dataKeyFile): a restart or a second instance. */
    readonly database?: DatabaseConfig;
    readonly faults?: FaultController;
    readonly catalog?: Catalog;
  } & Pick<
    PlatformServerOptions,
    'now' | 'retention' | 'dataKeyFile' | 'purgeIntervalMs' | 'log' | 'videoHelp' | 'videoHelpPollMs' | 'console'
  > = {},
): Promise<TestServer> {
  const temp = options.dbPath || options.database ? undefined : makeTempDir();
  let database: DatabaseConfig;
  let dataKeyFile = options.dataKeyFile;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (options.database) {
    database = options.database;
  } else if (options.dbPath === undefined && testEngine() === 'postgres') {
    const key = randomBytes(32);
    dataKeyFile ??= join(temp?.dir ?? '', 'platform-data-key');
    writeFileSync(dataKeyFile, key.toString('hex'), { mode: 0o600 });
    const created = await createPostgresTestDatabase(createPlatformSealer(key));
    database = { engine: 'postgres', url: created.url };
    dropDatabase = created.drop;
  } else {
    database = { engine: 'sqlite', path: options.dbPath ?? join(temp?.dir ?? '', 'platform.db') };
  }
  const server = await startPlatformServer({
    database,
    port: 0,
    terminals: [KIOSK_1, KIOSK_2],
    adminToken: ADMIN_TOKEN,
    seedCatalog: () => options.catalog ?? catalogFixture(),
    faults: options.faults,
    now: options.now,
    retention: options.retention,
    dataKeyFile,
    purgeIntervalMs: options.purgeIntervalMs,
    log: options.log,
    videoHelp: options.videoHelp,
    videoHelpPollMs: options.videoHelpPollMs,
    console: options.console,
  });
  return {
    server,
    dbPath: database.engine === 'sqlite' ? database.path : undefined,
    database,
    dataKeyFile,
    request: async (method, path, requestOptions = {}) =>
      checked(method, path, await fetch(`${server.origin}${path}`, buildInit(method, requestOptions))),
    close: () => server.close(),
    cleanUp: async () => {
      await server.close();
      await dropDatabase?.();
      temp?.remove();
    },
  };
}
