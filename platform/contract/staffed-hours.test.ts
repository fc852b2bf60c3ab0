import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockIn, dayIn, instantAt, isTimeZone, wallTime } from './china-time';
import { staffedHours, type WeeklyPeriod } from './staffed-hours';
import type { WorkCalendar } from './work-calendar';
import { workingDays } from './working-days';

// The machine's own zone must not matter: run these with a host far from China.
const hostZone = process.env['TZ'];
beforeAll(() => {
  process.env['TZ'] = 'America/Los_Angeles';
});
afterAll(() => {
  process.env['TZ'] = hostZone;
});

const CALENDAR: WorkCalendar = {
  version: 'test-1',
  publishedAt: '2026-12-01T09:00:00+08:00',
  years: [{ year: 2026, status: 'official', source: 'test' }],
  holidays: [
    { name: '国庆节', firstDay: '2026-10-01', lastDay: '2026-10-07', makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
  ],
};

const at = (hours: number, minutes = 0) => hours * 60 + minutes;
/** The sample station: 08:30–12:00 and 13:30–17:30 on weekdays, 09:00–12:00 on Saturdays. */
const STATION: WeeklyPeriod[] = [
  { days: [1, 2, 3, 4, 5], opens: at(8, 30), closes: at(12) },
  { days: [1, 2, 3, 4, 5], opens: at(13, 30), closes: at(17, 30) },
  { days: [6], opens: at(9), closes: at(12) },
];
const hours = staffedHours(STATION, workingDays(CALENDAR));
const china = (iso: string) => new Date(`${iso}+08:00`);

describe('China time', () => {
  it('gives the day and clock in China whatever the host zone is', () => {
    const instant = new Date('2026-12-06T21:18:00Z');
    expect(new Date(instant).getHours()).toBe(13); // Los Angeles, to show the host zone is not China's
    expect(wallTime(instant)).toEqual({ date: '2026-12-07', weekday: 1, minute: at(5, 18) });
    expect(clockIn(instant)).toBe('05:18');
    expect(instantAt('2026-12-07', at(5, 18)).toISOString()).toBe('2026-12-06T21:18:00.000Z');
  });

  it('agrees with Intl for China and handles another zone the station names', () => {
    const instant = new Date('2026-03-01T16:30:00Z');
    const viaIntl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(instant);
    expect(dayIn(instant)).toBe(viaIntl);
    expect(wallTime(instant, 'Asia/Urumqi')).toEqual({ date: '2026-03-01', weekday: 7, minute: at(22, 30) });
    expect(instantAt('2026-03-01', at(22, 30), 'Asia/Urumqi').toISOString()).toBe(instant.toISOString());
    expect(instantAt('2026-07-01', at(9), 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(isTimeZone('Asia/Urumqi')).toBe(true);
    expect(isTimeZone('China/Beijing')).toBe(false);
  });
});

describe('staffed hours on the working calendar', () => {
  it('is staffed inside a period and says when the day ends', () => {
    const state = hours.stateAt(china('2026-12-07T10:00:00'));
    expect(state.staffed).toBe(true);
    if (!state.staffed) return;
    expect(state.period.endsAt).toEqual(china('2026-12-07T12:00:00'));
    expect(state.dayEndsAt).toEqual(china('2026-12-07T17:30:00'));
  });

  it('in the lunch break and before opening, calling starts later today', () => {
    for (const [now, starts] of [
      ['2026-12-07T12:30:00', '2026-12-07T13:30:00'],
      ['2026-12-07T07:10:00', '2026-12-07T08:30:00'],
    ] as const) {
      const state = hours.stateAt(china(now));
      expect(state).toMatchObject({ staffed: false, laterToday: true });
      if (!state.staffed) expect(state.next?.startsAt).toEqual(china(starts));
    }
  });

  it('on a Sunday evening the next period is Monday morning', () => {
    const state = hours.stateAt(china('2026-12-06T17:03:00'));
    expect(state).toMatchObject({ staffed: false, laterToday: false, today: { kind: 'weekend', weekday: 7 } });
    if (!state.staffed) expect(state.next).toMatchObject({ date: '2026-12-07', opens: at(8, 30) });
  });

  it('has no hours on a holiday, Saturday hours included, and resumes after it', () => {
    expect(hours.periodsOn('2026-10-03')).toEqual([]); // a Saturday inside 国庆
    const state = hours.stateAt(china('2026-10-01T10:00:00'));
    expect(state).toMatchObject({ staffed: false, today: { kind: 'holiday', holiday: '国庆节' } });
    if (!state.staffed) expect(state.next).toMatchObject({ date: '2026-10-08', opens: at(8, 30) });
  });

  it('keeps working-day hours on a make-up Saturday, not the Saturday morning service', () => {
    expect(hours.periodsOn('2026-10-10').map((period) => [period.opens, period.closes])).toEqual([
      [at(8, 30), at(12)],
      [at(13, 30), at(17, 30)],
    ]);
    expect(hours.periodsOn('2026-10-17').map((period) => [period.opens, period.closes])).toEqual([[at(9), at(12)]]);
    expect(hours.stateAt(china('2026-10-10T15:00:00')).staffed).toBe(true);
  });

  it('finds nothing when the weekly hours list nothing', () => {
    const none = staffedHours([], workingDays(null)).stateAt(china('2026-12-07T10:00:00'));
    expect(none).toMatchObject({ staffed: false, next: null, laterToday: false });
  });
});
