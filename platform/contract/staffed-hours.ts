import { addDays, CHINA_TIME_ZONE, instantAt, wallTime } from './china-time';
import type { CalendarDay, WorkingDays } from './working-days';

/**
 * When staff are on duty, from weekly hours and the working calendar: the windows call tickets,
 * agents come to the station and call residents back only then. Pure; the platform's reference
 * queue and appointment slots and the kiosk's screens use the same rule:
 *
 * - a public holiday (放假) has no staffed hours, whatever its weekday;
 * - a weekend day made a working day (调休上班) keeps ordinary working-day hours: those of the
 *   first weekday from Monday that has any (stations keep the same hours Monday to Friday);
 * - any other day has the hours listed for its weekday (a Saturday morning 延时服务 included).
 */

export interface WeeklyPeriod {
  /** ISO weekdays, 1 Monday … 7 Sunday. */
  readonly days: readonly number[];
  /** Minutes since midnight on the station's wall clock; `closes` may be 1440 (24:00). */
  readonly opens: number;
  readonly closes: number;
}

export interface StaffedPeriod {
  readonly date: string;
  readonly opens: number;
  readonly closes: number;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export type StaffedState =
  | {
      readonly staffed: true;
      readonly today: CalendarDay;
      readonly period: StaffedPeriod;
      /** The end of today's last period: nothing staffed today after this. */
      readonly dayEndsAt: Date;
    }
  | {
      readonly staffed: false;
      readonly today: CalendarDay;
      /** The next period to start; null when none within the look-ahead (hours list nothing). */
      readonly next: StaffedPeriod | null;
      /** The next period starts later today (before opening, or a lunch break). */
      readonly laterToday: boolean;
    };

export interface StaffedHours {
  periodsOn(date: string): StaffedPeriod[];
  stateAt(instant: Date): StaffedState;
  /** The first period that starts at or after `instant`. */
  nextStart(instant: Date): StaffedPeriod | null;
}

/** Longer than any holiday plus the weekends around it. */
const LOOKAHEAD_DAYS = 31;

export function staffedHours(
  weekly: readonly WeeklyPeriod[],
  calendar: WorkingDays,
  zone: string = CHINA_TIME_ZONE,
): StaffedHours {
  const workingDayHours =
    [1, 2, 3, 4, 5]
      .map((weekday) => weekly.filter((period) => period.days.includes(weekday)))
      .find((periods) => periods.length > 0) ?? [];

  const periodsOn = (date: string): StaffedPeriod[] => {
    const day = calendar.day(date);
    const listed =
      day.kind === 'holiday'
        ? []
        : day.kind === 'makeUpWorkday'
          ? workingDayHours
          : weekly.filter((period) => period.days.includes(day.weekday));
    return listed
      .filter((period) => period.opens < period.closes)
      .map((period) => ({
        date,
        opens: period.opens,
        closes: period.closes,
        startsAt: instantAt(date, period.opens, zone),
        endsAt: instantAt(date, period.closes, zone),
      }))
      .sort((a, b) => a.opens - b.opens);
  };

  const nextStart = (instant: Date): StaffedPeriod | null => {
    const today = wallTime(instant, zone).date;
    for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset += 1) {
      const found = periodsOn(addDays(today, offset)).find((period) => period.startsAt >= instant);
      if (found) return found;
    }
    return null;
  };

  return {
    periodsOn,
    nextStart,
    stateAt(instant) {
      const date = wallTime(instant, zone).date;
      const today = calendar.day(date);
      const periods = periodsOn(date);
      const current = periods.find((period) => period.startsAt <= instant && instant < period.endsAt);
      if (current) {
        const last = periods[periods.length - 1] ?? current;
        return { staffed: true, today, period: current, dayEndsAt: last.endsAt };
      }
      const next = nextStart(instant);
      return { staffed: false, today, next, laterToday: next !== null && next.date === date };
    },
  };
}
