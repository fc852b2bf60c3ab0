import { afterEach, describe, expect, it } from 'vitest';
import type { QueueStatus } from '../../contract/queue';
import type { RatingAccepted } from '../../contract/ratings';
import type { WorkCalendar } from '../../contract/work-calendar';
import { SEED_WORK_CALENDAR, SEED_WORK_CALENDAR_VERSION } from '../../seed/work-calendar';
import { publishWorkCalendar } from '../store/reference-data';
import { ratingBody } from '../testing/bodies';
import { createTestPlatform, KIOSK_1, manualClock, newKey, type TestPlatform } from '../testing/harness';

let platform: TestPlatform;
afterEach(() => platform.close());

describe('GET /api/v1/calendar', () => {
  it('serves the seeded calendar with its version as the ETag, and 304 for the version held', async () => {
    platform = await createTestPlatform();
    const response = await platform.request('GET', '/api/v1/calendar');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${SEED_WORK_CALENDAR_VERSION}"`);
    const calendar = response.json<WorkCalendar>();
    expect(calendar.years.map((year) => [year.year, year.status])).toEqual([
      [2025, 'official'],
      [2026, 'official'],
      [2027, 'provisional'],
    ]);
    const again = await platform.request('GET', '/api/v1/calendar', {
      headers: { 'if-none-match': response.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('serves a version the county publishes later, and refuses one that breaks the rules', async () => {
    platform = await createTestPlatform();
    const local: WorkCalendar = {
      ...SEED_WORK_CALENDAR,
      version: '2026.12.20-1',
      holidays: [
        ...SEED_WORK_CALENDAR.holidays,
        { name: '县庆', firstDay: '2026-12-21', lastDay: '2026-12-21', makeUpWorkdays: [] },
      ],
    };
    expect(await publishWorkCalendar(platform.sql, local)).toEqual({ ok: true, value: 'published' });
    const served = (await platform.request('GET', '/api/v1/calendar')).json<WorkCalendar>();
    expect(served.version).toBe('2026.12.20-1');
    const broken = {
      ...local,
      version: 'broken',
      holidays: [{ ...local.holidays[0]!, makeUpWorkdays: ['2025-01-02'] }],
    };
    const refused = await publishWorkCalendar(platform.sql, broken);
    expect(refused.ok).toBe(false);
  });
});

describe('the platform counts working days on the calendar', () => {
  it('sets a follow-up 15 working days after a 不满意 rating past 国庆 and the make-up Saturday', async () => {
    platform = await createTestPlatform({ now: manualClock('2026-09-28T10:00:00+08:00').now });
    const bad = ratingBody({ level: 2, optionCodes: ['longWait'], callbackPhone: '13800001234' });
    const accepted = await platform.request('POST', '/api/v1/ratings', { body: bad, idempotencyKey: newKey() });
    expect(accepted.json<RatingAccepted>().followUpBy).toBe('2026-10-23');
  });

  it('has no open queue on a public holiday and on a Sunday, and an open one on a make-up Saturday', async () => {
    const clock = manualClock('2026-10-05T09:00:00+08:00');
    platform = await createTestPlatform({ now: clock.now });
    const queues = async () =>
      (await platform.request('GET', `/api/v1/stations/${KIOSK_1.stationId}/queues`)).json<QueueStatus>();
    expect((await queues()).services.map((service) => service.open)).not.toContain(true);
    clock.set('2026-10-11T09:00:00+08:00'); // a Sunday
    expect((await queues()).services.map((service) => service.open)).not.toContain(true);
    clock.set('2026-10-10T09:00:00+08:00'); // the make-up Saturday
    expect((await queues()).services.every((service) => service.open)).toBe(true);
    clock.set('2026-10-10T18:00:00+08:00'); // after the day's last window closed
    expect((await queues()).services.map((service) => service.open)).not.toContain(true);
  });

  it('offers no appointment slots on a holiday and working-day slots on a make-up Saturday', async () => {
    platform = await createTestPlatform({ now: manualClock('2026-09-30T18:00:00+08:00').now });
    const slots = async (date: string) =>
      (await platform.request('GET', `/api/v1/service-points/aq-jingzhi-centre/appointment-slots?date=${date}`)).json<{
        slots: unknown[];
      }>().slots.length;
    expect(await slots('2026-10-02')).toBe(0);
    expect(await slots('2026-10-09')).toBeGreaterThan(0);
    expect(await slots('2026-10-10')).toBe(await slots('2026-10-09'));
    expect(await slots('2026-10-11')).toBe(0);
  });
});
