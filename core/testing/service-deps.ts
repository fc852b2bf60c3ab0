import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Catalog } from '../../platform/contract/catalog';
import { kioskInfoFixture } from '../../tests/helpers/kiosk-info-fixture';
import type { CatalogStatus, KioskInfo } from '../api/contract';
import type { ServiceDeps } from '../app/service-deps';
import { readCatalogMeta, replaceCatalog } from '../catalog/catalog-store';
import type { CatalogSync } from '../catalog/sync';
import { silentLogger } from '../logging/logger';
import { startOutboxDelivery, type OutboxDelivery } from '../outbox';
import { testSealer } from './outbox';
import { createCaptureStaging } from '../session/capture-staging';
import { createResidentSession } from '../session/resident-session';
import type { ResidentSession } from '../session/resident-session-types';
import { createFakeDevices } from './fake-devices';
import { fakePlatform } from './fake-platform';
import { fakeSession, type FakeSession } from './fake-session';
import { memoryStore } from './memory-store';

/** Where the deps' platform requests go: a fake platform's fetch (core/testing/fake-platform.ts) or a real one. */
export interface TestPlatform {
  readonly baseUrl: string;
  readonly fetch?: typeof globalThis.fetch;
}

export interface TestServiceDepsOptions<S extends 'fake' | 'real', P extends TestPlatform> {
  /** The store; a fresh migrated one in memory by default. */
  readonly db?: Database.Database;
  /** Stored before the test starts, as a sync would store it. */
  readonly catalog?: Catalog;
  readonly info?: KioskInfo;
  /** The kiosk's clock; the machine's by default. */
  readonly now?: () => Date;
  /** The platform; a scripted fake-platform.ts with no routes (every request 404) by default. */
  readonly platform?: P;
  readonly token?: string;
  /**
   * 'delivering' (default): the real outbox, without idle polling or jitter, so tests kick it.
   * 'counting': an outbox that only counts kicks, for journeys whose delivery has its own tests.
   */
  readonly outbox?: 'delivering' | 'counting';
  /**
   * 'fake' (default): fake-session.ts, who is signed in set by the test.
   * 'real': the kiosk's resident session over the fake devices, for tests of sign-in by card.
   */
  readonly session?: S;
  /** A data folder made in the temp folder (and removed by close) for journeys that write files; none by default. */
  readonly dataDir?: 'temp' | 'none';
}

/** What the catalog sync reports; a test switches the platform unreachable or the catalog stale here. */
export interface TestCatalogState {
  platform: CatalogStatus['platform'];
  stale: boolean;
}

/**
 * ServiceDeps for a resident journey's tests: a migrated in-memory store, the fake devices (the
 * printer keeps the ledger's one-copy rule), a session, the outbox, a catalog sync whose platform
 * state the test sets, capture staging and, when asked, a data folder. `close()` undoes it.
 */
export function testServiceDeps<
  S extends 'fake' | 'real' = 'fake',
  P extends TestPlatform = ReturnType<typeof fakePlatform>,
>(options: TestServiceDepsOptions<S, P> = {}) {
  const now = options.now ?? (() => new Date());
  const db = options.db ?? memoryStore({ at: now });
  if (options.catalog) replaceCatalog(db, options.catalog, now().toISOString());
  const logger = silentLogger();
  const devices = createFakeDevices();
  const fake = options.platform ?? (fakePlatform() as TestPlatform as P);
  const platform = {
    baseUrl: fake.baseUrl,
    token: options.token ?? 'token-kiosk-1-aaaaaaaa',
    timeoutMs: 2_000,
    ...(fake.fetch ? { fetch: fake.fetch } : {}),
  };
  const sealer = testSealer();
  let kicks = 0;
  const outbox: OutboxDelivery =
    options.outbox === 'counting'
      ? {
          kick: () => {
            kicks += 1;
            return Promise.resolve();
          },
          retryAll: () => Promise.resolve({ revived: 0 }),
          summary: () => ({ pending: 0, deadLetters: 0, oldestPendingAt: null }),
          list: () => [],
          stop: () => Promise.resolve(),
        }
      : startOutboxDelivery({ db, platform, logger, now, sealer, idlePollMs: 3_600_000, random: () => 0 });
  const catalog: TestCatalogState = { platform: 'reachable', stale: false };
  const status = (): CatalogStatus => ({
    version: readCatalogMeta(db)?.version ?? null,
    publishedAt: null,
    storedAt: null,
    confirmedAt: null,
    matterCount: Number(db.prepare('SELECT COUNT(*) FROM catalog_matter').pluck().get()),
    platform: catalog.platform,
    lastError: null,
    stale: catalog.stale,
  });
  const catalogSync: CatalogSync = { status, syncOnce: () => Promise.resolve(status()) };
  const session = (
    options.session === 'real' ? createResidentSession({ devices, now, logger }) : fakeSession()
  ) as S extends 'real' ? ResidentSession : FakeSession;
  const captures = createCaptureStaging();
  const dataDir = options.dataDir === 'temp' ? mkdtempSync(join(tmpdir(), 'kiosk-test-deps-')) : '/nonexistent';
  const deps: ServiceDeps = {
    db,
    info: options.info ?? kioskInfoFixture,
    platform,
    platformReachability: () => catalog.platform,
    devices,
    captures,
    outbox,
    sealer,
    session,
    catalogSync,
    logger,
    now,
    dataDir,
  };
  return {
    deps,
    db,
    /** The platform the deps talk to, as the test gave it (the scripted fake by default). */
    platform: fake,
    devices,
    session,
    outbox,
    catalog,
    captures,
    sealer,
    /** How often a journey asked the counting outbox to deliver. */
    kicks: () => kicks,
    close: async () => {
      await outbox.stop();
      captures.clear();
      if (options.dataDir === 'temp') rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestServiceDeps<
  S extends 'fake' | 'real' = 'fake',
  P extends TestPlatform = ReturnType<typeof fakePlatform>,
> = ReturnType<typeof testServiceDeps<S, P>>;

/** The call context handlers receive from the dispatcher. */
export const testCallContext = { host: 'test' as const, requestId: 'service-test' };
