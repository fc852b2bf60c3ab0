import { describe, expect, it } from 'vitest';
import { workingDays } from '../contract/working-days';
import { SEED_WORK_CALENDAR } from '../seed/work-calendar';
import { addDays, addWorkingDays, chinaDay, chinaInstant, isoWeekday, minuteOfDay } from './time';

describe('China Standard Time helpers', () => {
  it('places wall-clock times of a China day on the right instant', () => {
    expect(chinaInstant('2026-03-02', 510).toISOString()).toBe('2026-03-02T00:30:00.000Z');
    expect(chinaDay(chinaInstant('2026-03-02', 0))).toBe('2026-03-02');
    expect(minuteOfDay('17:30')).toBe(1050);
  });

  it('knows weekdays and calendar days across month ends', () => {
    expect(isoWeekday('2026-03-01')).toBe(7); // a Sunday
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
  });

  it('counts working days without Saturdays and Sundays when no calendar is published', () => {
    const plain = workingDays(null);
    // Friday + 1 working day is Monday; Monday + 15 working days is three weeks later.
    expect(addWorkingDays('2026-02-27', 1, plain)).toBe('2026-03-02');
    expect(addWorkingDays('2026-03-02', 15, plain)).toBe('2026-03-23');
    // From a Sunday the first working day is Monday.
    expect(addWorkingDays('2026-03-01', 5, plain)).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-02', 0, plain)).toBe('2026-03-02');
  });

  it('skips public holidays and counts make-up Saturdays by the published calendar', () => {
    const calendar = workingDays(SEED_WORK_CALENDAR);
    // Accepted on Friday 13 Feb 2026: Saturday 14th is worked, then 春节 runs to the 23rd.
    expect(addWorkingDays('2026-02-13', 1, calendar)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, calendar)).toBe('2026-02-24');
    // 15 working days from 10 Feb 2026 end on 9 Mar (the plain week would say 3 Mar, 4 working days early).
    expect(addWorkingDays('2026-02-10', 15, calendar)).toBe('2026-03-09');
    expect(addWorkingDays('2026-02-10', 15, workingDays(null))).toBe('2026-03-03');
  });
});
