import { parseClock } from '../platform/contract/china-time';
import type { WeeklyPeriod } from '../platform/contract/staffed-hours';

/**
 * The weekdays of a staffed-hours entry as stations write them on their door: 周一至周五, 周六,
 * 周六、周日, 每天, 工作日 (Monday to Friday: the working calendar moves them around holidays),
 * 周末, 星期一到星期五, 周一至周五、周日 … The label stays as written (the attract screen shows it);
 * the kiosk reads the days from it. Environment-free: the renderer bundles the station schema.
 */

const DAY_NUMBERS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  七: 7,
};
// Maps, not object literals: a label is free text, and "constructor" or "__proto__" must not find
// something on Object.prototype.
const WHOLE_LABELS: ReadonlyMap<string, readonly number[]> = new Map([
  ['每天', [1, 2, 3, 4, 5, 6, 7]],
  ['每日', [1, 2, 3, 4, 5, 6, 7]],
  ['工作日', [1, 2, 3, 4, 5]],
  ['周末', [6, 7]],
  ['双休日', [6, 7]],
]);
const DAY = '(?:周|星期|礼拜)([一二三四五六日天七])';
const RANGE = new RegExp(`^${DAY}\\s*(?:至|到|-|—|–|~|～)\\s*${DAY}$`);
const SINGLE = new RegExp(`^${DAY}$`);

/** ISO weekdays (1 Monday … 7 Sunday) named by the label, in order; null when it cannot be read. */
export function parseWeekdayLabel(label: string): number[] | null {
  const days = new Set<number>();
  const parts = label
    .trim()
    .replace(/\s*(至|到|-|—|–|~|～)\s*/g, '$1')
    .split(/[、，,;；\s]+/)
    .filter((part) => part !== '');
  if (parts.length === 0) return null;
  for (const part of parts) {
    const whole = WHOLE_LABELS.get(part);
    if (whole) {
      whole.forEach((day) => days.add(day));
      continue;
    }
    const range = RANGE.exec(part);
    if (range) {
      const from = DAY_NUMBERS[range[1] ?? ''] ?? 0;
      const to = DAY_NUMBERS[range[2] ?? ''] ?? 0;
      if (from === 0 || to === 0 || from > to) return null;
      for (let day = from; day <= to; day += 1) days.add(day);
      continue;
    }
    const single = SINGLE.exec(part);
    if (!single) return null;
    days.add(DAY_NUMBERS[single[1] ?? ''] ?? 0);
  }
  return [...days].sort((a, b) => a - b);
}

/** The station's staffed hours as weekly periods in minutes, for the working calendar (staffed-hours.ts). */
export function weeklyStaffedHours(
  hours: readonly { readonly days: string; readonly open: string; readonly close: string }[],
): WeeklyPeriod[] {
  return hours.map((entry) => ({
    days: parseWeekdayLabel(entry.days) ?? [],
    opens: parseClock(entry.open),
    closes: parseClock(entry.close),
  }));
}
