import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CalendarPublished, CalendarSummary } from '../../contract/console/work-order-views';
import type { WorkCalendar } from '../../contract/work-calendar';
import { SEED_WORK_CALENDAR, SEED_WORK_CALENDAR_VERSION } from '../../seed/work-calendar';
import { parsePublishCalendarArgs, publishCalendarFile } from '../cli/publish-calendar';
import { createConsoleTestPlatform, type ConsoleTestPlatform } from '../console/testing/console-platform';
import { openDatabase } from '../db/open-database';
import { sealerForDatabase } from '../sealing/database-key';
import { currentDocument } from '../store/documents';
import { currentWorkingDays } from '../store/published';
import { publishWorkCalendar } from '../store/reference-data';
import { registerTerminal } from '../store/terminals';
import { makeTempDir } from '../testing/harness';
import { openTestDatabase } from '../testing/test-database';
import { ephemeralSealer } from '../sealing/sealer';
import { compareVersions, publishNewerCalendar } from './calendar-publishing';

const KIOSK = { id: 'kiosk-9', token: 'token-kiosk-9-zzzzzzzz', stationId: 'station-1' };

/** The 2027 notice came out: 2027 official, 春节 7 days with two make-up Saturdays (an example, not the real notice). */
const NEXT: WorkCalendar = {
  ...SEED_WORK_CALENDAR,
  version: '2027.11.10-1',
  publishedAt: '2027-11-10T09:00:00+08:00',
  years: SEED_WORK_CALENDAR.years.map((year) => (year.year === 2027 ? { ...year, status: 'official' } : year)),
  holidays: SEED_WORK_CALENDAR.holidays.map((holiday) =>
    holiday.name === '春节' && holiday.firstDay.startsWith('2027')
      ? { ...holiday, lastDay: '2027-02-11', makeUpWorkdays: ['2027-01-30', '2027-02-20'] }
      : holiday,
  ),
};

const platforms: ConsoleTestPlatform[] = [];
const temps: Array<{ remove(): void }> = [];
afterEach(async () => {
  for (const platform of platforms.splice(0)) await platform.close();
  temps.splice(0).forEach((temp) => temp.remove());
});

async function countyConsole() {
  const platform = await createConsoleTestPlatform();
  platforms.push(platform);
  const seeded = await publishWorkCalendar(platform.sql, SEED_WORK_CALENDAR);
  if (!seeded.ok) throw new Error('seed calendar');
  if (!(await registerTerminal(platform.sql, KIOSK, new Date())).ok) throw new Error('kiosk');
  await platform.addUser('county', 'countyAdmin');
  await platform.addUser('staff', 'stationStaff');
  return { platform, county: await platform.signIn('county'), staff: await platform.signIn('staff') };
}

async function kioskCalendar(platform: ConsoleTestPlatform): Promise<WorkCalendar> {
  const response = await platform.app.request('http://localhost/api/v1/calendar', {
    headers: { authorization: `Bearer ${KIOSK.token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as WorkCalendar;
}

describe('calendar versions', () => {
  it('compare part by part, numbers as numbers', () => {
    expect(compareVersions('2026.12.01-1', '2026.12.01-2')).toBe(-1);
    expect(compareVersions('2026.12.01-10', '2026.12.01-9')).toBe(1);
    expect(compareVersions('2027.01.05-1', '2026.12.01-1')).toBe(1);
    expect(compareVersions('2026.12.01-1', '2026.12.01-1')).toBe(0);
    expect(compareVersions('2026.12.01', '2026.12.01-1')).toBe(-1);
  });
});

describe('publishing a working calendar from the console', () => {
  it('publishes a newer version: the summary, the kiosks’ document and due dates change', async () => {
    const { platform, county, staff } = await countyConsole();
    expect((await currentWorkingDays(platform.sql)).day('2027-02-10').kind).toBe('workday');
    const published = await platform.request('POST', '/console/api/work-calendar', { as: county, body: NEXT });
    expect(published.status, published.text).toBe(201);
    expect(published.json<CalendarPublished>()).toEqual({
      version: '2027.11.10-1',
      previousVersion: SEED_WORK_CALENDAR_VERSION,
    });

    const summary = (
      await platform.request('GET', '/console/api/work-calendar', { as: staff })
    ).json<CalendarSummary>();
    expect(summary.current?.version).toBe('2027.11.10-1');
    expect(summary.current?.years.map((year) => `${year.year} ${year.status}`)).toEqual([
      '2025 official',
      '2026 official',
      '2027 official',
    ]);
    expect((await kioskCalendar(platform)).version).toBe('2027.11.10-1');
    const days = await currentWorkingDays(platform.sql);
    expect(days.day('2027-02-10')).toMatchObject({ kind: 'holiday', coverage: 'official' });
    expect(days.day('2027-02-20').kind).toBe('makeUpWorkday');
    const audit = await platform.sql.all("SELECT outcome FROM console_audit WHERE action = 'workCalendar.published'");
    expect(audit).toEqual([{ outcome: 'ok' }]);
  });

  it('refuses the current version, an older one, and only a county admin may publish', async () => {
    const { platform, county, staff } = await countyConsole();
    const same = await platform.request('POST', '/console/api/work-calendar', { as: county, body: SEED_WORK_CALENDAR });
    expect(same.status).toBe(409);
    expect(same.json<{ detail: string }>().detail).toBe(
      `version ${SEED_WORK_CALENDAR_VERSION} is not newer than the current ${SEED_WORK_CALENDAR_VERSION}: give the new calendar a later version`,
    );
    const older = await platform.request('POST', '/console/api/work-calendar', {
      as: county,
      body: { ...NEXT, version: '2026.11.30-9' },
    });
    expect(older.status).toBe(409);
    expect(older.json<{ detail: string }>().detail).toMatch(/2026\.11\.30-9 is not newer/);
    const byStaff = await platform.request('POST', '/console/api/work-calendar', { as: staff, body: NEXT });
    expect(byStaff.status).toBe(403);
    expect((await kioskCalendar(platform)).version).toBe(SEED_WORK_CALENDAR_VERSION);
  });

  it('refuses a malformed calendar listing every issue, and the kiosks keep the current one', async () => {
    const { platform, county } = await countyConsole();
    const broken = {
      ...NEXT,
      version: 'not a version!',
      holidays: [
        { name: '国庆节', firstDay: '2027-10-01', lastDay: '2027-10-07', makeUpWorkdays: ['2027-10-08'] },
        { name: '重阳', firstDay: '2028-10-26', lastDay: '2028-10-26', makeUpWorkdays: [] },
      ],
    };
    const refused = await platform.request('POST', '/console/api/work-calendar', { as: county, body: broken });
    expect(refused.status).toBe(422);
    const problem = refused.json<{ errors: Array<{ path: string; message: string }> }>();
    expect(problem.errors.map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['/version', '/holidays/0/makeUpWorkdays/0', '/holidays/1/firstDay']),
    );
    expect((await kioskCalendar(platform)).version).toBe(SEED_WORK_CALENDAR_VERSION);
  });
});

describe('two instances publishing newer calendars at once', () => {
  it('leave the newest current: the older one is refused or published first, never last', async () => {
    const database = await openTestDatabase(ephemeralSealer());
    try {
      const first = database.db;
      const second = await database.openSecond();
      if (!(await publishWorkCalendar(first, SEED_WORK_CALENDAR)).ok) throw new Error('seed calendar');
      const at = new Date();
      for (let round = 1; round <= 8; round += 1) {
        const older = `2027.11.10-${2 * round - 1}`;
        const newer = `2027.11.10-${2 * round}`;
        // Each round the older one goes to the other instance, so neither always starts first.
        const [olderDb, newerDb] = round % 2 === 0 ? [first, second] : [second, first];
        const [fromOlder, fromNewer] = await Promise.all([
          publishNewerCalendar(olderDb, { ...NEXT, version: older }, at),
          publishNewerCalendar(newerDb, { ...NEXT, version: newer }, at),
        ]);
        expect(fromNewer.ok, JSON.stringify(fromNewer)).toBe(true);
        if (!fromOlder.ok) expect(fromOlder.error).toMatchObject({ kind: 'notNewer', current: newer });
        expect((await currentDocument(first, 'workCalendar'))?.version, `round ${round}`).toBe(newer);
      }
    } finally {
      await database.close();
    }
  });
});

describe('npm run platform -- publish-calendar', () => {
  it('publishes a newer calendar file into a platform database and refuses the same file again', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const dbPath = join(temp.dir, 'platform.db');
    const key = sealerForDatabase(dbPath, undefined);
    if (!key.ok) throw new Error(key.error);
    const opened = await openDatabase({ engine: 'sqlite', path: dbPath }, key.value.sealer);
    if (!opened.ok) throw new Error(opened.error.kind);
    await publishWorkCalendar(opened.value, SEED_WORK_CALENDAR);
    await opened.value.close();

    const file = join(temp.dir, 'calendar.json');
    writeFileSync(file, JSON.stringify(NEXT));
    const request = parsePublishCalendarArgs([file, '--db', dbPath]);
    if (!request.ok) throw new Error(request.error.message);
    expect(await publishCalendarFile(request.value, new Date())).toEqual({
      ok: true,
      value: { version: '2027.11.10-1', previousVersion: SEED_WORK_CALENDAR_VERSION },
    });
    const again = await publishCalendarFile(request.value, new Date());
    expect(again).toMatchObject({ ok: false, error: { kind: 'refused', message: expect.stringMatching(/not newer/) } });

    writeFileSync(file, JSON.stringify({ ...NEXT, version: '2028.01.01-1', years: [] }));
    expect(await publishCalendarFile(request.value, new Date())).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^the calendar is not valid: years: /) },
    });

    const reopened = await openDatabase({ engine: 'sqlite', path: dbPath }, key.value.sealer);
    if (!reopened.ok) throw new Error('reopen');
    expect((await currentDocument(reopened.value, 'workCalendar'))?.version).toBe('2027.11.10-1');
    await reopened.value.close();
  });

  it('says how to use it when the file or the database is missing', () => {
    expect(parsePublishCalendarArgs(['--db', 'x.db'])).toMatchObject({ ok: false, error: { kind: 'usage' } });
    expect(parsePublishCalendarArgs(['calendar.json'])).toMatchObject({
      ok: false,
      error: { message: 'publish-calendar needs --db or --database-url' },
    });
  });
});
