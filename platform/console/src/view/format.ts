/**
 * Numbers and times as the county office reads them. Times are shown in China Standard Time
 * whatever the PC's zone, like every other date on the platform.
 */

const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** `2026-03-01 08:05` (minutes are what an operator needs; the tooltip/title carries seconds). */
export function formatDateTime(iso: string | null, locale: string): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: CHINA_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

export type Duration = { readonly unit: 'minutes' | 'hours' | 'days'; readonly count: number };

/** A length of time in the largest unit that keeps it readable: 90 s → 2 min, 5 h, 3 d. */
export function duration(seconds: number): Duration {
  if (seconds < 3600) return { unit: 'minutes', count: Math.max(0, Math.round(seconds / 60)) };
  if (seconds < 2 * 86_400) return { unit: 'hours', count: Math.round((seconds / 3600) * 10) / 10 };
  return { unit: 'days', count: Math.round((seconds / 86_400) * 10) / 10 };
}

/** How long ago, from two instants; null when the kiosk was never heard. */
export function ageSeconds(iso: string | null, now: Date): number | null {
  if (iso === null) return null;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((now.getTime() - at) / 1000));
}

export type PaperLevel = 'unknown' | 'out' | 'low' | 'ok';

/**
 * Days of paper left, rounded down (a roll that lasts 2.9 days is empty on the third), and how
 * urgent it is: under `lowDays` is low. Null days: nothing printed lately, so no forecast.
 */
export function paperDays(days: number | null, lowDays = 3): { text: string | null; level: PaperLevel } {
  if (days === null) return { text: null, level: 'unknown' };
  if (days <= 0) return { text: '0', level: 'out' };
  const shown = days < 1 ? '<1' : String(Math.floor(days));
  return { text: shown, level: days < lowDays ? 'low' : 'ok' };
}

/** Uptime share 0..1 as a percentage with one decimal; 0.99949 → "99.9", never "100.0" unless it is. */
export function uptimePercent(share: number | null): string | null {
  if (share === null) return null;
  const tenths = Math.floor(share * 1000) / 10;
  return tenths.toFixed(1);
}

/** Bytes in GB with one decimal, the unit a disk is talked about in. */
export function gigabytes(bytes: number): string {
  return (bytes / 1024 ** 3).toFixed(1);
}
