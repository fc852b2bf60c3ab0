import { afterEach, describe, expect, it } from 'vitest';
import type { StoredRecords } from '../../contract/admin';
import type { ApplicationAccepted } from '../../contract/applications';
import type { TicketRange } from '../../contract/queue';
import type { RatingAccepted } from '../../contract/ratings';
import { ratingRowCount } from '../store/ratings';
import { applicationBody, callbackRequestBody, ratingBody, ticketRequestBody } from '../testing/bodies';
import {
  ADMIN_TOKEN,
  createTestPlatform,
  KIOSK_1,
  KIOSK_2,
  manualClock,
  newKey,
  type TestPlatform,
} from '../testing/harness';

let platform: TestPlatform;
afterEach(async () => {
  await platform.close();
});

const MONDAY_10 = '2026-03-02T10:00:00+08:00';
const rate = (body = ratingBody(), options: { token?: string; key?: string } = {}) =>
  platform.request('POST', '/api/v1/ratings', { body, token: options.token, idempotencyKey: options.key ?? newKey() });

describe('POST /api/v1/ratings', () => {
  it('stores a good rating of a ticket without a work order', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const response = await rate();
    expect(response.status).toBe(201);
    expect(response.json<RatingAccepted>()).toEqual({
      ratingId: 'RT-20260302-0001',
      subject: { kind: 'ticket', ref: 'TK-20260302-0001' },
      level: 5,
      acceptedAt: '2026-03-02T02:00:00.000Z',
      workOrderNo: null,
      followUpBy: null,
    });
  });

  it('turns 不满意 into a work order followed up within 15 working days (weekends skipped)', async () => {
    const clock = manualClock(MONDAY_10);
    platform = await createTestPlatform({ now: clock.now });
    const bad = ratingBody({ level: 2, optionCodes: ['longWait'], callbackPhone: '13800001234' });
    expect((await rate(bad)).json<RatingAccepted>()).toMatchObject({
      workOrderNo: 'WO-20260302-0001',
      followUpBy: '2026-03-23',
    });
    clock.set('2026-03-06T16:00:00+08:00'); // a Friday
    const worst = ratingBody({ level: 1, optionCodes: [], subject: { kind: 'appointment', ref: 'AP-20260302-0001' } });
    expect((await rate(worst)).json<RatingAccepted>()).toMatchObject({
      workOrderNo: 'WO-20260306-0001',
      followUpBy: '2026-03-27',
    });
  });

  it('resolves an application rated offline by its localRef to the 办件编号, for the same terminal only', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const application = applicationBody();
    const { caseNo } = (
      await platform.request('POST', '/api/v1/applications', { body: application })
    ).json<ApplicationAccepted>();
    const byLocalRef = ratingBody({ subject: { kind: 'application', ref: application.localRef } });

    const fromOther = await rate({ ...byLocalRef, stationId: KIOSK_2.stationId }, { token: KIOSK_2.token });
    expect(fromOther.json()).toMatchObject({ status: 422, code: 'caseNotFound' });

    const accepted = (await rate(byLocalRef)).json<RatingAccepted>();
    expect(accepted.subject).toEqual({ kind: 'application', ref: caseNo });
    // One rating per case, whether it is named by number or by localRef.
    const byNumber = await rate(ratingBody({ subject: { kind: 'application', ref: caseNo } }));
    expect(byNumber.json()).toMatchObject({ status: 409, code: 'ratingAlreadyExists' });
    expect((await rate(byLocalRef)).status).toBe(409);
    expect(await ratingRowCount(platform.sql)).toBe(1);
  });

  it('answers 422 caseNotFound for an application that does not exist', async () => {
    platform = await createTestPlatform();
    const response = await rate(ratingBody({ subject: { kind: 'application', ref: '370784-20260302-000404' } }));
    expect(response.json()).toMatchObject({ status: 422, code: 'caseNotFound' });
  });

  it('checks the matter, the options version and the options of the level', async () => {
    platform = await createTestPlatform();
    const unknownMatter = ratingBody({ matter: { matterCode: 'NOPE-1', matterVersion: 1, matterName: '无' } });
    expect((await rate(unknownMatter)).json()).toMatchObject({ code: 'unknownMatter' });
    expect((await rate(ratingBody({ optionsVersion: '1999.1' }))).json()).toMatchObject({
      code: 'ratingOptionsOutdated',
    });
    const wrongOption = await rate(ratingBody({ optionCodes: ['longWait'] }));
    expect(wrongOption.json()).toMatchObject({ code: 'validationFailed', errors: [{ path: '/optionCodes/0' }] });
    expect(await ratingRowCount(platform.sql)).toBe(0);
  });

  it('replays a lost answer and stores one rating', async () => {
    platform = await createTestPlatform();
    const key = newKey();
    const first = await rate(ratingBody(), { key });
    const again = await rate(ratingBody(), { key });
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await ratingRowCount(platform.sql)).toBe(1);
  });
});

describe('GET /_admin/records', () => {
  it('lists what kiosks delivered with one row each, in arrival order across kinds', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const application = applicationBody();
    const key = newKey();
    await platform.request('POST', '/api/v1/applications', { body: application, idempotencyKey: key });
    await platform.request('POST', '/api/v1/applications', { body: application, idempotencyKey: key });
    await rate(ratingBody({ subject: { kind: 'application', ref: application.localRef } }));
    await platform.request('POST', `/api/v1/stations/${KIOSK_1.stationId}/tickets`, { body: ticketRequestBody() });
    const range = (
      await platform.request('POST', `/api/v1/terminals/${KIOSK_1.id}/ticket-ranges`, {
        body: { stationId: KIOSK_1.stationId, serviceCode: 'general', date: '2026-03-02', size: 5 },
      })
    ).json<TicketRange>();
    await platform.request('POST', `/api/v1/terminals/${KIOSK_1.id}/offline-tickets`, {
      body: {
        rangeId: range.rangeId,
        tickets: [
          {
            number: range.first,
            ticketNo: `C${range.first}`,
            priority: 'normal',
            appointmentId: null,
            issuedAt: MONDAY_10,
          },
        ],
      },
    });
    await platform.request('POST', '/api/v1/assistance-requests', { body: callbackRequestBody() });

    expect((await platform.request('GET', '/_admin/records')).status).toBe(401);
    const records = (await platform.request('GET', '/_admin/records', { token: ADMIN_TOKEN })).json<StoredRecords>();
    expect(records.applications).toEqual([
      expect.objectContaining({ localRef: application.localRef, terminalId: KIOSK_1.id, rows: 1, arrival: 1 }),
    ]);
    const caseNo = records.applications[0]?.caseNo;
    expect(records.ratings).toEqual([
      expect.objectContaining({
        subjectKind: 'application',
        subjectRef: caseNo,
        submittedRef: application.localRef,
        rows: 1,
        arrival: 2,
      }),
    ]);
    expect(
      records.tickets.map((ticket) => [ticket.source, ticket.rangeId, ticket.number, ticket.rows, ticket.arrival]),
    ).toEqual([
      ['online', null, 1, 1, 3],
      ['offlineRange', range.rangeId, range.first, 1, 4],
    ]);
    expect(records.assistanceRequests).toEqual([
      expect.objectContaining({ kind: 'callback', requestedAt: '2026-03-01T10:00:00+08:00', rows: 1, arrival: 5 }),
    ]);
  });
});
