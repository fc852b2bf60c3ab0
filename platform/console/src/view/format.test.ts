import { describe, expect, it } from 'vitest';
import { ageSeconds, duration, formatDateTime, gigabytes, paperDays, uptimePercent } from './format';

describe('formatDateTime', () => {
  it('shows China Standard Time whatever the instant was written in', () => {
    expect(formatDateTime('2026-03-01T00:05:00Z', 'zh-CN')).toBe('2026-03-01 08:05');
    expect(formatDateTime('2026-03-01T23:59:00+08:00', 'en')).toBe('2026-03-01 23:59');
  });
  it('gives null for never and for garbage', () => {
    expect(formatDateTime(null, 'zh-CN')).toBeNull();
    expect(formatDateTime('not a date', 'zh-CN')).toBeNull();
  });
});

describe('paperDays', () => {
  it('rounds down: a roll that lasts 2.9 days is empty on the third', () => {
    expect(paperDays(2.9)).toEqual({ text: '2', level: 'low' });
  });
  it('is ok from the low threshold up', () => {
    expect(paperDays(3)).toEqual({ text: '3', level: 'ok' });
    expect(paperDays(12.4)).toEqual({ text: '12', level: 'ok' });
  });
  it('says less than a day, out, and unknown', () => {
    expect(paperDays(0.4)).toEqual({ text: '<1', level: 'low' });
    expect(paperDays(0)).toEqual({ text: '0', level: 'out' });
    expect(paperDays(null)).toEqual({ text: null, level: 'unknown' });
  });
  it('takes the threshold', () => {
    expect(paperDays(4, 5).level).toBe('low');
  });
});

describe('uptimePercent', () => {
  it('never rounds up to a perfect month', () => {
    expect(uptimePercent(0.99949)).toBe('99.9');
    expect(uptimePercent(0.9999)).toBe('99.9');
    expect(uptimePercent(1)).toBe('100.0');
    expect(uptimePercent(0.5)).toBe('50.0');
    expect(uptimePercent(null)).toBeNull();
  });
});

describe('duration and age', () => {
  it('picks a readable unit', () => {
    expect(duration(90)).toEqual({ unit: 'minutes', count: 2 });
    expect(duration(5 * 3600)).toEqual({ unit: 'hours', count: 5 });
    expect(duration(3 * 86_400)).toEqual({ unit: 'days', count: 3 });
  });
  it('measures age from now, null for never', () => {
    const now = new Date('2026-03-01T08:01:00+08:00');
    expect(ageSeconds('2026-03-01T08:00:00+08:00', now)).toBe(60);
    expect(ageSeconds(null, now)).toBeNull();
  });
  it('shows disk in GB', () => {
    expect(gigabytes(16 * 1024 ** 3)).toBe('16.0');
  });
});
