import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RatingSubmission } from '../../platform/contract/ratings';
import type { KioskAssistanceRequest } from '../assistance/assistance-request';
import { idCardFixtures } from '../../drivers/idcard';
import { buildApplicationHandlers } from '../applications/handlers';
import { catalogVariant } from '../../tests/helpers/catalog-fixture';
import { fakePlatform } from '../testing/fake-platform';
import { applicationRoutes, samplePdfBase64 } from '../testing/platform-applications';
import { testServiceDeps, type TestServiceDeps } from '../testing/service-deps';
import { saveAssistanceRequest } from '../assistance/assistance-store';
import { createPrintLedgerStore } from '../devices/print-ledger-store';
import { enqueue, markDeadLetter, markSent } from '../outbox/outbox-store';
import { isRated, saveRating } from '../ratings/rating-store';
import { sessionControl } from '../session/resident-session';
import { saveInspection } from '../technician/inspection-store';
import { sampleInspectionReport } from '../testing/outbox';
import { chinaDay } from '../time/china-time';
import { purgeDelivered } from './purge-store';

const DAY = 24 * 60 * 60_000;
// The kit's handlers deliver at the real time, so the test's days count from now.
const T0 = new Date();
const days = (n: number) => new Date(T0.getTime() + n * DAY);

let kit: TestServiceDeps<'real'>;
beforeEach(() => {
  kit = testServiceDeps({
    session: 'real',
    dataDir: 'temp',
    catalog: catalogVariant('applications'),
    platform: fakePlatform({ routes: applicationRoutes(), replayByIdempotencyKey: true }),
  });
});
afterEach(async () => kit.close());

const count = (table: string) => Number(kit.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());

async function deliveredApplication(): Promise<string> {
  const handlers = buildApplicationHandlers(kit.deps, { deliveryWaitMs: 2_000 });
  const card = idCardFixtures.elderlyResident;
  sessionControl(kit.session).signIn(
    { person: { name: card.name, idType: 'residentIdCard', idNumber: card.idNumber }, proof: { kind: 'card', card } },
    'applicant',
  );
  const staged = kit.captures.stage({
    materialName: '居民身份证',
    pageCount: 1,
    pdfBase64: samplePdfBase64(randomUUID()),
  });
  if (!staged.ok) throw new Error(staged.error.message);
  const receipt = await handlers['application.submit'](
    {
      confirmationId: randomUUID(),
      matterCodes: ['370784-CJ-013'],
      lifeEventId: null,
      form: { applicantName: card.name, phone: '13800001234' },
      materials: [{ name: '居民身份证', captureIds: [staged.value.captureId] }],
      delivery: { method: 'pickUp' },
    },
    { host: 'test', requestId: 'purge' },
  );
  if (!receipt.ok || receipt.value.status !== 'delivered') throw new Error('the application was not delivered');
  return receipt.value.localRef;
}

const rating = (ref: string, level = 2): RatingSubmission => ({
  subject: { kind: 'progressQuery', ref },
  matter: null,
  stationId: '370784-JZ-DB',
  channel: 'selfServiceTerminal',
  level,
  optionsVersion: '2025.1',
  optionCodes: [],
  evaluator: 'applicant',
  callbackPhone: '13912345678',
  ratedAt: T0.toISOString(),
  offline: false,
});

const help = (): KioskAssistanceRequest => ({
  kind: 'homeVisit',
  stationId: '370784-JZ-DB',
  requesterName: '赵一',
  matter: null,
  caseNo: null,
  needs: ['elderly'],
  requestedAt: T0.toISOString(),
  offline: false,
  phone: '13912345678',
  address: '东埠村三组12号',
  preferredDate: null,
});

describe('purgeDelivered', () => {
  it('deletes what the platform confirmed before the cutoff, with everything pointing at it', async () => {
    const localRef = await deliveredApplication();
    expect(count('application')).toBe(1);
    expect(count('application_blob')).toBe(1);
    expect(count('application_page')).toBe(1);

    const rated = saveRating(kit.db, kit.sealer, { confirmationId: randomUUID(), body: rating('AQ-2026-000001') }, T0);
    if (rated.kind !== 'saved') throw new Error(rated.kind);
    markSent(kit.db, rated.outboxId, { ratingId: 'R-1' }, T0);
    const helped = saveAssistanceRequest(
      kit.db,
      kit.sealer,
      { confirmationId: randomUUID(), localRef: 'HLP-20261121-AAAAAA', body: help() },
      T0,
    );
    markSent(kit.db, helped.stored.outboxId, { requestId: 'AR-1', expectedContactWithinHours: 48 }, T0);
    const ledger = createPrintLedgerStore(kit.db, () => T0);
    ledger.claim(`receipt-${localRef}`, false);
    ledger.markPrinted(`receipt-${localRef}`);

    // Thirty days on, nothing is old enough yet.
    expect(purgeDelivered(kit.db, kit.sealer, days(-1))).toEqual({
      applications: 0,
      ratings: 0,
      assistanceRequests: 0,
      tickets: 0,
      outboxRows: 0,
      printJobs: 0,
    });

    const outboxBefore = count('outbox');
    const report = purgeDelivered(kit.db, kit.sealer, days(1));
    expect(report).toEqual({
      applications: 1,
      ratings: 1,
      assistanceRequests: 1,
      tickets: 0,
      outboxRows: outboxBefore,
      printJobs: 1,
    });
    for (const table of [
      'application',
      'application_matter',
      'application_blob',
      'application_page',
      'rating',
      'assistance_request',
      'outbox',
      'print_job',
    ]) {
      expect(count(table), table).toBe(0);
    }
  });

  it('keeps undelivered items, dead letters, recent deliveries and inspections', () => {
    const pending = saveAssistanceRequest(
      kit.db,
      kit.sealer,
      { confirmationId: randomUUID(), localRef: 'HLP-20261121-BBBBBB', body: help() },
      T0,
    );
    const refused = saveRating(
      kit.db,
      kit.sealer,
      { confirmationId: randomUUID(), body: rating('AQ-2026-000002') },
      T0,
    );
    if (refused.kind !== 'saved') throw new Error(refused.kind);
    markDeadLetter(kit.db, refused.outboxId, 'platform answered 422');
    const recent = saveRating(kit.db, kit.sealer, { confirmationId: randomUUID(), body: rating('AQ-2026-000003') }, T0);
    if (recent.kind !== 'saved') throw new Error(recent.kind);
    markSent(kit.db, recent.outboxId, {}, days(40));
    const inspection = saveInspection(kit.db, kit.sealer, sampleInspectionReport(), 'KIOSK-TEST-01', T0);
    markSent(kit.db, inspection.outboxId, { inspectionId: 'INSP-1' }, T0);

    expect(purgeDelivered(kit.db, kit.sealer, days(31))).toMatchObject({
      ratings: 0,
      assistanceRequests: 0,
      outboxRows: 0,
    });
    expect(count('assistance_request')).toBe(1);
    expect(count('rating')).toBe(2);
    expect(count('inspection')).toBe(1);
    expect(kit.db.prepare('SELECT state FROM outbox WHERE id = ?').pluck().get(pending.stored.outboxId)).toBe(
      'pending',
    );
  });

  it('keeps 一次一评 after the purge: a case rated then purged cannot be rated again', () => {
    const saved = saveRating(kit.db, kit.sealer, { confirmationId: randomUUID(), body: rating('AQ-2026-000004') }, T0);
    if (saved.kind !== 'saved') throw new Error(saved.kind);
    markSent(kit.db, saved.outboxId, {}, T0);
    purgeDelivered(kit.db, kit.sealer, days(31));
    expect(count('rating')).toBe(0);
    // Nothing readable is left: a keyed hash and the day.
    const kept = kit.db.prepare('SELECT service_key, rated_on FROM rated_service').all();
    expect(kept).toEqual([{ service_key: expect.stringMatching(/^[0-9a-f]{64}$/), rated_on: chinaDay(T0) }]);
    expect(JSON.stringify(kept)).not.toContain('AQ-2026-000004');

    expect(isRated(kit.db, kit.sealer, 'progressQuery', 'AQ-2026-000004')).toBe(true);
    expect(isRated(kit.db, kit.sealer, 'progressQuery', 'AQ-2026-000005')).toBe(false);
    const again = saveRating(
      kit.db,
      kit.sealer,
      { confirmationId: randomUUID(), body: rating('AQ-2026-000004', 5) },
      days(40),
    );
    expect(again).toEqual({ kind: 'alreadyRated' });
  });

  it('deletes tickets of past days, online or offline once their report was delivered', () => {
    const at = T0.toISOString();
    const request = kit.db.prepare(
      `INSERT INTO queue_ticket_request (confirmation_id, idempotency_key, service_code, body, created_at, outcome)
       VALUES (?, ?, 'SOCIAL', '{}', ?, ?)`,
    );
    const online = randomUUID();
    request.run(online, `ticket-${online}`, at, 'online');
    kit.db
      .prepare(
        `INSERT INTO queue_ticket (confirmation_id, ticket_id, source, ticket, issued_at) VALUES (?, 'T-1', 'online', '{}', ?)`,
      )
      .run(online, at);
    const refusedPress = randomUUID();
    request.run(refusedPress, `ticket-${refusedPress}`, at, 'refused');
    kit.db
      .prepare(
        `INSERT INTO queue_ticket_range (range_id, service_code, prefix, day, first_number, last_number, next_number, reserved_at)
         VALUES ('R-1', 'SOCIAL', 'A', '2026-11-21', 500, 599, 501, ?)`,
      )
      .run(at);
    const offline = randomUUID();
    request.run(offline, `ticket-${offline}`, at, 'offline');
    const report = enqueue(
      kit.db,
      kit.sealer,
      {
        kind: 'offlineTicket',
        operation: 'reportOfflineTickets',
        params: { terminalId: 'T-1' },
        body: { rangeId: 'R-1', tickets: [] },
      },
      T0,
    );
    kit.db
      .prepare(
        `INSERT INTO queue_ticket (confirmation_id, ticket_id, source, range_id, number, ticket, outbox_id, issued_at)
         VALUES (?, 'T-2', 'offlineRange', 'R-1', 500, '{}', ?, ?)`,
      )
      .run(offline, report.id, at);

    // The offline ticket's report is not delivered yet: it stays, with its press.
    expect(purgeDelivered(kit.db, kit.sealer, days(31))).toMatchObject({ tickets: 1 });
    expect(kit.db.prepare('SELECT confirmation_id FROM queue_ticket_request').pluck().all()).toEqual([offline]);
    markSent(kit.db, report.id, {}, T0);
    expect(purgeDelivered(kit.db, kit.sealer, days(31))).toMatchObject({ tickets: 1, outboxRows: 1 });
    expect(count('queue_ticket')).toBe(0);
    expect(count('queue_ticket_request')).toBe(0);
  });
});
