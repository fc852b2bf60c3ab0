import { describe, expect, it } from 'vitest';
import { callTime, lossPercent, sharePercent, whole } from './call-quality';

describe('call figures as the console writes them', () => {
  it('keeps short times in seconds and longer ones in minutes or hours', () => {
    expect(callTime(1.5)).toEqual({ unit: 'seconds', value: '1.5' });
    expect(callTime(35)).toEqual({ unit: 'seconds', value: '35' });
    expect(callTime(120)).toEqual({ unit: 'minutes', value: '2.0' });
    expect(callTime(210)).toEqual({ unit: 'minutes', value: '3.5' });
    expect(callTime(7200)).toEqual({ unit: 'hours', value: '2.0' });
    expect(callTime(null)).toBeNull();
  });
  it('writes loss with one decimal, shares rounded to nearest, RTT and bitrates whole', () => {
    expect(lossPercent(14 / 3)).toBe('4.7 %');
    expect(sharePercent(3 / 8)).toBe('37.5 %');
    expect(sharePercent(2 / 3)).toBe('66.7 %');
    expect(sharePercent(null)).toBeNull();
    expect(whole(266.67)).toBe('267');
    expect(whole(null)).toBeNull();
  });
});
