import type { StaffedHours } from '../../contract/staffed-hours';
import type { DailyPeriod } from '../sample/queue-services';
import { addDays, chinaDay, chinaInstant, isoWeekday } from '../time';

/**
 * The reference platform has no clerks, so a simulated one calls tickets: during staffed hours
 * (by the working calendar: none on public holidays, working-day hours on make-up weekends), one
 * ticket every `averageServiceMinutes`, highest priority weight first, then in order of issue.
 * Everything is computed from the day's tickets and `now`, so the same inputs always give the
 * same waiting counts. A ticket reported late (issued offline) joins at its original issue time;
 * recomputing may then change who the simulated clerk "had" called, which a real queue would not
 * do, but the counts stay consistent with what is stored.
 */

export interface QueuedTicket {
  readonly ticketId: string;
  readonly issuedAtMs: number;
  readonly weight: number;
}

export interface Interval {
  readonly startMs: number;
  readonly endMs: number;
}

export interface SimulatedQueue {
  readonly calledIds: ReadonlySet<string>;
  /** The tickets not called yet, in the order the clerk will call them (ignoring later arrivals). */
  readonly waiting: readonly QueuedTicket[];
  /** When the clerk can take the next ticket; undefined when no staffed time is left in view. */
  readonly clerkFreeAtMs: number | undefined;
}

/** Staffed intervals from `day` on, for `days` days, in time order. */
export function staffedIntervals(hours: StaffedHours, day: string, days: number): Interval[] {
  const intervals: Interval[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    for (const period of hours.periodsOn(addDays(day, offset))) {
      intervals.push({ startMs: period.startsAt.getTime(), endMs: period.endsAt.getTime() });
    }
  }
  return intervals.sort((a, b) => a.startMs - b.startMs);
}

/**
 * Whether the clerk still calls today after `now`. A ticket belongs to one day's queue (its number
 * is that day's), so once the day's last staffed period is over nobody would ever call it.
 */
export function callingLeftToday(hours: StaffedHours, now: Date): boolean {
  return hours.periodsOn(chinaDay(now)).some((period) => period.endsAt.getTime() > now.getTime());
}

/** Whether a day has staffed hours at all (a holiday or a Sunday has none). */
export function hasCalling(hours: StaffedHours, day: string): boolean {
  return hours.periodsOn(day).length > 0;
}

/**
 * The instant the clerk, free at `fromMs`, has worked `minutes` more staffed minutes: the end of
 * the lunch break and the evening are skipped, not counted. Undefined when the intervals in view
 * run out first.
 */
export function afterStaffedMinutes(
  intervals: readonly Interval[],
  fromMs: number,
  minutes: number,
): number | undefined {
  let position = fromMs;
  let left = minutes * 60_000;
  for (const interval of intervals) {
    if (interval.endMs <= position) continue;
    const start = Math.max(position, interval.startMs);
    const available = interval.endMs - start;
    if (left <= available) return start + left;
    left -= available;
    position = interval.endMs;
  }
  return undefined;
}

/** The first staffed instant at or after `ms`. */
function nextStaffed(intervals: readonly Interval[], ms: number): number | undefined {
  for (const interval of intervals) {
    if (ms < interval.startMs) return interval.startMs;
    if (ms < interval.endMs) return ms;
  }
  return undefined;
}

function byCallOrder(a: QueuedTicket, b: QueuedTicket): number {
  return b.weight - a.weight || a.issuedAtMs - b.issuedAtMs || a.ticketId.localeCompare(b.ticketId);
}

export function simulateQueue(
  tickets: readonly QueuedTicket[],
  intervals: readonly Interval[],
  averageServiceMinutes: number,
  nowMs: number,
): SimulatedQueue {
  const arrivals = [...tickets].sort((a, b) => a.issuedAtMs - b.issuedAtMs);
  const calledIds = new Set<string>();
  let waiting: QueuedTicket[] = [];
  let next = 0;
  let clock = nextStaffed(intervals, intervals[0]?.startMs ?? nowMs);
  while (clock !== undefined && clock <= nowMs) {
    while (next < arrivals.length && (arrivals[next]?.issuedAtMs ?? Infinity) <= clock) {
      waiting.push(arrivals[next] as QueuedTicket);
      next += 1;
    }
    if (waiting.length === 0) {
      const upcoming = arrivals[next];
      if (!upcoming || upcoming.issuedAtMs > nowMs) break;
      clock = nextStaffed(intervals, upcoming.issuedAtMs);
      continue;
    }
    waiting.sort(byCallOrder);
    const [called, ...rest] = waiting;
    calledIds.add((called as QueuedTicket).ticketId);
    waiting = rest;
    clock = nextStaffed(intervals, clock + averageServiceMinutes * 60_000);
  }
  const notCalled = arrivals.filter((ticket) => !calledIds.has(ticket.ticketId)).sort(byCallOrder);
  const clerkFreeAtMs = clock === undefined ? undefined : nextStaffed(intervals, Math.max(clock, nowMs));
  return { calledIds, waiting: notCalled, clerkFreeAtMs };
}

/**
 * 前面还有 N 人 and 预计等待 M 分钟 for a ticket (waiting or hypothetical) of the given weight. The
 * wait runs on staffed time only: three people ahead at 11:20 with a 10-minute pace and a lunch
 * break from 11:30 to 14:00 are a wait until about 14:20, not 30 minutes.
 */
export function estimateFor(
  queue: SimulatedQueue,
  ticket: { readonly ticketId: string | null; readonly weight: number; readonly issuedAtMs: number },
  averageServiceMinutes: number,
  nowMs: number,
  intervals: readonly Interval[],
): { readonly waitingAhead: number; readonly estimatedWaitMinutes: number } {
  if (ticket.ticketId !== null && !queue.waiting.some((entry) => entry.ticketId === ticket.ticketId)) {
    return { waitingAhead: 0, estimatedWaitMinutes: 0 };
  }
  const waitingAhead = queue.waiting.filter(
    (entry) =>
      entry.ticketId !== ticket.ticketId &&
      (entry.weight > ticket.weight || (entry.weight === ticket.weight && entry.issuedAtMs <= ticket.issuedAtMs)),
  ).length;
  const clerkFreeMs = Math.max(queue.clerkFreeAtMs ?? nowMs, nowMs);
  const calledMs =
    afterStaffedMinutes(intervals, clerkFreeMs, waitingAhead * averageServiceMinutes) ??
    clerkFreeMs + waitingAhead * averageServiceMinutes * 60_000;
  return { waitingAhead, estimatedWaitMinutes: Math.ceil(Math.max(0, calledMs - nowMs) / 60_000) };
}

/** Whether `now` falls in one of the weekly periods (for issuing hours, which the calendar does not change). */
export function withinPeriods(periods: readonly DailyPeriod[], now: Date): boolean {
  const day = chinaDay(now);
  const weekday = isoWeekday(day);
  return periods.some(
    (period) =>
      period.days.includes(weekday) &&
      now.getTime() >= chinaInstant(day, period.opens).getTime() &&
      now.getTime() < chinaInstant(day, period.closes).getTime(),
  );
}
