import { describe, expect, it } from 'vitest';
import { parseWeekdayLabel, weeklyStaffedHours } from './station-days';

describe('parseWeekdayLabel', () => {
  it('reads the labels stations write on their door', () => {
    expect(parseWeekdayLabel('周一至周五')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdayLabel('星期一 到 星期五')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdayLabel('周六、周日')).toEqual([6, 7]);
    expect(parseWeekdayLabel('周一至周五、周日')).toEqual([1, 2, 3, 4, 5, 7]);
    expect(parseWeekdayLabel('每天')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parseWeekdayLabel('工作日')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWeekdayLabel('礼拜天')).toEqual([7]);
  });

  it('refuses what it cannot read, a backwards range, and words that only an object prototype knows', () => {
    expect(parseWeekdayLabel('')).toBeNull();
    expect(parseWeekdayLabel('周五至周一')).toBeNull();
    expect(parseWeekdayLabel('平时')).toBeNull();
    // Free text: found by the fuzz run when these were keys of an object literal.
    for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(parseWeekdayLabel(word)).toBeNull();
    }
  });
});

describe('weeklyStaffedHours', () => {
  it('turns entries into weekly periods in minutes, an unreadable label into no days', () => {
    expect(
      weeklyStaffedHours([
        { days: '周一至周五', open: '08:30', close: '17:00' },
        { days: 'constructor', open: '09:00', close: '12:00' },
      ]),
    ).toEqual([
      { days: [1, 2, 3, 4, 5], opens: 510, closes: 1020 },
      { days: [], opens: 540, closes: 720 },
    ]);
  });
});
