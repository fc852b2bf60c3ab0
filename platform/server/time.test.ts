import { describe, expect, it } from 'vitest';
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

  it('counts working days without Saturdays and Sundays', () => {
    // Friday + 1 working day is Monday; Monday + 15 working days is three weeks later.
    expect(addWorkingDays('2026-02-27', 1)).toBe('2026-03-02');
    expect(addWorkingDays('2026-03-02', 15)).toBe('2026-03-23');
    // From a Sunday the first working day is Monday.
    expect(addWorkingDays('2026-03-01', 5)).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-02', 0)).toBe('2026-03-02');
  });
});
