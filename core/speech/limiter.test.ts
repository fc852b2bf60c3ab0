import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';

describe('createLimiter', () => {
  it('runs at most `concurrency` tasks at once, in order, and hands a freed slot to the next', async () => {
    const limit = createLimiter(2);
    const started: number[] = [];
    const finish: (() => void)[] = [];
    const tasks = [0, 1, 2, 3, 4].map((n) =>
      limit(async () => {
        started.push(n);
        await new Promise<void>((resolve) => (finish[n] = resolve));
        return n;
      }),
    );
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    expect(started).toEqual([0, 1]);
    finish[1]?.();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    // A newcomer arriving now waits behind 3 and 4.
    const late = limit(() => Promise.resolve('late'));
    finish[0]?.();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    finish[2]?.();
    finish[3]?.();
    await settle();
    finish[4]?.();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(await late).toBe('late');
  });
});
