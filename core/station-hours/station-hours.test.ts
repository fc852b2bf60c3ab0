import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../../platform/contract/work-calendar';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../platform/embedded';
import { testServiceDeps, testCallContext as ctx, type TestServiceDeps } from '../testing/service-deps';
import { json } from '../testing/fake-platform';
import { refreshPlatformDocument } from '../platform-documents/fetch';
import { buildStationHandlers } from './handlers';
import { WORK_CALENDAR } from './station-hours';

/**
 * The station's hours on the calendar the platform publishes: fetched from the embedded platform
 * (its seeded 2025–2027 calendar), stored, and read back offline. The fixture station is staffed
 * 08:30–17:30 Monday to Friday and 09:00–12:00 on Saturdays.
 */

const TOKEN = 'token-station-hours-000000';
let platform: EmbeddedPlatform;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'station-hours-'));
  platform = await startEmbeddedPlatform({
    dbPath: join(dir, 'platform.sqlite'),
    port: 0,
    terminals: [{ id: 'KIOSK-TEST-01', token: TOKEN, stationId: 'TEST-STATION' }],
  });
});
afterAll(async () => {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

let t: TestServiceDeps;
let clock = new Date();
afterEach(async () => {
  await t.close();
});

async function setUp(at: string, options: { fetchCalendar: boolean } = { fetchCalendar: true }) {
  clock = new Date(at);
  t = testServiceDeps({ token: TOKEN, now: () => clock });
  t.platform.fallbackBaseUrl = platform.baseUrl;
  if (options.fetchCalendar) {
    const fetched = await refreshPlatformDocument(t.deps, WORK_CALENDAR);
    if (!fetched.ok) throw new Error(JSON.stringify(fetched.error));
  }
  return buildStationHandlers(t.deps);
}

const hoursNow = async (handlers: ReturnType<typeof buildStationHandlers>) => {
  const answer = await handlers['station.hours']({}, ctx);
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.value;
};

describe('station.hours on the published calendar', () => {
  it('on 国庆 nobody is on duty, and the next staffed morning is after the holiday', async () => {
    const handlers = await setUp('2026-10-01T10:00:00+08:00');
    const hours = await hoursNow(handlers);
    expect(hours.today).toEqual({ date: '2026-10-01', weekday: 4, kind: 'holiday', holiday: '国庆节' });
    expect(hours.presence).toEqual({
      state: 'offDuty',
      next: {
        startsAt: '2026-10-08T00:30:00.000Z',
        day: { date: '2026-10-08', weekday: 4, kind: 'workday', holiday: null },
      },
    });
    expect(hours.calendar).toEqual({ version: '2026.12.01-1', coverage: 'official' });
    expect(hours.upcoming.map((entry) => [entry.day.date, entry.staffed])).toEqual([
      ['2026-10-01', false],
      ['2026-10-02', false],
      ['2026-10-03', false],
      ['2026-10-04', false],
      ['2026-10-05', false],
      ['2026-10-06', false],
      ['2026-10-07', false],
    ]);
  });

  it('keeps working-day hours on the make-up Saturday, not the Saturday morning service', async () => {
    const handlers = await setUp('2026-10-10T15:00:00+08:00');
    expect((await hoursNow(handlers)).presence).toEqual({
      state: 'onDuty',
      until: '2026-10-10T09:30:00.000Z',
      dayEndsAt: '2026-10-10T09:30:00.000Z',
    });
  });

  it('holds offline from the stored copy, and knows only weekends before a calendar was ever fetched', async () => {
    const handlers = await setUp('2026-10-01T10:00:00+08:00');
    t.platform.online = false;
    expect((await hoursNow(handlers)).today.kind).toBe('holiday');

    const fresh = await setUp('2026-10-01T10:00:00+08:00', { fetchCalendar: false });
    const plain = await hoursNow(fresh);
    expect(plain.calendar).toEqual({ version: null, coverage: 'unknown' });
    expect(plain.presence.state).toBe('onDuty');
  });

  it('follows a calendar the county publishes later, without a kiosk release', async () => {
    const handlers = await setUp('2026-12-21T10:00:00+08:00');
    expect((await hoursNow(handlers)).presence.state).toBe('onDuty');
    const seeded: unknown = await (
      await t.platform.fetch('http://platform.test/api/v1/calendar', { headers: { authorization: `Bearer ${TOKEN}` } })
    ).json();
    const local: WorkCalendar = {
      ...(seeded as WorkCalendar),
      version: '2026.12.20-1',
      holidays: [
        ...(seeded as WorkCalendar).holidays,
        { name: '县庆', firstDay: '2026-12-21', lastDay: '2026-12-21', makeUpWorkdays: [] },
      ],
    };
    t.platform.routes.set('GET /calendar', () => json(200, local, { etag: '"2026.12.20-1"' }));
    await refreshPlatformDocument(t.deps, WORK_CALENDAR);
    const hours = await hoursNow(handlers);
    expect(hours.today).toMatchObject({ kind: 'holiday', holiday: '县庆' });
    expect(hours.calendar.version).toBe('2026.12.20-1');
  });
});
