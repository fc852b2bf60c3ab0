import { addDays, dayIn, wallTime, type WallTime } from '../../../platform/contract/china-time';

/**
 * Dates and times as the station lives them: on the wall clocks of the station's zone
 * (KioskInfo.station.timeZone, China Standard Time unless the station names another), never the
 * zone the host machine happens to be set to. Every function takes the zone, so nothing here
 * can fall back to the process's own (a Debian host left on UTC showed 05:18 beside a receipt's
 * 13:18). Calendar days (`YYYY-MM-DD`, platform/contract/common.ts IsoDate) are already the
 * station's days and are written without shifting them.
 */

export type { WallTime };

/**
 * One formatter per locale, zone and style, made once: building an Intl.DateTimeFormat loads ICU
 * data and took most of the clock's render time on every tap (npm run bench, "tap").
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, made);
  }
  return made;
}

/** Today's date where the station is, `2026-10-01`. */
export function todayIn(now: Date, zone: string): string {
  return dayIn(now, zone);
}

/** Day, weekday and minute of `now` on the station's clocks. */
export function stationWallTime(now: Date, zone: string): WallTime {
  return wallTime(now, zone);
}

/** The station's calendar day `days` after today's. */
export function dayAfter(now: Date, days: number, zone: string): string {
  return addDays(dayIn(now, zone), days);
}

/** `09:30`: the time of an instant on the station's clocks. */
export function formatClock(at: Date | string, locale: string, zone: string): string {
  return formatter(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).format(new Date(at));
}

/** A calendar day (`2026-10-01`) with its weekday, as the locale writes it: 10月1日星期四. */
export function formatDay(isoDate: string, locale: string): string {
  // Noon UTC of that day, written in UTC: the same calendar day whatever the zones involved.
  return formatter(locale, { month: 'long', day: 'numeric', weekday: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );
}

/** The short weekday of a calendar day: 周四 (Thu). */
export function formatWeekday(isoDate: string, locale: string): string {
  return formatter(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** Month and day of a calendar day without the weekday: 10月8日. */
export function formatMonthDay(isoDate: string, locale: string): string {
  return formatter(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** Day and time of an instant on the station's clocks: 10月1日星期四 09:30. */
export function formatDayTime(at: Date | string, locale: string, zone: string): string {
  return `${formatDay(dayIn(new Date(at), zone), locale)} ${formatClock(at, locale, zone)}`;
}

/** `2026/11/21 12:29`: an instant on the station's clocks, all digits, as receipts show it. */
export function formatDateTimeNumeric(at: Date | string, locale: string, zone: string): string {
  return formatter(locale, {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
}

/** A calendar day (`2026-11-21`) in digits in the UI language, without shifting it by any zone. */
export function formatIsoDateNumeric(isoDate: string, locale: string): string {
  return formatter(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
