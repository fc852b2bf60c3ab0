/**
 * Time helpers. Days that residents see (ticket dates, request numbers) are China Standard Time,
 * UTC+8 all year (no daylight saving), whatever the server's own time zone is.
 */

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** `YYYY-MM-DD` of the instant in China Standard Time. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYYMMDD` of the instant in China Standard Time, for human-readable ids. */
export function compactChinaDay(instant: Date): string {
  return chinaDay(instant).replaceAll('-', '');
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant a China Standard Time wall-clock time happens on a day: ('2026-03-02', 510) → 08:30 CST. */
export function chinaInstant(day: string, minuteOfDay: number): Date {
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + minuteOfDay * 60_000);
}

/** `HH:MM` → minutes since midnight. */
export function minuteOfDay(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** ISO weekday of a `YYYY-MM-DD` day: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The day `count` calendar days after `day` (negative goes back). */
export function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day `count` working days after `day`, skipping Saturdays and Sundays. Statutory holidays
 * and the make-up working weekends (调休) are not modelled: the reference platform has no
 * holiday calendar, so its dates can be a few days early around the Spring Festival.
 */
export function addWorkingDays(day: string, count: number): string {
  let current = day;
  let left = count;
  while (left > 0) {
    current = addDays(current, 1);
    if (isoWeekday(current) <= 5) left -= 1;
  }
  return current;
}
