/**
 * Dates and times as the station lives them: China Standard Time (UTC+8, no daylight saving),
 * whatever zone the kiosk's clock is set to. Tickets, appointments and promised dates are all
 * China-time calendar days (platform/contract/common.ts IsoDate).
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const CHINA_ZONE = 'Asia/Shanghai';
const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's date in China, `2025-03-14`. */
export function todayInChina(now: Date): string {
  return chinaClock(now).date;
}

/** `09:30` in China time. */
export function formatChinaClock(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: CHINA_ZONE,
  }).format(new Date(iso));
}

/** A calendar day (`2025-03-14`) with its weekday, as the locale writes it: 3月14日 星期五. */
export function formatChinaDay(isoDate: string, locale: string): string {
  // Noon UTC of that day is the same calendar day in China.
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    day: 'numeric',
    weekday: 'long',
    timeZone: CHINA_ZONE,
  }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** Day and time of an instant in China time: 3月14日 星期五 09:30. */
export function formatChinaDayTime(iso: string, locale: string): string {
  const day = todayInChina(new Date(iso));
  return `${formatChinaDay(day, locale)} ${formatChinaClock(iso, locale)}`;
}

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

/** `2026/11/21 12:29`: an instant in China time, all digits, as receipts show it, in the UI language. */
export function formatChinaDateTimeNumeric(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

/** An ISO date (YYYY-MM-DD) as a date in the UI language, without shifting it by the time zone. */
export function formatIsoDateNumeric(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
