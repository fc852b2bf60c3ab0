import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relativeDay } from './relative-day';
import {
  dayAfter,
  formatClock,
  formatDateTimeNumeric,
  formatDay,
  formatDayTime,
  stationWallTime,
  todayIn,
} from './station-time';

/**
 * The station's clock whatever the host's zone: these run with the process in UTC (a Debian host
 * left at its default) and then in Los Angeles (behind UTC, so even the date differs), and each
 * first checks that the process really is in that zone, so the test cannot pass by running in
 * China time.
 */
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const startingZone = env['TZ'];

function inProcessZone(zone: string) {
  env['TZ'] = zone;
}

afterAll(() => {
  if (startingZone === undefined) delete env['TZ'];
  else env['TZ'] = startingZone;
});

// 2026-10-01 02:00 UTC = 10:00 on 国庆 (Thursday) in China; 19:00 on 30 September in Los Angeles.
const NATIONAL_DAY_MORNING = '2026-10-01T02:00:00.000Z';
// 2026-11-22 18:30 UTC = Monday 23 November 02:30 in China; still Sunday in UTC.
const MONDAY_SMALL_HOURS = '2026-11-22T18:30:00.000Z';
const CHINA = 'Asia/Shanghai';

describe.each(['UTC', 'America/Los_Angeles'])('station time with the process in %s', (processZone) => {
  beforeAll(() => inProcessZone(processZone));

  it('runs in that zone (the premise)', () => {
    const hours = new Date(NATIONAL_DAY_MORNING).getHours();
    expect(hours).toBe(processZone === 'UTC' ? 2 : 19);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).not.toBe(CHINA);
  });

  it('writes the time and the day as the station sees them', () => {
    expect(formatClock(NATIONAL_DAY_MORNING, 'zh-CN', CHINA)).toBe('10:00');
    expect(formatClock(new Date(MONDAY_SMALL_HOURS), 'zh-CN', CHINA)).toBe('02:30');
    expect(todayIn(new Date(NATIONAL_DAY_MORNING), CHINA)).toBe('2026-10-01');
    expect(todayIn(new Date(MONDAY_SMALL_HOURS), CHINA)).toBe('2026-11-23');
    expect(stationWallTime(new Date(MONDAY_SMALL_HOURS), CHINA)).toEqual({
      date: '2026-11-23',
      weekday: 1,
      minute: 150,
    });
    expect(formatDayTime(NATIONAL_DAY_MORNING, 'zh-CN', CHINA)).toBe('10月1日星期四 10:00');
    expect(formatDateTimeNumeric(MONDAY_SMALL_HOURS, 'zh-CN', CHINA)).toBe('2026/11/23 02:30');
    expect(dayAfter(new Date(MONDAY_SMALL_HOURS), 6, CHINA)).toBe('2026-11-29');
  });

  it('writes a calendar day as that day, never shifted by a zone', () => {
    expect(formatDay('2026-10-01', 'zh-CN')).toBe('10月1日星期四');
    expect(formatDay('2026-10-01', 'en')).toBe('Thursday, October 1');
  });

  it('follows a station configured in another zone', () => {
    // Xinjiang's local time, which some stations keep on their wall clocks.
    expect(formatClock(NATIONAL_DAY_MORNING, 'zh-CN', 'Asia/Urumqi')).toBe('08:00');
  });

  it('says when from now the way a villager says it', () => {
    const sunday = new Date('2026-11-22T06:00:00.000Z'); // Sunday 14:00 in China
    expect(relativeDay('2026-11-22T05:30:00.000Z', sunday, 'zh-CN', CHINA)).toEqual({ kind: 'today', time: '13:30' });
    expect(relativeDay('2026-11-23T00:30:00.000Z', sunday, 'zh-CN', CHINA)).toEqual({
      kind: 'tomorrow',
      weekday: '周一',
      time: '08:30',
    });
    // From 国庆 to the first working day after the holiday week: a date, not "tomorrow".
    expect(relativeDay('2026-10-08T00:30:00.000Z', new Date(NATIONAL_DAY_MORNING), 'zh-CN', CHINA)).toEqual({
      kind: 'date',
      date: '10月8日',
      weekday: '周四',
      time: '08:30',
    });
  });
});
