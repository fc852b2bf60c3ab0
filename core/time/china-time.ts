/**
 * Days and clock times as residents read them: China Standard Time, UTC+8 all year (no daylight
 * saving), whatever time zone the kiosk's operating system is set to. Every receipt, ticket and
 * slip prints these; a ticket range is valid for one such day; a card expires at the end of one.
 */

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of the instant in China Standard Time. */
export function chinaDay(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The China day `days` after the instant's (negative for earlier). */
export function chinaDayAfter(instant: Date, days: number): string {
  return chinaDay(new Date(instant.getTime() + days * DAY_MS));
}

/** `YYYY-MM-DD HH:MM` in China Standard Time, as printed on tickets, receipts and slips. */
export function chinaDateTime(instant: Date | string): string {
  return new Date(new Date(instant).getTime() + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** `HH:MM` in China Standard Time. */
export function chinaClock(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(11, 16);
}

/** `YYYYMMDD`, for local ids. */
export function compactChinaDay(instant: Date): string {
  return chinaDay(instant).replaceAll('-', '');
}
