import { CSRF_HEADER, SESSION_COOKIE } from '../../../contract/console/endpoints';
import type { ConsoleRole, ConsoleScope, ConsoleSession, ConsoleUser } from '../../../contract/console/users';
import { createPlatformApp } from '../../app';
import type { SqlDb } from '../../db/sql';
import { FaultController } from '../../faults/fault-controller';
import type { PlatformApp } from '../../http/types';
import { ephemeralSealer, type PlatformSealer } from '../../sealing/sealer';
import { openTestDatabase, type TestDatabase } from '../../testing/test-database';
import type { Clock } from '../../time';
import type { ConsoleHandlers, FleetOperationId } from '../handler-types';
import type { LoginPolicy } from '../login';
import { hashPassword, type ScryptCost } from '../passwords';
import { createConsoleUser } from '../users-store';

/**
 * The platform app in-process with the console API, for tests: users made directly in the
 * database, a cheap scrypt cost (the default costs ~100 ms a hash), and requests as a browser
 * on the console's own origin sends them (Origin, Sec-Fetch-Site, cookie, CSRF header). The
 * database is the engine this run tests (platform/server/testing/test-database.ts);
 * createConsoleTwinPlatforms gives two instances on one database for the concurrency tests.
 */

export const TEST_SCRYPT: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };
export const TEST_PASSWORD = 'correct horse battery';
export const CONSOLE_ORIGIN = 'http://localhost';

export const SCOPES: Record<ConsoleRole, ConsoleScope> = {
  countyAdmin: { kind: 'county' },
  townshipAdmin: { kind: 'township', townshipCode: '370784107' },
  technician: { kind: 'county' },
  stationStaff: { kind: 'station', stationId: 'station-1' },
};

export interface ConsoleResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  json<T = Record<string, unknown>>(): T;
}

export interface BrowserRequest {
  readonly body?: unknown;
  /** `{ cookie, csrf }` of a signed-in browser; omitted: none. */
  readonly as?: SignedInBrowser;
  /** Send this X-CSRF-Token instead of the session's (null: none). */
  readonly csrf?: string | null;
  readonly ip?: string;
  readonly headers?: Record<string, string>;
}

export interface SignedInBrowser {
  readonly cookie: string;
  readonly csrf: string;
  readonly session: ConsoleSession;
}

export interface ConsoleTestPlatform {
  readonly app: PlatformApp;
  /** The platform's database, on the engine this run tests. */
  readonly sql: SqlDb;
  readonly sealer: PlatformSealer;
  /** The database under `sql`, for a second instance on it (createConsoleTwinPlatforms). */
  readonly database: TestDatabase;
  addUser(
    username: string,
    role: ConsoleRole,
    options?: { scope?: ConsoleScope; password?: string },
  ): Promise<ConsoleUser>;
  request(method: 'GET' | 'POST', path: string, options?: BrowserRequest): Promise<ConsoleResponse>;
  /** Signs in through the API; throws unless it answers 201. */
  signIn(username: string, password?: string, ip?: string): Promise<SignedInBrowser>;
  /** Closes the database (and drops it on PostgreSQL); the twin's close closes both. */
  close(): Promise<void>;
}

export interface ConsoleTestOptions {
  readonly now?: Clock;
  readonly fleet?: ConsoleHandlers<FleetOperationId>;
  readonly policy?: Partial<LoginPolicy>;
  readonly forceSecureCookie?: boolean;
}

export async function createConsoleTestPlatform(options: ConsoleTestOptions = {}): Promise<ConsoleTestPlatform> {
  const sealer = ephemeralSealer();
  const database = await openTestDatabase(sealer);
  return consoleInstance(database, database.db, sealer, options);
}

/**
 * Two console instances on one database, as two platform processes behind a load balancer: on
 * PostgreSQL each has its own connection pool, so requests fired at both really run at once; on
 * SQLite they share the one connection (TestDatabase.openSecond). Users made on either exist on
 * both; close() closes the database under both.
 */
export interface ConsoleTwinPlatforms {
  readonly a: ConsoleTestPlatform;
  readonly b: ConsoleTestPlatform;
  close(): Promise<void>;
}

export async function createConsoleTwinPlatforms(options: ConsoleTestOptions = {}): Promise<ConsoleTwinPlatforms> {
  const a = await createConsoleTestPlatform(options);
  const b = consoleInstance(a.database, await a.database.openSecond(), a.sealer, options);
  return { a, b, close: () => a.close() };
}

function consoleInstance(
  database: TestDatabase,
  sql: SqlDb,
  sealer: PlatformSealer,
  options: ConsoleTestOptions,
): ConsoleTestPlatform {
  const now = options.now ?? (() => new Date());
  const app = createPlatformApp({
    sql,
    sealer,
    faults: new FaultController(),
    now,
    log: (level, message, fields) => {
      if (level === 'error') console.error(message, fields);
    },
    console: {
      fleet: options.fleet,
      trustProxy: true,
      forceSecureCookie: options.forceSecureCookie,
      policy: { scrypt: TEST_SCRYPT, ...options.policy },
    },
  });

  const request = async (method: 'GET' | 'POST', path: string, req: BrowserRequest = {}): Promise<ConsoleResponse> => {
    const headers: Record<string, string> = {
      'x-forwarded-for': req.ip ?? '203.0.113.7',
      origin: CONSOLE_ORIGIN,
      'sec-fetch-site': 'same-origin',
    };
    if (req.as) headers['cookie'] = req.as.cookie;
    const csrf = req.csrf === undefined ? req.as?.csrf : req.csrf;
    if (method === 'POST' && csrf !== undefined && csrf !== null) headers[CSRF_HEADER] = csrf;
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    const response = await app.request(`${CONSOLE_ORIGIN}${path}`, {
      method,
      headers: { ...headers, ...req.headers },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
  };

  return {
    app,
    sql,
    sealer,
    database,
    addUser: async (username, role, userOptions = {}) => {
      const created = await createConsoleUser(
        sql,
        {
          username,
          displayName: username,
          role,
          scope: userOptions.scope ?? SCOPES[role],
          passwordHash: await hashPassword(userOptions.password ?? TEST_PASSWORD, TEST_SCRYPT),
        },
        now(),
      );
      if (!created.ok) throw new Error(`user ${username} exists`);
      return created.value;
    },
    request,
    signIn: async (username, password = TEST_PASSWORD, ip) => {
      const response = await request('POST', '/console/api/session', { body: { username, password }, ip });
      if (response.status !== 201)
        throw new Error(`sign-in of ${username} answered ${response.status}: ${response.text}`);
      const cookie = /^([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? '';
      if (!cookie.startsWith(`${SESSION_COOKIE}=`)) throw new Error('no session cookie');
      const session = response.json<ConsoleSession>();
      return { cookie, csrf: session.csrfToken, session };
    },
    close: () => database.close(),
  };
}
