import { describe, expect, it } from 'vitest';
import { SEED_WORK_CALENDAR } from './work-calendar';
import { addDays, daysBetween } from '../contract/china-time';
import { WorkCalendar } from '../contract/work-calendar';
import { workingDays } from '../contract/working-days';

const problems = (calendar: unknown) => {
  const result = WorkCalendar.safeParse(calendar);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

const base = {
  version: 'test-1',
  publishedAt: '2026-12-01T09:00:00+08:00',
  years: [
    { year: 2026, status: 'official', source: 'notice' },
    { year: 2027, status: 'provisional', source: 'rule' },
  ],
};

describe('WorkCalendar schema', () => {
  it('refuses a weekday made a working day, overlapping holidays, and days of a year it does not list', () => {
    expect(
      problems({
        ...base,
        holidays: [
          { name: 'A', firstDay: '2026-10-01', lastDay: '2026-10-07', makeUpWorkdays: ['2026-10-09'] },
          { name: 'B', firstDay: '2026-10-07', lastDay: '2026-10-08', makeUpWorkdays: [] },
          { name: 'C', firstDay: '2025-10-01', lastDay: '2025-10-03', makeUpWorkdays: [] },
        ],
      }),
    ).toEqual([
      'holidays.0.makeUpWorkdays.0: 2026-10-09 is a weekday; only a Saturday or a Sunday can be made a working day',
      'holidays.1.firstDay: 2026-10-07 is also in holiday 0',
      'holidays.2.firstDay: in a year the calendar does not list',
    ]);
  });

  it('refuses make-up days in a provisional year, a day both off and worked, and a reversed range', () => {
    expect(
      problems({
        ...base,
        holidays: [
          { name: 'A', firstDay: '2027-02-05', lastDay: '2027-02-08', makeUpWorkdays: ['2027-02-13'] },
          { name: 'B', firstDay: '2026-10-03', lastDay: '2026-10-04', makeUpWorkdays: ['2026-10-04'] },
          { name: 'C', firstDay: '2026-05-05', lastDay: '2026-05-01', makeUpWorkdays: [] },
        ],
      }),
    ).toEqual([
      'holidays.0.makeUpWorkdays: a provisional year has no make-up working days: only the notice can move days',
      'holidays.2.lastDay: 1 to 14 days off',
      'holidays.1.makeUpWorkdays.0: 2026-10-04 is a day off and a working day at once',
    ]);
  });
});

describe('the seeded calendar', () => {
  const days = workingDays(SEED_WORK_CALENDAR);
  const kinds = (from: string, to: string) =>
    Array.from({ length: daysBetween(from, to) + 1 }, (_, index) => days.day(addDays(from, index)).kind);

  it('has the 2026 Spring Festival as the notice gives it: 15–23 Feb off, Saturdays 14 and 28 Feb worked', () => {
    expect(days.day('2026-02-14')).toEqual({
      date: '2026-02-14',
      weekday: 6,
      kind: 'makeUpWorkday',
      holiday: '春节',
      coverage: 'official',
    });
    expect(kinds('2026-02-15', '2026-02-23').every((kind) => kind === 'holiday')).toBe(true);
    expect(days.day('2026-02-24').kind).toBe('workday');
    expect(days.day('2026-02-28').kind).toBe('makeUpWorkday');
    expect(days.day('2026-02-21').holiday).toBe('春节');
  });

  it('has 国庆 2026 (1–7 Oct off, 20 Sep and 10 Oct worked) and 国庆、中秋 2025 (1–8 Oct off, 28 Sep and 11 Oct worked)', () => {
    expect(kinds('2026-10-01', '2026-10-07').every((kind) => kind === 'holiday')).toBe(true);
    expect(days.day('2026-10-08').kind).toBe('workday');
    expect(days.day('2026-09-20').kind).toBe('makeUpWorkday');
    expect(days.day('2026-10-10').kind).toBe('makeUpWorkday');
    expect(days.day('2026-10-11').kind).toBe('weekend');
    expect(kinds('2025-10-01', '2025-10-08').every((kind) => kind === 'holiday')).toBe(true);
    expect(days.day('2025-10-01').holiday).toBe('国庆节、中秋节');
    expect(days.day('2025-09-28').kind).toBe('makeUpWorkday');
    expect(days.day('2025-10-11').kind).toBe('makeUpWorkday');
  });

  it('has 元旦 2025 as one day without 调休 and 元旦 2026 as three days with 4 Jan worked', () => {
    expect(kinds('2024-12-31', '2025-01-02')).toEqual(['workday', 'holiday', 'workday']);
    expect(kinds('2026-01-01', '2026-01-04')).toEqual(['holiday', 'holiday', 'holiday', 'makeUpWorkday']);
  });

  it('counts every day off the notices give: 2025 has 28 days off and 5 make-up days, 2026 has 33 and 6', () => {
    const count = (year: string) => {
      const all = kinds(`${year}-01-01`, `${year}-12-31`);
      const listed = SEED_WORK_CALENDAR.holidays.filter((holiday) => holiday.firstDay.startsWith(year));
      return {
        off: all.filter((kind) => kind === 'holiday').length,
        worked: listed.reduce((sum, holiday) => sum + holiday.makeUpWorkdays.length, 0),
      };
    };
    expect(count('2025')).toEqual({ off: 28, worked: 5 });
    expect(count('2026')).toEqual({ off: 33, worked: 6 });
  });

  it('marks 2027 provisional with the 13 statutory days only, and years it does not cover as unknown', () => {
    const days2027 = kinds('2027-01-01', '2027-12-31');
    expect(days2027.filter((kind) => kind === 'holiday')).toHaveLength(13);
    expect(days2027).not.toContain('makeUpWorkday');
    expect(days.day('2027-02-05')).toMatchObject({ kind: 'holiday', holiday: '春节', coverage: 'provisional' });
    expect(days.day('2024-10-01')).toMatchObject({ kind: 'workday', coverage: 'unknown' });
  });

  it('puts the lunar holidays on the Chinese calendar days ICU computes (except 春节 2027, see the seed)', () => {
    const lunar = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { timeZone: 'UTC', month: 'long', day: 'numeric' });
    const lunarDay = (date: string) => lunar.format(new Date(`${date}T12:00:00Z`));
    // 春节 from 除夕 (2025); 端午 (五月初五) and 中秋 (八月十五) of 2025–2027.
    expect(lunarDay('2025-01-29')).toBe('正月1日');
    expect(lunarDay('2026-02-17')).toBe('正月1日');
    expect(lunarDay('2025-05-31')).toBe('五月5日');
    expect(lunarDay('2026-06-19')).toBe('五月5日');
    expect(lunarDay('2027-06-09')).toBe('五月5日');
    expect(lunarDay('2025-10-06')).toBe('八月15日');
    expect(lunarDay('2026-09-25')).toBe('八月15日');
    expect(lunarDay('2027-09-15')).toBe('八月15日');
  });
});

describe('working-day arithmetic', () => {
  const days = workingDays(SEED_WORK_CALENDAR);

  it('finds the next working day across holidays and onto make-up Saturdays', () => {
    expect(days.nextWorkingDay('2026-09-30')).toBe('2026-10-08');
    expect(days.nextWorkingDay('2026-10-09')).toBe('2026-10-10');
    expect(days.nextWorkingDay('2026-02-13')).toBe('2026-02-14');
    expect(days.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    expect(days.nextWorkingDay('2026-12-04')).toBe('2026-12-07');
  });

  it('adds 15 working days across 国庆 and a make-up Saturday, where the plain week would be 4 days early', () => {
    expect(days.addWorkingDays('2026-09-28', 15)).toBe('2026-10-23');
    expect(workingDays(null).addWorkingDays('2026-09-28', 15)).toBe('2026-10-19');
    expect(days.addWorkingDays('2026-09-28', 0)).toBe('2026-09-28');
    expect(days.workingDaysBetween('2026-09-28', '2026-10-23')).toBe(15);
    expect(() => days.addWorkingDays('2026-09-28', -1)).toThrow(/0 or more/);
  });

  it('answers with the plain week when there is no calendar, and says so', () => {
    const plain = workingDays(null);
    expect(plain.version).toBeNull();
    expect(plain.day('2026-10-01')).toMatchObject({ kind: 'workday', coverage: 'unknown' });
    expect(plain.isWorkingDay('2026-10-03')).toBe(false);
  });
});

describe('差评 follow-up due dates (15 working days) on the seeded calendar', () => {
  const days = workingDays(SEED_WORK_CALENDAR);
  const plain = workingDays(null);

  it('crosses 春节 2026: both make-up Saturdays (14 and 28 Feb) count, the nine days off do not', () => {
    // Fri 6 Feb: 9–13 Feb (5), Sat 14 (6), 15–23 off, 24–27 (10), Sat 28 (11), 2–5 Mar (15).
    expect(days.addWorkingDays('2026-02-06', 15)).toBe('2026-03-05');
    expect(plain.addWorkingDays('2026-02-06', 15)).toBe('2026-02-27');
    expect(days.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2);
    expect(days.isWorkingDay('2026-02-14')).toBe(true);
    expect(days.isWorkingDay('2026-02-16')).toBe(false);
  });

  it('crosses 中秋 and 国庆 2026 from before the make-up Sunday 20 Sep', () => {
    // Fri 18 Sep: Sun 20 (1), 21–24 (5), 25–27 中秋 off, 28–30 (8), 1–7 Oct off, 8–9 (10), Sat 10 (11), 12–15 Oct (15).
    expect(days.addWorkingDays('2026-09-18', 15)).toBe('2026-10-15');
    expect(plain.addWorkingDays('2026-09-18', 15)).toBe('2026-10-09');
    expect(days.day('2026-09-20')).toMatchObject({ kind: 'makeUpWorkday', holiday: '国庆节', weekday: 7 });
    expect(days.workingDaysBetween('2026-09-30', '2026-10-08')).toBe(1);
  });

  it('counts a due date that spans 春节 2027 on the provisional year: statutory days off only, no 调休', () => {
    // Mon 1 Feb 2027: 2–4 (3), 5–8 Feb off (除夕 to 初三), 9–12 (7), 15–19 (12), 22–24 (15).
    expect(days.addWorkingDays('2027-02-01', 15)).toBe('2027-02-24');
    expect(days.day('2027-02-06')).toMatchObject({ kind: 'holiday', coverage: 'provisional' });
    expect(days.day('2027-02-13')).toMatchObject({ kind: 'weekend', coverage: 'provisional' });
  });

  it('counts across the turn of the year from an official year into the provisional one', () => {
    // Mon 21 Dec 2026: 22–25 (4), 28–31 (8), 1 Jan 2027 off, 4–8 (13), 11–12 (15).
    expect(days.addWorkingDays('2026-12-21', 15)).toBe('2027-01-12');
    expect(days.day('2027-01-01')).toMatchObject({ kind: 'holiday', holiday: '元旦', coverage: 'provisional' });
  });
});
