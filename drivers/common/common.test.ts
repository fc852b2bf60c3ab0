import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';
import { createLock } from './lock';
import { withTimeout } from './timeout';

describe('lock', () => {
  it('runs tasks one at a time in the order they came, even when one fails', async () => {
    const lock = createLock();
    const log: string[] = [];
    const task = (name: string, fail = false) =>
      lock.run(async () => {
        log.push(`start ${name}`);
        await new Promise((resolve) => setImmediate(resolve));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([task('a'), task('b', true), task('c')]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(lock.busy).toBe(false);
  });
});

describe('backoff', () => {
  it('doubles from the minimum to the maximum, with jitter inside ±20 %', () => {
    const fixed = { minMs: 250, maxMs: 10_000, random: () => 0.5 };
    expect([0, 1, 2, 3, 10].map((n) => backoffDelay(n, fixed))).toEqual([250, 500, 1000, 2000, 10_000]);
    expect(backoffDelay(2, { ...fixed, random: () => 0 })).toBe(800);
    expect(backoffDelay(2, { ...fixed, random: () => 0.999_999 })).toBe(1200);
    expect(backoffDelay(0, { ...fixed, random: () => 0 })).toBe(250);
  });
});

describe('withTimeout', () => {
  it('answers the fallback when the promise is too slow, and the value otherwise', async () => {
    expect(await withTimeout(new Promise<string>(() => undefined), 5, () => 'late')).toBe('late');
    expect(await withTimeout(Promise.resolve('fast'), 1000, () => 'late')).toBe('fast');
  });
});
