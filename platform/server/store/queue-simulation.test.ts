import { describe, expect, it } from 'vitest';
import { staffedHours } from '../../contract/staffed-hours';
import { workingDays } from '../../contract/working-days';
import { SEED_WORK_CALENDAR } from '../../seed/work-calendar';
import { chinaInstant } from '../time';
import {
  callingLeftToday,
  estimateFor,
  hasCalling,
  simulateQueue,
  staffedIntervals,
  type QueuedTicket,
} from './queue-simulation';

// Monday 2 March 2026; the clerk works 08:00–11:30 and 14:00–17:00.
const DAY = '2026-03-02';
const HOURS = [
  { days: [1, 2, 3, 4, 5], opens: 8 * 60, closes: 11 * 60 + 30 },
  { days: [1, 2, 3, 4, 5], opens: 14 * 60, closes: 17 * 60 },
];
const hours = staffedHours(HOURS, workingDays(SEED_WORK_CALENDAR));
const intervals = staffedIntervals(hours, DAY, 8);
const at = (hours: number, minutes = 0) => chinaInstant(DAY, hours * 60 + minutes).getTime();
const ticket = (ticketId: string, issuedAtMs: number, weight = 0): QueuedTicket => ({ ticketId, issuedAtMs, weight });

describe('the simulated clerk', () => {
  it('calls one ticket per average service time during staffed hours only', () => {
    const tickets = [ticket('a', at(7)), ticket('b', at(7, 1)), ticket('c', at(7, 2))];
    expect(simulateQueue(tickets, intervals, 10, at(7, 30)).waiting).toHaveLength(3);
    // 08:00 calls a, 08:10 calls b; at 08:15 c still waits.
    const at815 = simulateQueue(tickets, intervals, 10, at(8, 15));
    expect([...at815.calledIds]).toEqual(['a', 'b']);
    expect(at815.waiting.map((entry) => entry.ticketId)).toEqual(['c']);
  });

  it('calls higher weights first, then in order of issue', () => {
    const tickets = [ticket('normal', at(7)), ticket('elderly', at(7, 5), 10), ticket('appt', at(7, 10), 20)];
    const queue = simulateQueue(tickets, intervals, 10, at(8, 5));
    expect([...queue.calledIds]).toEqual(['appt']);
    expect(queue.waiting.map((entry) => entry.ticketId)).toEqual(['elderly', 'normal']);
  });

  it('estimates the wait from the tickets ahead, the pace and the time until the clerk is back', () => {
    const tickets = [ticket('a', at(12)), ticket('b', at(12, 1))];
    const queue = simulateQueue(tickets, intervals, 10, at(12, 30));
    // Lunch: the clerk is back at 14:00 (90 minutes), two tickets ahead at 10 minutes each.
    expect(
      estimateFor(queue, { ticketId: null, weight: 0, issuedAtMs: at(12, 30) }, 10, at(12, 30), intervals),
    ).toEqual({
      waitingAhead: 2,
      estimatedWaitMinutes: 110,
    });
    // An elderly ticket is still behind tickets of the same weight issued before it, but not behind normal ones.
    expect(
      estimateFor(queue, { ticketId: null, weight: 10, issuedAtMs: at(12, 30) }, 10, at(12, 30), intervals),
    ).toEqual({
      waitingAhead: 0,
      estimatedWaitMinutes: 90,
    });
  });

  it('is idle when nobody waits and picks up a later arrival at once', () => {
    const queue = simulateQueue([ticket('late', at(9, 40))], intervals, 10, at(9, 45));
    expect([...queue.calledIds]).toEqual(['late']);
    expect(queue.waiting).toEqual([]);
  });

  it('counts the wait on staffed time only: a queue that runs into lunch resumes at 14:00', () => {
    const tickets = ['a', 'b', 'c', 'd'].map((id, index) => ticket(id, at(11, 10 + index)));
    const queue = simulateQueue(tickets, intervals, 10, at(11, 15));
    // The clerk took a at 11:10 and is free at 11:20; b, c, d are ahead: 10 minutes before lunch
    // (11:20–11:30), 20 after it (14:00–14:20), then this ticket at 14:20: 185 minutes from 11:15.
    expect(
      estimateFor(queue, { ticketId: null, weight: 0, issuedAtMs: at(11, 15) }, 10, at(11, 15), intervals),
    ).toEqual({
      waitingAhead: 3,
      estimatedWaitMinutes: 185,
    });
  });
});

describe('calling on the working calendar', () => {
  const china = (day: string, hh: number, mm = 0) => chinaInstant(day, hh * 60 + mm);

  it('has calling left before opening and in the lunch break, none after closing', () => {
    expect(callingLeftToday(hours, china(DAY, 7))).toBe(true);
    expect(callingLeftToday(hours, china(DAY, 12))).toBe(true);
    expect(callingLeftToday(hours, china(DAY, 17))).toBe(false);
  });

  it('has no calling on a Sunday or through 国庆, and working-day calling on a make-up Saturday', () => {
    expect(hasCalling(hours, '2026-03-01')).toBe(false);
    expect(hasCalling(hours, '2026-10-05')).toBe(false);
    expect(callingLeftToday(hours, china('2026-10-05', 7))).toBe(false);
    expect(hasCalling(hours, '2026-10-10')).toBe(true);
    // A ticket queued on 30 Sep at 16:55 is not estimated into the holiday: the clerk's time runs out.
    const sep30 = staffedIntervals(hours, '2026-09-30', 8);
    expect(sep30.map((interval) => new Date(interval.startMs).toISOString().slice(0, 10))).not.toContain('2026-10-05');
  });
});
