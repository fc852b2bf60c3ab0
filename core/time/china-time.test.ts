import { describe, expect, it } from 'vitest';
import { chinaClock, chinaDateTime, chinaDay, chinaDayAfter, compactChinaDay } from './china-time';

describe('China Standard Time', () => {
  // 16:30 UTC is 00:30 the next day in China: the day printed and checked is China's.
  const lateUtc = new Date('2026-11-21T16:30:00Z');

  it('formats days and times in UTC+8, whatever the machine zone', () => {
    expect(chinaDay(lateUtc)).toBe('2026-11-22');
    expect(compactChinaDay(lateUtc)).toBe('20261122');
    expect(chinaClock(lateUtc)).toBe('00:30');
    expect(chinaDateTime(lateUtc)).toBe('2026-11-22 00:30');
    expect(chinaDateTime('2026-11-21T16:30:00+08:00')).toBe('2026-11-21 16:30');
  });

  it('counts days from the China day', () => {
    expect(chinaDayAfter(lateUtc, 1)).toBe('2026-11-23');
    expect(chinaDayAfter(lateUtc, -1)).toBe('2026-11-21');
  });
});
