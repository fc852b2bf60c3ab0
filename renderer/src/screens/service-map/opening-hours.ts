import type { OpeningHours } from '../../../../platform/contract/service-points';
import { stationWallTime } from '../../format/station-time';

/** ISO weekday: 1 Monday … 7 Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Whether a service point is open at a moment, and what the resident should know next. */
export type OpenState =
  | { readonly kind: 'open24h' }
  | { readonly kind: 'open'; readonly closes: string }
  /** `opens` on `weekday` (ISO), `today` when later today; null when no hours are listed. */
  | {
      readonly kind: 'closed';
      readonly next: { readonly weekday: Weekday; readonly opens: string; readonly today: boolean } | null;
    };

const minutesOf = (clock: string): number => {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number);
  return hours * 60 + minutes;
};

/** Open now? On the station's clocks (`zone`), whatever zone the host is set to. */
export function openState(
  point: { open24h: boolean; openingHours: readonly OpeningHours[] },
  now: Date,
  zone: string,
): OpenState {
  if (point.open24h) return { kind: 'open24h' };
  const { weekday, minute: minutes } = stationWallTime(now, zone);
  const current = point.openingHours.find(
    (period) =>
      period.days.includes(weekday) && minutesOf(period.opens) <= minutes && minutes < minutesOf(period.closes),
  );
  if (current) return { kind: 'open', closes: current.closes };

  for (let ahead = 0; ahead < 8; ahead++) {
    const day = (((weekday - 1 + ahead) % 7) + 1) as Weekday;
    const opensThatDay = point.openingHours
      .filter((period) => period.days.includes(day) && (ahead > 0 || minutesOf(period.opens) > minutes))
      .map((period) => period.opens)
      .sort();
    const [first] = opensThatDay;
    if (first) return { kind: 'closed', next: { weekday: day, opens: first, today: ahead === 0 } };
  }
  return { kind: 'closed', next: null };
}

/** ISO weekdays as runs, for "周一至周五、周日": [1,2,3,4,5,7] → [[1,5],[7,7]]. */
export function weekdayRuns(days: readonly number[]): Array<readonly [Weekday, Weekday]> {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: Array<[Weekday, Weekday]> = [];
  for (const day of sorted as Weekday[]) {
    const last = runs[runs.length - 1];
    if (last && day === last[1] + 1) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}
