import { dayIn, instantAt, parseClock } from '../../platform/contract/china-time';
import { workingDays } from '../../platform/contract/working-days';
import { SEED_WORK_CALENDAR } from '../../platform/seed/work-calendar';

/**
 * Tuesday 8 December 2026, 10:00 China time: an ordinary working day with the sample station's
 * windows calling (kiosk-config/default.json: 08:30–12:00, 13:30–17:30). Tests that take a ticket,
 * check in or ask for an agent at the station run their kiosk (and its platform) from this moment,
 * so they pass on a Sunday night or during 国庆 as well; tests of the out-of-hours screens choose
 * their own moments.
 */
export const STAFFED_MOMENT = '2026-12-08T10:00:00+08:00';

/** A clock that starts at `start` and runs on at the machine's pace. */
export function runningClock(start: string = STAFFED_MOMENT): () => Date {
  const offset = Date.parse(start) - Date.now();
  return () => new Date(Date.now() + offset);
}

/**
 * `clock` (`HH:MM`, China time) on the first working day after today by the shipped calendar, as
 * epoch milliseconds: for tests that need "a working morning near now" rather than a fixed date.
 */
export function nextWorkingDayAt(clock: string, fromMs: number = Date.now()): number {
  const today = dayIn(new Date(fromMs));
  return instantAt(workingDays(SEED_WORK_CALENDAR).nextWorkingDay(today), parseClock(clock)).getTime();
}
