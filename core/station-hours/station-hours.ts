import type Database from 'better-sqlite3';
import { addDays, dayIn } from '../../platform/contract/china-time';
import { staffedHours, type StaffedHours } from '../../platform/contract/staffed-hours';
import { WorkCalendar } from '../../platform/contract/work-calendar';
import { workingDays, type CalendarDay, type WorkingDays } from '../../platform/contract/working-days';
import { weeklyStaffedHours } from '../../kiosk-config/station-days';
import type { StaffedJourney } from '../../kiosk-config/station';
import type { CalendarDayView, StaffPresence, StationHours } from '../api/station';
import type { ServiceDeps } from '../app/service-deps';
import type { PlatformDocumentSpec } from '../platform-documents/fetch';
import { readCurrentDocument } from '../platform-documents/store';

/**
 * The station's staffed hours on the working calendar the platform publishes, as the journeys
 * need them: is anyone on duty now, and if not, when. The calendar is fetched and stored like the
 * service map (service-map/refresh-loop.ts) and read from the store here, so it holds offline.
 * Without a stored calendar (a kiosk that never reached its platform) only weekends are known,
 * and the answer says so (`calendar.version` null).
 */

export const WORK_CALENDAR: PlatformDocumentSpec<'getWorkCalendar'> = {
  kind: 'workCalendar',
  operation: 'getWorkCalendar',
  keepOlder: false,
};

type Deps = Pick<ServiceDeps, 'db' | 'info' | 'logger' | 'now'>;

/** How many days, from today, `station.hours` lists. */
const UPCOMING_DAYS = 7;

const parsedByDb = new WeakMap<Database.Database, { version: string | null; days: WorkingDays }>();

/** Working days by the stored calendar; parsed again only when the stored version changes. */
export function storedWorkingDays(deps: Pick<Deps, 'db' | 'logger'>): WorkingDays {
  const version =
    (deps.db.prepare(`SELECT version FROM care_document_current WHERE kind = 'workCalendar'`).pluck().get() as
      string | undefined) ?? null;
  const held = parsedByDb.get(deps.db);
  if (held && held.version === version) return held.days;
  let calendar: WorkCalendar | null = null;
  const stored = version === null ? null : readCurrentDocument(deps.db, 'workCalendar');
  if (stored) {
    const parsed = WorkCalendar.safeParse(stored.body);
    if (parsed.success) calendar = parsed.data;
    else deps.logger.warn({ version }, 'stored work calendar no longer parses; only weekends are known');
  }
  const days = workingDays(calendar);
  parsedByDb.set(deps.db, { version, days });
  return days;
}

/** Whether the station's config holds this journey to its staffed hours. */
export function needsStaff(deps: Pick<Deps, 'info'>, journey: StaffedJourney): boolean {
  return deps.info.station.staffedJourneys.includes(journey);
}

export function dayView(day: CalendarDay): CalendarDayView {
  return { date: day.date, weekday: day.weekday, kind: day.kind, holiday: day.holiday };
}

/** Staff now, later today, or next on which day: the answer every out-of-hours screen starts from. */
export function staffPresence(hours: StaffedHours, calendar: WorkingDays, now: Date): StaffPresence {
  const state = hours.stateAt(now);
  if (state.staffed) {
    return { state: 'onDuty', until: state.period.endsAt.toISOString(), dayEndsAt: state.dayEndsAt.toISOString() };
  }
  if (state.laterToday && state.next) {
    const today = hours.periodsOn(state.next.date);
    const last = today[today.length - 1] ?? state.next;
    return { state: 'laterToday', startsAt: state.next.startsAt.toISOString(), dayEndsAt: last.endsAt.toISOString() };
  }
  return {
    state: 'offDuty',
    next: state.next
      ? { startsAt: state.next.startsAt.toISOString(), day: dayView(calendar.day(state.next.date)) }
      : null,
  };
}

/** The presence of staff at the station at `at` (now by default). */
export function stationPresence(deps: Deps, at: Date = deps.now()): StaffPresence {
  const calendar = storedWorkingDays(deps);
  const hours = staffedHours(weeklyStaffedHours(deps.info.station.staffedHours), calendar, deps.info.station.timeZone);
  return staffPresence(hours, calendar, at);
}

/** Today on the station's clock, as the working calendar sees it. */
export function stationToday(deps: Deps): CalendarDayView {
  return dayView(storedWorkingDays(deps).day(dayIn(deps.now(), deps.info.station.timeZone)));
}

/** `station.hours`: today, who is on duty, and what the calendar behind it is. */
export function stationHoursView(deps: Deps): StationHours {
  const calendar = storedWorkingDays(deps);
  const hours = staffedHours(weeklyStaffedHours(deps.info.station.staffedHours), calendar, deps.info.station.timeZone);
  const now = deps.now();
  const today = calendar.day(dayIn(now, deps.info.station.timeZone));
  const upcoming = Array.from({ length: UPCOMING_DAYS }, (_, offset) => {
    const date = addDays(today.date, offset);
    return { day: dayView(calendar.day(date)), staffed: hours.periodsOn(date).length > 0 };
  });
  return {
    timeZone: deps.info.station.timeZone,
    today: dayView(today),
    presence: staffPresence(hours, calendar, now),
    staffedJourneys: [...deps.info.station.staffedJourneys],
    upcoming,
    calendar: { version: calendar.version, coverage: today.coverage },
  };
}
