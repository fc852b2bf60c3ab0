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
