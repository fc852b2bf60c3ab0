import { addDays, daysBetween, isoWeekday } from './china-time';
import type { WorkCalendar } from './work-calendar';

/**
 * Working-day arithmetic over the published calendar (work-calendar.ts): is a China day a working
 * day, the next working day after one, and N working days on (承诺办结 due dates, follow-ups).
 * Pure; the platform, the kiosk core and the screens all answer with this one module.
 *
 * A day in a year the calendar does not cover (or with no calendar at all) falls back to the
 * plain week: Monday to Friday work. `coverage` says so, for whoever must tell the difference.
 */

export type DayKind =
  /** Monday to Friday, not a holiday. */
  | 'workday'
  /** A Saturday or Sunday worked in exchange for days off (调休上班). */
  | 'makeUpWorkday'
  /** A Saturday or Sunday. */
  | 'weekend'
  /** A day off for a public holiday (放假), whatever the weekday. */
  | 'holiday';

export type Coverage = 'official' | 'provisional' | 'unknown';

export interface CalendarDay {
  readonly date: string;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  readonly weekday: number;
  readonly kind: DayKind;
  /** The holiday the day is off (or worked) for: 春节 …; null on ordinary days. */
  readonly holiday: string | null;
  readonly coverage: Coverage;
}

export interface WorkingDays {
  /** The published version the answers come from; null when there is no calendar. */
  readonly version: string | null;
  day(date: string): CalendarDay;
  isWorkingDay(date: string): boolean;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  /**
   * The day `count` working days after `date` (`date` itself is not counted): a matter promised
   * in 15 working days and accepted on `date` is due on `addWorkingDays(date, 15)`. 0 is `date`.
   */
  addWorkingDays(date: string, count: number): string;
  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): number;
}

/** No calendar has a longer run of days without work; a longer walk is a bug in the data. */
const MAX_DAYS_WITHOUT_WORK = 31;

export function workingDays(calendar: WorkCalendar | null): WorkingDays {
  const offDays = new Map<string, string>();
  const workedDays = new Map<string, string>();
  const coverage = new Map<number, Coverage>();
  for (const year of calendar?.years ?? []) coverage.set(year.year, year.status);
  for (const holiday of calendar?.holidays ?? []) {
    const length = daysBetween(holiday.firstDay, holiday.lastDay) + 1;
    for (let index = 0; index < length; index += 1) offDays.set(addDays(holiday.firstDay, index), holiday.name);
    for (const date of holiday.makeUpWorkdays) workedDays.set(date, holiday.name);
  }

  const day = (date: string): CalendarDay => {
    const weekday = isoWeekday(date);
    const covered = coverage.get(Number(date.slice(0, 4))) ?? 'unknown';
    const off = offDays.get(date);
    if (off !== undefined) return { date, weekday, kind: 'holiday', holiday: off, coverage: covered };
    const worked = workedDays.get(date);
    if (worked !== undefined) return { date, weekday, kind: 'makeUpWorkday', holiday: worked, coverage: covered };
    return { date, weekday, kind: weekday <= 5 ? 'workday' : 'weekend', holiday: null, coverage: covered };
  };
  const isWorkingDay = (date: string): boolean => {
    const kind = day(date).kind;
    return kind === 'workday' || kind === 'makeUpWorkday';
  };
  const nextWorkingDay = (date: string): string => {
    for (let offset = 1; offset <= MAX_DAYS_WITHOUT_WORK; offset += 1) {
      const candidate = addDays(date, offset);
      if (isWorkingDay(candidate)) return candidate;
    }
    throw new Error(`no working day within ${MAX_DAYS_WITHOUT_WORK} days after ${date}: the calendar is wrong`);
  };
  return {
    version: calendar?.version ?? null,
    day,
    isWorkingDay,
    nextWorkingDay,
    addWorkingDays(date, count) {
      if (!Number.isInteger(count) || count < 0) throw new Error(`working days to add must be 0 or more: ${count}`);
      let current = date;
      for (let left = count; left > 0; left -= 1) current = nextWorkingDay(current);
      return current;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
        if (isWorkingDay(current)) count += 1;
      }
      return count;
    },
  };
}
