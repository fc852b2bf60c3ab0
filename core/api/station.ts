import { z } from 'zod';
import { IsoDate } from '../../platform/contract/common';
import { StaffedJourney } from '../../kiosk-config/station';

/**
 * Whether staff are on duty at the station, and if not when they next are: the station's
 * staffed hours on the working calendar the platform publishes (public holidays off, make-up
 * weekends worked). Screens say what will really happen from this, never a wait that runs
 * through the night.
 */

const Instant = z.iso.datetime({ offset: true });

export const CalendarDayView = z.object({
  date: IsoDate,
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: z.number().int().min(1).max(7),
  kind: z.enum(['workday', 'makeUpWorkday', 'weekend', 'holiday']),
  /** The holiday the day is off (or worked) for, as the notice names it: 春节, 国庆节 …; null on ordinary days. */
  holiday: z.string().nullable(),
});
export type CalendarDayView = z.infer<typeof CalendarDayView>;

export const StaffPresence = z.discriminatedUnion('state', [
  /** Staff are on duty now, until the end of this period; nobody is after `dayEndsAt` today. */
  z.object({ state: z.literal('onDuty'), until: Instant, dayEndsAt: Instant }),
  /** Not now, but later today: before opening, or over the lunch break. */
  z.object({ state: z.literal('laterToday'), startsAt: Instant, dayEndsAt: Instant }),
  /** Not again today (after closing, a rest day, a public holiday); `next` is when they are, if known. */
  z.object({
    state: z.literal('offDuty'),
    next: z.object({ startsAt: Instant, day: CalendarDayView }).nullable(),
  }),
]);
export type StaffPresence = z.infer<typeof StaffPresence>;

export const StationHours = z.object({
  /** The zone of the station's wall clocks (station.timeZone). */
  timeZone: z.string(),
  today: CalendarDayView,
  presence: StaffPresence,
  /** Journeys the kiosk offers only while staff are on duty (station.staffedJourneys). */
  staffedJourneys: z.array(StaffedJourney),
  /** Today and the next six days, and whether staff are on duty on each (home visits are booked on those). */
  upcoming: z.array(z.object({ day: CalendarDayView, staffed: z.boolean() })),
  calendar: z.object({
    version: z.string().nullable().describe('null: no calendar stored yet, so only weekends are known'),
    coverage: z
      .enum(['official', 'provisional', 'unknown'])
      .describe("today's year: from a notice, provisional, or not covered"),
  }),
});
export type StationHours = z.infer<typeof StationHours>;

/** When the next staffed period starts, whatever the state; null when it is on now or unknown. */
export function nextOnDuty(presence: StaffPresence): string | null {
  if (presence.state === 'laterToday') return presence.startsAt;
  if (presence.state === 'offDuty') return presence.next?.startsAt ?? null;
  return null;
}
