import type Database from 'better-sqlite3';
import type { Person } from '../../../platform/contract/common';
import type { ReceiptDocument } from '../../../drivers/printer/receipt-document';
import { kioskInfoFixture } from '../../../tests/helpers/kiosk-info-fixture';
import type { CatalogStatus, KioskInfo } from '../../api/contract';
import type { CompletedService, ServiceKindRated } from '../../api/resident';
import { err, ok, type Result } from '../../api/result';
import type { ServiceDeps } from '../../app/service-deps';
import type { CatalogSync } from '../../catalog/sync';
import type { DeviceManager, PrintFailure, PrintOutcome } from '../../devices/types';
import { silentLogger } from '../../logging/logger';
import { startOutboxDelivery, type OutboxDelivery } from '../../outbox';
import { testSealer } from '../../outbox/testing';
import { createCaptureStaging } from '../../session/capture-staging';
import type { ResidentSession, SignedIn } from '../../session/resident-session-types';
import { memoryStore } from '../../testing/memory-store';

/**
 * ServiceDeps for the care journeys' tests: a migrated store (in memory or a file, to restart
 * on), a scripted platform behind `fetch` that can be switched offline, a recording printer,
 * the real outbox, and an in-memory resident session.
 */

export type Route = (request: {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}) => Response | Promise<Response>;

export interface FakePlatform {
  online: boolean;
  /** Keyed `METHOD /path` (path without the /api/v1 base); unmatched requests go to `fallback`. */
  readonly routes: Map<string, Route>;
  /** Real fetch to this origin (an embedded platform), when set. */
  fallbackBaseUrl: string | null;
  readonly calls: Array<{ method: string; path: string; headers: Headers; body: unknown }>;
  readonly fetch: typeof globalThis.fetch;
}

const BASE = 'http://platform.test/api/v1';

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export function fakePlatform(): FakePlatform {
  const platform: FakePlatform = {
    online: true,
    routes: new Map(),
    fallbackBaseUrl: null,
    calls: [],
    fetch: async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const path = url.pathname.replace(/^\/api\/v1/, '') + url.search;
      const method = init?.method ?? 'GET';
      const headers = new Headers(init?.headers);
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      if (!platform.online) {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      }
      platform.calls.push({ method, path, headers, body });
      const route = platform.routes.get(`${method} ${url.pathname.replace(/^\/api\/v1/, '')}`);
      if (route) return route({ method, path, headers, body });
      if (platform.fallbackBaseUrl) return globalThis.fetch(`${platform.fallbackBaseUrl}${path}`, init);
      return json(404, { code: 'notFound', title: 'no such route in the fake platform' });
    },
  };
  return platform;
}

/** The resident session as core/session will keep it: memory only. */
export function fakeSession(): ResidentSession & {
  signIn(person: Person): void;
  agentActs: boolean;
} {
  let applicant: SignedIn | null = null;
  let completed: CompletedService[] = [];
  const endListeners = new Set<() => void>();
  const session = {
    agentActs: false,
    signIn(person: Person) {
      applicant = { person, proof: { kind: 'typed' } };
    },
    state: () => ({ applicant: null, agent: null }),
    applicant: () => applicant,
    agent: () => null,
    evaluator: () => (session.agentActs ? ('agent' as const) : ('applicant' as const)),
    recordCompleted(service: { kind: ServiceKindRated; ref: string; title: string; matterCode: string | null }) {
      completed.push({ ...service, completedAt: new Date().toISOString(), rated: false });
    },
    completed: () => completed.map((service) => ({ ...service })),
    findCompleted: (kind: ServiceKindRated, ref: string) =>
      completed.find((service) => service.kind === kind && service.ref === ref),
    // These fakes sign people in typed: they never hold a consent to reuse history.
    consentToHistory: () => false,
    historyConsented: () => false,
    markRated(kind: ServiceKindRated, ref: string) {
      completed = completed.map((service) =>
        service.kind === kind && service.ref === ref ? { ...service, rated: true } : service,
      );
    },
    onEnd(listener: () => void) {
      endListeners.add(listener);
      return () => endListeners.delete(listener);
    },
    end() {
      applicant = null;
      completed = [];
      endListeners.forEach((listener) => listener());
    },
  };
  return session;
}

/** Prints like the device manager's ledger: one paper copy per document id. */
export function fakePrinter() {
  const printed: ReceiptDocument[] = [];
  const printer = {
    printed,
    next: null as Result<PrintOutcome, PrintFailure> | null,
    print(document: ReceiptDocument): Promise<Result<PrintOutcome, PrintFailure>> {
      if (printer.next) {
        const scripted = printer.next;
        printer.next = null;
        return Promise.resolve(scripted);
      }
      if (printed.some((earlier) => earlier.id === document.id)) {
        return Promise.resolve(err({ kind: 'alreadyPrinted', message: `${document.id} was printed` }));
      }
      printed.push(document);
      return Promise.resolve(ok({ receiptId: document.id, printedAt: new Date().toISOString() }));
    },
  };
  return printer;
}

export function openTestStore(path = ':memory:'): Database.Database {
  return memoryStore({ path });
}

export interface CareTestDeps {
  readonly deps: ServiceDeps;
  readonly platform: FakePlatform;
  readonly session: ReturnType<typeof fakeSession>;
  readonly printer: ReturnType<typeof fakePrinter>;
  readonly outbox: OutboxDelivery;
  /** What the catalog sync last saw of the platform (drives the `offline` flag on records). */
  readonly seen: { platform: CatalogStatus['platform'] };
  close(): Promise<void>;
}

export function careTestDeps(
  options: {
    db?: Database.Database;
    info?: KioskInfo;
    platform?: FakePlatform;
    token?: string;
    /** The kiosk's clock; the machine's by default. */
    now?: () => Date;
  } = {},
): CareTestDeps {
  const db = options.db ?? openTestStore();
  const platform = options.platform ?? fakePlatform();
  const session = fakeSession();
  const printer = fakePrinter();
  const logger = silentLogger();
  const now = options.now ?? (() => new Date());
  const http = {
    baseUrl: BASE,
    token: options.token ?? 'token-kiosk-1-aaaaaaaa',
    timeoutMs: 2_000,
    fetch: platform.fetch,
  };
  // No idle polling and no jitter: tests kick the outbox themselves.
  const sealer = testSealer();
  const outbox = startOutboxDelivery({
    db,
    platform: http,
    logger,
    now,
    sealer,
    idlePollMs: 3_600_000,
    random: () => 0,
  });
  const seen: CareTestDeps['seen'] = { platform: 'reachable' };
  const catalogSync: CatalogSync = {
    syncOnce: () => Promise.reject(new Error('not used by the care journeys')),
    status: () => ({
      version: null,
      publishedAt: null,
      storedAt: null,
      confirmedAt: null,
      matterCount: 0,
      platform: seen.platform,
      lastError: null,
      stale: false,
    }),
  };
  const devices = { print: (document: ReceiptDocument) => printer.print(document) } as unknown as DeviceManager;
  const deps: ServiceDeps = {
    db,
    info: options.info ?? kioskInfoFixture,
    platform: http,
    platformReachability: () => seen.platform,
    devices,
    captures: createCaptureStaging(),
    outbox,
    sealer,
    session,
    catalogSync,
    logger,
    now,
    dataDir: '/nonexistent',
  };
  return {
    deps,
    platform,
    session,
    printer,
    outbox,
    seen,
    async close() {
      await outbox.stop();
    },
  };
}

/** The call context handlers receive from the dispatcher. */
export const testCallContext = { host: 'test' as const, requestId: 'care-test' };
