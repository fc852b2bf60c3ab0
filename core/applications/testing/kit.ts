import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { CatalogStatus, KioskInfo } from '../../api/contract';
import type { DevicesSnapshot, IdCardEvent } from '../../api/devices';
import { err, ok, type Result } from '../../api/result';
import type { ServiceDeps } from '../../app/service-deps';
import { replaceCatalog } from '../../catalog/catalog-store';
import type { CatalogSync } from '../../catalog/sync';
import type { DeviceManager, PrintFailure, PrintOutcome } from '../../devices/types';
import { silentLogger } from '../../logging/logger';
import { startOutboxDelivery } from '../../outbox/delivery';
import { TEST_DATA_KEY, testSealer } from '../../outbox/testing';
import { createCaptureStaging } from '../../session/capture-staging';
import { createResidentSession } from '../../session/resident-session';
import type { IdCard } from '../../../drivers/idcard/card';
import { maskCard } from '../../../drivers/idcard/mask';
import type { ReceiptDocument } from '../../../drivers/printer/receipt-document';
import type { Catalog } from '../../../platform/contract/catalog';
import { catalogFixture } from '../../../tests/helpers/catalog-fixture';
import { kioskInfoFixture } from '../../../tests/helpers/kiosk-info-fixture';
import { memoryStore } from '../../testing/memory-store';

/**
 * Test support for the resident session and applications: a scripted device manager, a small
 * catalog, a fake platform answering over `fetch`, and the ServiceDeps that tie them together.
 */

export function fakeDeviceManager() {
  const cardListeners = new Set<(event: IdCardEvent, card: IdCard | null) => void>();
  const printed: Array<{ document: ReceiptDocument; reprint: boolean }> = [];
  const script = {
    idCardSignIn: true,
    printResult: null as Result<PrintOutcome, PrintFailure> | null,
  };
  const snapshot = (): DevicesSnapshot => ({
    devices: [],
    journeys: {
      idCardSignIn: script.idCardSignIn,
      selfServiceSubmission: true,
      output: 'paper',
      keypadRating: true,
      scanCodes: false,
    },
  });
  const devices: DeviceManager = {
    snapshot,
    onChange: () => () => undefined,
    onIdCard(listener) {
      cardListeners.add(listener);
      return () => cardListeners.delete(listener);
    },
    onKeypad: () => () => undefined,
    onScan: () => () => undefined,
    reportCamera: () => undefined,
    readCard: () => Promise.resolve(err({ kind: 'timeout', message: 'no card' })),
    print(document, options) {
      printed.push({ document, reprint: options?.reprint ?? false });
      return Promise.resolve(
        script.printResult ?? ok({ receiptId: document.id, printedAt: '2026-11-21T08:00:00.000Z' }),
      );
    },
    printerCounters: () => ({ printsSincePaperReplaced: 0, paperReplacedAt: null }),
    recordPaperReplaced: () => undefined,
    restart: () => Promise.resolve(),
    emulator: () => err('notAvailable'),
    close: () => Promise.resolve(),
  };
  return {
    devices,
    printed,
    script,
    readCard(card: IdCard) {
      for (const listener of [...cardListeners]) listener({ type: 'read', card: maskCard(card) }, card);
    },
  };
}

/** Three self-service matters (one with two required materials, one without a guide) and a guide-only one. */
export function applicationCatalog(): Catalog {
  const base = catalogFixture();
  const [elderly, relief, legal] = base.matters;
  if (!elderly || !relief || !legal) throw new Error('the catalog fixture changed');
  const guide = elderly.guide;
  if (!guide) throw new Error('the catalog fixture changed');
  return {
    ...base,
    matters: [
      elderly,
      {
        ...relief,
        channels: ['selfService', 'assistRequest'],
        guide: {
          ...guide,
          materials: [
            { ...guide.materials[0]!, name: '居民身份证' },
            { name: '户口簿', required: true, originals: 1, copies: 0, format: 'paper', source: '申请人自备' },
          ],
        },
      },
      {
        ...elderly,
        code: '370784-CJ-030',
        seq: 30,
        name: '高龄津贴申领',
        guide: null,
        promisedWorkingDays: 5,
        caseType: 'promised',
      },
      legal,
    ],
  };
}

/** A fake platform: PUT /materials and POST /applications answered as the contract says. */
export function fakePlatformFetch() {
  const requests: Array<{
    method: string;
    path: string;
    key: string | null;
    contentType: string | null;
    body: Buffer;
  }> = [];
  const state = { down: false, caseSeq: 0 };
  const accepted = new Map<string, unknown>();
  const respond = (input: Parameters<typeof globalThis.fetch>[0], init: RequestInit | undefined): Response => {
    if (state.down) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const headers = new Headers(init?.headers);
    const body =
      init?.body === undefined || init.body === null ? Buffer.alloc(0) : Buffer.from(init.body as Uint8Array | string);
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const key = headers.get('idempotency-key');
    requests.push({ method: init?.method ?? 'GET', path, key, contentType: headers.get('content-type'), body });
    const json = (status: number, value: unknown) =>
      new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
    if (init?.method === 'PUT' && path.startsWith('/materials/')) {
      const sha256 = path.slice('/materials/'.length);
      if (createHash('sha256').update(body).digest('hex') !== sha256) return json(422, { code: 'hashMismatch' });
      return json(201, { sha256, size: body.length, contentType: 'application/pdf', storedAt: '2026-11-21T08:00:00Z' });
    }
    if (init?.method === 'POST' && path === '/applications') {
      const known = key ? accepted.get(key) : undefined;
      if (known) return json(201, known);
      const submission = JSON.parse(body.toString('utf8')) as { localRef: string };
      state.caseSeq += 1;
      const answer = {
        caseNo: `AQ-20261121-${String(state.caseSeq).padStart(4, '0')}`,
        localRef: submission.localRef,
        acceptedAt: '2026-11-21T08:00:01Z',
        state: 'received',
        promisedBy: '2026-12-05',
        receiptLines: ['请保持电话畅通'],
      };
      if (key) accepted.set(key, answer);
      return json(201, answer);
    }
    return json(404, { code: 'notFound' });
  };
  const fetch: typeof globalThis.fetch = (input, init) => {
    try {
      return Promise.resolve(respond(input, init));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return { fetch, requests, state };
}

export function fakeCatalogSync(db: Database.Database) {
  const state = { stale: false, platform: 'reachable' as CatalogStatus['platform'] };
  const status = (): CatalogStatus => ({
    version: '2026.11.20-1',
    publishedAt: null,
    storedAt: null,
    confirmedAt: null,
    matterCount: Number(db.prepare('SELECT COUNT(*) FROM catalog_matter').pluck().get()),
    platform: state.platform,
    lastError: null,
    stale: state.stale,
  });
  const sync: CatalogSync = { status, syncOnce: () => Promise.resolve(status()) };
  return { sync, state };
}

export function migratedDb(path = ':memory:'): Database.Database {
  return memoryStore({ path });
}

/** A PDF the capture staging accepts, different for every seed. */
export function samplePdfBase64(seed: string): string {
  return Buffer.concat([
    Buffer.from(`%PDF-1.4\n% ${seed}\n`),
    Buffer.alloc(80, 0x20),
    Buffer.from('\n%%EOF\n'),
  ]).toString('base64');
}

export { TEST_DATA_KEY };

/** Everything an application handler needs, in memory, with the fakes above. */
export function createApplicationKit(options: { db?: Database.Database; info?: KioskInfo } = {}) {
  const db = options.db ?? migratedDb();
  replaceCatalog(db, applicationCatalog(), new Date().toISOString());
  const logger = silentLogger();
  const now = () => new Date();
  const fakes = fakeDeviceManager();
  const platform = fakePlatformFetch();
  const catalog = fakeCatalogSync(db);
  const captures = createCaptureStaging();
  const httpOptions = {
    baseUrl: 'http://platform.test/api/v1',
    token: 'test-token-0000000000',
    timeoutMs: 2_000,
    fetch: platform.fetch,
  };
  const sealer = testSealer();
  const outbox = startOutboxDelivery({ db, platform: httpOptions, logger, now, sealer, idlePollMs: 3_600_000 });
  const session = createResidentSession({ devices: fakes.devices, now, logger });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-applications-'));
  const deps: ServiceDeps = {
    db,
    info: options.info ?? kioskInfoFixture,
    platform: httpOptions,
    platformReachability: () => catalog.sync.status().platform,
    devices: fakes.devices,
    captures,
    outbox,
    sealer,
    session,
    catalogSync: catalog.sync,
    logger,
    now,
    dataDir,
  };
  return {
    deps,
    db,
    fakes,
    platform,
    catalog,
    captures,
    outbox,
    session,
    sealer,
    close: async () => {
      await outbox.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
