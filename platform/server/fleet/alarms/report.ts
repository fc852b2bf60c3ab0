import { err, ok, type Result } from '../../../../core/pure/result';
import { instantAt } from '../../../contract/china-time';
import type { EpochMs, KioskHistory, KioskStatus } from './state';

/**
 * Uptime and MTTR of one kiosk for one calendar month in China Standard Time (Asia/Shanghai: a
 * month starts at 00:00 on the 1st in Beijing, 16:00 UTC the day before).
 *
 * - Uptime: the share of the observed part of the month the kiosk was online or degraded (a
 *   degraded kiosk still serves residents). Observed = from when the kiosk was first seen (or the
 *   month's start) to the month's end (or now). Null when nothing of the month was observed.
 * - MTTR: the mean time from raise to clear of the alarms that cleared within the month (an alarm
 *   belongs to the month it was repaired in). Null when none cleared.
 */
export interface MonthReport {
  readonly month: string;
  readonly observedMs: number;
  readonly upMs: number;
  readonly uptime: number | null;
  readonly alarmsCleared: number;
  readonly mttrMs: number | null;
}

export interface MonthError {
  readonly code: 'invalidMonth';
  readonly month: string;
}

const UP: ReadonlySet<KioskStatus> = new Set(['online', 'degraded']);

export function monthBounds(month: string): Result<{ start: EpochMs; end: EpochMs }, MonthError> {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return err({ code: 'invalidMonth', month });
  const year = Number(match[1]);
  const monthNumber = Number(match[2]);
  const nextMonth = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return ok({ start: instantAt(`${month}-01`, 0).getTime(), end: instantAt(`${nextMonth}-01`, 0).getTime() });
}

/** Observed and up time of [start, end) (cut at now), by the rule above; statistics use any span. */
export function uptimeBetween(
  history: KioskHistory,
  start: EpochMs,
  end: EpochMs,
  now: Date,
): { observedMs: number; upMs: number } {
  const until = Math.min(end, now.getTime());
  let observedMs = 0;
  let upMs = 0;
  const changes = history.statusChanges;
  changes.forEach((change, index) => {
    const spanEnd = Math.min(changes[index + 1]?.at ?? until, until);
    const spanStart = Math.max(change.at, start);
    if (spanEnd <= spanStart) return;
    observedMs += spanEnd - spanStart;
    if (UP.has(change.status)) upMs += spanEnd - spanStart;
  });
  return { observedMs, upMs };
}

export function monthReport(history: KioskHistory, month: string, now: Date): Result<MonthReport, MonthError> {
  const bounds = monthBounds(month);
  if (!bounds.ok) return bounds;
  const { start, end } = bounds.value;
  const { observedMs, upMs } = uptimeBetween(history, start, end, now);

  const cleared = history.episodes.filter((episode) => episode.clearedAt >= start && episode.clearedAt < end);
  const repairMs = cleared.reduce((sum, episode) => sum + (episode.clearedAt - episode.raisedAt), 0);
  return ok({
    month,
    observedMs,
    upMs,
    uptime: observedMs > 0 ? upMs / observedMs : null,
    alarmsCleared: cleared.length,
    mttrMs: cleared.length > 0 ? repairMs / cleared.length : null,
  });
}
