import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredRecords } from '../../contract/admin';
import type { ApplicationAccepted } from '../../contract/applications';
import { applicationBody, bookingBody, callbackRequestBody, ratingBody } from '../testing/bodies';
import { databaseFiles } from '../testing/byte-search';
import {
  ADMIN_TOKEN,
  createTestPlatform,
  makeTempDir,
  manualClock,
  startTestServer,
  type CheckedResponse,
  type RequestOptions,
  type TestPlatform,
  type TestServer,
} from '../testing/harness';
import { testEngine } from '../testing/test-database';
import { DEFAULT_RETENTION, type PlatformRetention } from './policy';
import { purgeExpired } from './purge';

/**
 * Retention with a moved clock: what outlived its period is gone from the tables (on either
 * engine), and on SQLite from the database file and the WAL too; what did not stays.
 */

const MONDAY_10 = '2026-03-02T10:00:00+08:00';
const DAY_MS = 24 * 60 * 60 * 1000;
const daysLater = (days: number) => new Date(Date.parse(MONDAY_10) + days * DAY_MS).toISOString();

let platform: TestPlatform | undefined;
let server: TestServer | undefined;
const temps: Array<{ remove(): void }> = [];
afterEach(async () => {
  await platform?.close();
  platform = undefined;
  await server?.cleanUp();
  server = undefined;
  temps.splice(0).forEach((temp) => temp.remove());
});

interface Requester {
  request(method: string, path: string, options?: RequestOptions): Promise<CheckedResponse>;
}

async function count(on: TestPlatform, table: string): Promise<number> {
  const row = await on.sql.get<{ count: number }>(`SELECT count(*) AS count FROM ${table}`);
  return row?.count ?? -1;
}

async function upload(server: Requester, text: string): Promise<{ sha256: string; size: number }> {
  const bytes = Buffer.from(text, 'utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const answer = await server.request('PUT', `/api/v1/materials/${sha256}`, {
    body: new Uint8Array(bytes),
    contentType: 'application/pdf',
  });
  expect(answer.status).toBe(201);
  return { sha256, size: bytes.length };
}

/** One record of every kind kept for a limited time; returns the case number. */
async function fill(server: Requester): Promise<string> {
  const page = await upload(server, '%PDF-1.4 referenced page');
  await upload(server, '%PDF-1.4 a page no application ever used');
  const body = applicationBody({
    materials: [{ name: '户口簿', pages: [{ ...page, contentType: 'application/pdf' }] }],
  });
  const { caseNo } = (await server.request('POST', '/api/v1/applications', { body })).json<ApplicationAccepted>();
  expect(
    (await server.request('POST', '/api/v1/appointments', { body: bookingBody('aq-jingzhi-centre.20260302T1030') }))
      .status,
  ).toBe(201);
  expect((await server.request('POST', '/api/v1/assistance-requests', { body: callbackRequestBody() })).status).toBe(
    201,
  );
  const bad = ratingBody({ level: 2, optionCodes: ['longWait'], callbackPhone: '13800001234' });
  expect((await server.request('POST', '/api/v1/ratings', { body: bad })).status).toBe(201);
  return caseNo;
}

const counts = async (on: TestPlatform) => ({
  idempotency: await count(on, 'idempotency_records'),
  applications: await count(on, 'applications'),
  materials: await count(on, 'materials'),
  appointments: await count(on, 'appointments'),
  assistance: await count(on, 'assistance_requests'),
  ratings: await count(on, 'ratings'),
  workOrders: await count(on, 'work_orders'),
});

const purgeAt = (on: TestPlatform, instant: string, retention: PlatformRetention = DEFAULT_RETENTION) =>
  purgeExpired(on.sql, retention, new Date(instant));

describe('the retention purge', { timeout: 60_000 }, () => {
  it('forgets each kind of record when its period is over, and keeps the rest', async () => {
    const clock = manualClock(MONDAY_10);
    const on = (platform = await createTestPlatform({ now: clock.now }));
    const caseNo = await fill(on);
    expect(await counts(on)).toEqual({
      idempotency: 4,
      applications: 1,
      materials: 2,
      appointments: 1,
      assistance: 1,
      ratings: 1,
      workOrders: 1,
    });

    expect(await purgeAt(on, daysLater(29))).toMatchObject({ idempotencyRecords: 0, materials: 0 });

    // Stored answers and the never-used upload go after 30 days; the referenced page stays.
    expect(await purgeAt(on, daysLater(31))).toEqual({
      idempotencyRecords: 4,
      applications: 0,
      materials: 1,
      appointments: 0,
      assistanceRequests: 0,
      ratings: 0,
      videoCalls: 0,
      videoRecordings: 0,
    });

    // Service records after 180 days (the appointment counts from its day, 2 March).
    clock.set(daysLater(181));
    await purgeAt(on, daysLater(181));
    expect(await counts(on)).toEqual({
      idempotency: 0,
      applications: 1,
      materials: 1,
      appointments: 0,
      assistance: 0,
      ratings: 0,
      workOrders: 0,
    });
    const listed = (await on.request('GET', '/_admin/records', { token: ADMIN_TOKEN })).json<StoredRecords>();
    expect(listed.applications.map((record) => record.caseNo)).toEqual([caseNo]);
    expect(listed.ratings).toEqual([]);
    expect(listed.assistanceRequests).toEqual([]);

    // The application, the county's record, after ten years, and its material with it.
    clock.set(daysLater(3651));
    await purgeAt(on, daysLater(3651));
    expect(await counts(on)).toMatchObject({ applications: 0, materials: 0 });
    expect(await count(on, 'record_arrivals')).toBe(0);
    expect((await on.request('GET', `/api/v1/cases/${caseNo}`)).status).toBe(404);
  });

  it('takes the periods it is given', async () => {
    const on = (platform = await createTestPlatform({ now: manualClock(MONDAY_10).now }));
    const retention = { ...DEFAULT_RETENTION, applicationDays: 400, serviceRecordDays: 30 };
    await fill(on);
    await purgeAt(on, daysLater(32), retention);
    expect(await counts(on)).toMatchObject({ applications: 1, appointments: 0, assistance: 0, ratings: 0 });
    await purgeAt(on, daysLater(401), retention);
    expect(await counts(on)).toMatchObject({ applications: 0, materials: 0 });
  });

  it('leaves the other instance nothing to do when two purge at once', async () => {
    const on = (platform = await createTestPlatform({ now: manualClock(MONDAY_10).now }));
    await fill(on);
    const [first, second] = await Promise.all([purgeAt(on, daysLater(181)), purgeAt(on, daysLater(181))]);
    // Each row is deleted once: the counts of the two runs add up to what there was.
    expect((first?.ratings ?? 0) + (second?.ratings ?? 0)).toBe(1);
    expect((first?.idempotencyRecords ?? 0) + (second?.idempotencyRecords ?? 0)).toBe(4);
    expect(await counts(on)).toMatchObject({ idempotency: 0, assistance: 0, ratings: 0, workOrders: 0 });
  });

  // The file and its WAL are SQLite's: PostgreSQL keeps dead rows until VACUUM, its own business.
  it.skipIf(testEngine() === 'postgres')(
    'overwrites what it deleted: the sealed bytes are in neither the database file nor the WAL afterwards',
    async () => {
      const clock = manualClock(MONDAY_10);
      const temp = makeTempDir();
      temps.push(temp);
      const dbPath = join(temp.dir, 'platform.db');
      const running = (server = await startTestServer({ dbPath, now: clock.now }));
      await fill(running);
      const sealed = sealedAssistanceRequest(dbPath);
      const holding = () => databaseFiles(dbPath).filter(({ bytes }) => bytes.includes(sealed));
      expect(holding().length).toBeGreaterThan(0);

      clock.set(daysLater(181));
      await running.server.purgeExpired();
      expect(holding()).toEqual([]);
      // The checkpoint truncated the WAL.
      expect(databaseFiles(dbPath).find(({ file }) => file.endsWith('-wal'))?.bytes.length ?? 0).toBe(0);
    },
  );

  it.skipIf(testEngine() === 'postgres')('runs at start and then on its interval', async () => {
    const clock = manualClock(MONDAY_10);
    const temp = makeTempDir();
    temps.push(temp);
    const dbPath = join(temp.dir, 'platform.db');
    const first = await startTestServer({ dbPath, now: clock.now });
    const page = createHash('sha256').update('%PDF-1.4 referenced page').digest('hex');
    const unused = createHash('sha256').update('%PDF-1.4 a page no application ever used').digest('hex');
    await fill(first);
    await first.close();

    clock.set(daysLater(31));
    const running = (server = await startTestServer({ dbPath, now: clock.now, purgeIntervalMs: 50 }));
    const records = async () =>
      (await running.request('GET', '/_admin/records', { token: ADMIN_TOKEN })).json<StoredRecords>();
    // The purge at start forgot the unused upload and kept the rest.
    expect((await running.request('GET', `/api/v1/materials/${unused}`)).status).toBe(404);
    expect((await running.request('GET', `/api/v1/materials/${page}`)).status).toBe(200);
    expect((await records()).assistanceRequests).toHaveLength(1);

    // The interval's purge, whenever it comes: wait for it by what it does, not by a time.
    clock.set(daysLater(181));
    let listed = await records();
    while (listed.assistanceRequests.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      listed = await records();
    }
    expect(listed).toMatchObject({ ratings: [], applications: [expect.anything()] });
  });
});

/** The sealed bytes of the one assistance request, read beside the running server. */
function sealedAssistanceRequest(dbPath: string): Buffer {
  const reader = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = reader.prepare('SELECT sealed_request FROM assistance_requests').get() as
      { sealed_request: Buffer } | undefined;
    if (!row) throw new Error('no assistance request stored');
    return row.sealed_request;
  } finally {
    reader.close();
  }
}
