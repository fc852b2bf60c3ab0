import { addDays, clockIn, CHINA_TIME_ZONE, dayIn } from '../../platform/contract/china-time';

/**
 * Days and clock times as residents read them: China Standard Time, UTC+8 all year (no daylight
 * saving), whatever time zone the kiosk's operating system is set to. Every receipt, ticket and
 * slip prints these; a ticket range is valid for one such day; a card expires at the end of one.
 * The arithmetic is the one module shared with the platform and the screens
 * (platform/contract/china-time.ts); `zone` is the station's (station.timeZone), China's by default.
 */

/** `YYYY-MM-DD` of the instant in China Standard Time. */
export function chinaDay(instant: Date): string {
  return dayIn(instant);
}

/** The China day `days` after the instant's (negative for earlier). */
export function chinaDayAfter(instant: Date, days: number): string {
  return addDays(chinaDay(instant), days);
}

/** `YYYY-MM-DD HH:MM` on the station's clock (China's by default), as printed on tickets, receipts and slips. */
export function chinaDateTime(instant: Date | string, zone: string = CHINA_TIME_ZONE): string {
  const at = new Date(instant);
  return `${dayIn(at, zone)} ${clockIn(at, zone)}`;
}

/** `HH:MM` on the station's clock (China's by default). */
export function chinaClock(instant: Date, zone: string = CHINA_TIME_ZONE): string {
  return clockIn(instant, zone);
}

/** `YYYYMMDD`, for local ids. */
export function compactChinaDay(instant: Date): string {
  return chinaDay(instant).replaceAll('-', '');
}
