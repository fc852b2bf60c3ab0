import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredRecords } from '../../contract/admin';
import type { ApplicationAccepted } from '../../contract/applications';
import { applicationBody, bookingBody, callbackRequestBody, ratingBody } from '../testing/bodies';
import { databaseFiles } from '../testing/byte-search';
import { ADMIN_TOKEN, makeTempDir, manualClock, startTestServer, type TestServer } from '../testing/harness';

/**
 * Retention with a moved clock: what outlived its period is gone from the tables, from the
 * database file and from the WAL; what did not stays.
 */

const MONDAY_10 = '2026-03-02T10:00:00+08:00';
const DAY_MS = 24 * 60 * 60 * 1000;
const daysLater = (days: number) => new Date(Date.parse(MONDAY_10) + days * DAY_MS).toISOString();

let platform: TestServer | undefined;
const temps: Array<{ remove(): void }> = [];
afterEach(async () => {
  await platform?.cleanUp();
  platform = undefined;
  temps.splice(0).forEach((temp) => temp.remove());
});

const count = (server: TestServer, table: string) =>
  server.server.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

async function upload(server: TestServer, text: string): Promise<{ sha256: string; size: number }> {
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
async function fill(server: TestServer): Promise<string> {
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

const counts = (server: TestServer) => ({
  idempotency: count(server, 'idempotency_records'),
  applications: count(server, 'applications'),
  materials: count(server, 'materials'),
  appointments: count(server, 'appointments'),
  assistance: count(server, 'assistance_requests'),
  ratings: count(server, 'ratings'),
  workOrders: count(server, 'work_orders'),
});

describe('the retention purge', { timeout: 60_000 }, () => {
  it('forgets each kind of record when its period is over, and keeps the rest', async () => {
    const clock = manualClock(MONDAY_10);
    platform = await startTestServer({ now: clock.now });
    const caseNo = await fill(platform);
    expect(counts(platform)).toEqual({
      idempotency: 4,
      applications: 1,
      materials: 2,
      appointments: 1,
      assistance: 1,
      ratings: 1,
      workOrders: 1,
    });

    clock.set(daysLater(29));
    expect(platform.server.purgeExpired()).toMatchObject({ idempotencyRecords: 0, materials: 0 });

    // Stored answers and the never-used upload go after 30 days; the referenced page stays.
    clock.set(daysLater(31));
    expect(platform.server.purgeExpired()).toEqual({
      idempotencyRecords: 4,
      applications: 0,
      materials: 1,
      appointments: 0,
      assistanceRequests: 0,
      ratings: 0,
    });

    // Service records after 180 days (the appointment counts from its day, 2 March).
    clock.set(daysLater(181));
    platform.server.purgeExpired();
    expect(counts(platform)).toEqual({
      idempotency: 0,
      applications: 1,
      materials: 1,
      appointments: 0,
      assistance: 0,
      ratings: 0,
      workOrders: 0,
    });
    const listed = (await platform.request('GET', '/_admin/records', { token: ADMIN_TOKEN })).json<StoredRecords>();
    expect(listed.applications.map((record) => record.caseNo)).toEqual([caseNo]);
    expect(listed.ratings).toEqual([]);
    expect(listed.assistanceRequests).toEqual([]);

    // The application, the county's record, after ten years, and its material with it.
    clock.set(daysLater(3651));
    platform.server.purgeExpired();
    expect(counts(platform)).toMatchObject({ applications: 0, materials: 0 });
    expect(platform.server.db.prepare('SELECT count(*) FROM record_arrivals').pluck().get()).toBe(0);
    expect((await platform.request('GET', `/api/v1/cases/${caseNo}`)).status).toBe(404);
  });

  it('takes the periods it is given', async () => {
    const clock = manualClock(MONDAY_10);
    platform = await startTestServer({ now: clock.now, retention: { applicationDays: 400, serviceRecordDays: 30 } });
    await fill(platform);
    clock.set(daysLater(32));
    platform.server.purgeExpired();
    expect(counts(platform)).toMatchObject({ applications: 1, appointments: 0, assistance: 0, ratings: 0 });
    clock.set(daysLater(401));
    platform.server.purgeExpired();
    expect(counts(platform)).toMatchObject({ applications: 0, materials: 0 });
  });

  it('overwrites what it deleted: the sealed bytes are in neither the database file nor the WAL afterwards', async () => {
    const clock = manualClock(MONDAY_10);
    platform = await startTestServer({ now: clock.now });
    await fill(platform);
    const sealed = platform.server.db.prepare('SELECT sealed_request FROM assistance_requests').pluck().get() as Buffer;
    const holding = () => databaseFiles(platform?.dbPath ?? '').filter(({ bytes }) => bytes.includes(sealed));
    expect(holding().length).toBeGreaterThan(0);

    clock.set(daysLater(181));
    platform.server.purgeExpired();
    expect(holding()).toEqual([]);
    // The checkpoint truncated the WAL.
    expect(databaseFiles(platform.dbPath).find(({ file }) => file.endsWith('-wal'))?.bytes.length ?? 0).toBe(0);
  });

  it('runs at start and then on its interval', async () => {
    const clock = manualClock(MONDAY_10);
    const temp = makeTempDir();
    temps.push(temp);
    const dbPath = join(temp.dir, 'platform.db');
    const first = await startTestServer({ dbPath, now: clock.now });
    await fill(first);
    await first.close();

    clock.set(daysLater(31));
    platform = await startTestServer({ dbPath, now: clock.now, purgeIntervalMs: 50 });
    expect(counts(platform)).toMatchObject({ idempotency: 0, materials: 1, assistance: 1 });

    clock.set(daysLater(181));
    const deadline = Date.now() + 5_000;
    while (count(platform, 'assistance_requests') > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(counts(platform)).toMatchObject({ assistance: 0, ratings: 0, appointments: 0, applications: 1 });
  });
});
