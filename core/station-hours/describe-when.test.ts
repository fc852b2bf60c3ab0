import { describe, expect, it } from 'vitest';
import { describeWhen } from './describe-when';

describe('describeWhen', () => {
  const sundayEvening = new Date('2026-12-06T17:03:00+08:00');

  it('says today, tomorrow, the day after or the date, with the weekday, on the station clock', () => {
    expect(describeWhen('2026-12-06T19:00:00+08:00', sundayEvening, 'Asia/Shanghai')).toBe('今天 19:00');
    expect(describeWhen('2026-12-07T08:30:00+08:00', sundayEvening, 'Asia/Shanghai')).toBe('明天（周一）08:30');
    expect(describeWhen('2026-12-08T08:30:00+08:00', sundayEvening, 'Asia/Shanghai')).toBe('后天（周二）08:30');
    expect(describeWhen('2026-10-08T08:30:00+08:00', new Date('2026-10-01T10:00:00+08:00'), 'Asia/Shanghai')).toBe(
      '10月8日（周四）08:30',
    );
  });

  it('counts days where the station is, not where the machine is', () => {
    // 23:30 in Beijing is 21:30 in Ürümqi: 08:30 Beijing the next morning is "tomorrow" in both.
    const late = new Date('2026-12-06T23:30:00+08:00');
    expect(describeWhen('2026-12-07T08:30:00+08:00', late, 'Asia/Urumqi')).toBe('明天（周一）06:30');
    expect(describeWhen(null, late, 'Asia/Shanghai')).toBe('另行通知');
  });
});
