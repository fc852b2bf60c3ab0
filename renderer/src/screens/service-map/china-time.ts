/**
 * Wall-clock time in China Standard Time (UTC+8, no daylight saving), whatever time zone the
 * kiosk's operating system is set to: opening hours and preferred days are China days.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface ChinaClock {
  /** YYYY-MM-DD */
  readonly date: string;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  readonly weekday: number;
  /** Minutes since midnight. */
  readonly minutes: number;
}

export function chinaClock(now: Date): ChinaClock {
  const shifted = new Date(now.getTime() + CHINA_OFFSET_MS);
  const day = shifted.getUTCDay();
  return {
    date: shifted.toISOString().slice(0, 10),
    weekday: day === 0 ? 7 : day,
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

/** The China calendar day `days` after today's. */
export function chinaDateAfter(now: Date, days: number): ChinaClock {
  return chinaClock(new Date(now.getTime() + days * DAY_MS));
}
