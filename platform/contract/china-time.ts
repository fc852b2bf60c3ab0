/**
 * Days and wall-clock times where the station is: China Standard Time (北京时间, IANA
 * `Asia/Shanghai`, UTC+8 all year, no daylight saving since 1991) unless a station names another
 * zone, whatever zone the machine's own clock is set to. One module for the platform, the kiosk
 * core and the screens, so a receipt, the header clock and a ticket can never disagree.
 *
 * A day is `YYYY-MM-DD` (contract IsoDate); a minute of the day is 0 … 1440. Pure: no Node, no DOM,
 * only `Intl` for zones other than China's own.
 */

export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface WallTime {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** ISO weekday: 1 Monday … 7 Sunday. */
  readonly weekday: number;
  /** Minutes since midnight, 0 … 1439. */
  readonly minute: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether `zone` is an IANA time zone this runtime knows (`Asia/Shanghai`, `Asia/Urumqi` …). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The day, weekday and minute of `instant` on the wall clocks of `zone`. */
export function wallTime(instant: Date, zone: string = CHINA_TIME_ZONE): WallTime {
  if (zone === CHINA_TIME_ZONE) {
    // The fixed offset is exact for every date this software meets, and needs no Intl data.
    const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS);
    const date = shifted.toISOString().slice(0, 10);
    return { date, weekday: isoWeekday(date), minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
  }
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(zone).formatToParts(instant)) parts[part.type] = part.value;
  const date = `${parts['year']}-${parts['month']}-${parts['day']}`;
  return { date, weekday: isoWeekday(date), minute: Number(parts['hour']) * 60 + Number(parts['minute']) };
}

/** `YYYY-MM-DD` of the instant in the zone (China by default). */
export function dayIn(instant: Date, zone: string = CHINA_TIME_ZONE): string {
  return wallTime(instant, zone).date;
}

/** `HH:MM` of the instant in the zone (China by default). */
export function clockIn(instant: Date, zone: string = CHINA_TIME_ZONE): string {
  return formatMinute(wallTime(instant, zone).minute);
}

/** The instant at which the wall clocks of `zone` show `minute` (may be 1440: the next midnight) of `date`. */
export function instantAt(date: string, minute: number, zone: string = CHINA_TIME_ZONE): Date {
  const naive = Date.parse(`${date}T00:00:00Z`) + minute * 60_000;
  if (zone === CHINA_TIME_ZONE) return new Date(naive - CHINA_OFFSET_MS);
  // Guess with the offset at the naive instant, then correct once with the offset at the guess
  // (enough for zones whose offset changes at most twice a year).
  let guess = naive - offsetMs(new Date(naive), zone);
  guess = naive - offsetMs(new Date(guess), zone);
  return new Date(guess);
}

/** How far the zone's wall clocks are ahead of UTC at `instant`. */
function offsetMs(instant: Date, zone: string): number {
  const wall = wallTime(instant, zone);
  const asUtc = Date.parse(`${wall.date}T00:00:00Z`) + wall.minute * 60_000;
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/** ISO weekday of a `YYYY-MM-DD` day: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The day `count` calendar days after `date` (negative goes back). */
export function addDays(date: string, count: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + count * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** `HH:MM` → minutes since midnight (`24:00` is 1440). */
export function parseClock(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Minutes since midnight → `HH:MM`. */
export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
