import { describe, expect, it } from 'vitest';
import { lockoutMinutes } from './lockout-store';

describe('lockout lengths', () => {
  it('double from the first and stop at the cap', () => {
    const policy = { firstMinutes: 15, maxMinutes: 24 * 60 };
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => lockoutMinutes(n, policy))).toEqual([
      15, 30, 60, 120, 240, 480, 960, 1440, 1440,
    ]);
  });

  it('stay at the cap however many lockouts came before', () => {
    const policy = { firstMinutes: 15, maxMinutes: 60 };
    expect(lockoutMinutes(1_000_000, policy)).toBe(60);
    expect(lockoutMinutes(0, policy)).toBe(15);
  });
});
