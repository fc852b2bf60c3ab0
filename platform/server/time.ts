import { addDays, dayIn, instantAt, isoWeekday, parseClock } from '../contract/china-time';
import type { WorkingDays } from '../contract/working-days';

/**
 * Time helpers. Days that residents see (ticket dates, request numbers, due dates) are China
 * Standard Time, UTC+8 all year (no daylight saving), whatever the server's own time zone is;
 * the arithmetic is the contract's (platform/contract/china-time.ts, working-days.ts), shared
 * with the kiosk.
 */

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export { addDays, isoWeekday };

/** `YYYY-MM-DD` of the instant in China Standard Time. */
export function chinaDay(instant: Date): string {
  return dayIn(instant);
}

/** `YYYYMMDD` of the instant in China Standard Time, for human-readable ids. */
export function compactChinaDay(instant: Date): string {
  return chinaDay(instant).replaceAll('-', '');
}

/** The instant a China Standard Time wall-clock time happens on a day: ('2026-03-02', 510) → 08:30 CST. */
export function chinaInstant(day: string, minuteOfDay: number): Date {
  return instantAt(day, minuteOfDay);
}

/** `HH:MM` → minutes since midnight. */
export function minuteOfDay(clock: string): number {
  return parseClock(clock);
}

/**
 * The day `count` working days after `day` by the published working calendar (public holidays
 * off, make-up Saturdays and Sundays worked; store/published.ts currentWorkingDays), so a
 * promised date never lands in the Spring Festival.
 */
export function addWorkingDays(day: string, count: number, calendar: WorkingDays): string {
  return calendar.addWorkingDays(day, count);
}
