import { describe, expect, it } from 'vitest';
import { createCrashBudget, DEFAULT_CRASH_BUDGET } from './crash-recovery';

const MINUTE = 60_000;

function budgetAt(start = 1_000_000) {
  let time = start;
  const budget = createCrashBudget({ ...DEFAULT_CRASH_BUDGET, now: () => time });
  return {
    budget,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe('the renderer crash budget', () => {
  it('is 3 reloads in any 10 minutes', () => {
    expect(DEFAULT_CRASH_BUDGET).toEqual({ maxReloads: 3, windowMs: 10 * MINUTE });
  });

  it('reloads 3 times, then the 4th crash inside 10 minutes puts the kiosk out of service', () => {
    const { budget, advance } = budgetAt();
    expect(budget.onRendererGone('crashed')).toBe('reload');
    advance(2 * MINUTE);
    expect(budget.onRendererGone('oom')).toBe('reload');
    advance(2 * MINUTE);
    expect(budget.onRendererGone('killed')).toBe('reload');
    expect(budget.reloadsInWindow()).toBe(3);
    advance(5 * MINUTE); // 9 minutes after the first
    expect(budget.onRendererGone('crashed')).toBe('outOfService');
  });

  it('stays out of service until restarted, even after the window passes', () => {
    const { budget, advance } = budgetAt();
    for (let i = 0; i < 3; i += 1) budget.onRendererGone('crashed');
    expect(budget.onRendererGone('crashed')).toBe('outOfService');
    advance(60 * MINUTE);
    expect(budget.onRendererGone('crashed')).toBe('outOfService');
  });

  it('allows reloads again once old crashes leave the window', () => {
    const { budget, advance } = budgetAt();
    for (let i = 0; i < 3; i += 1) budget.onRendererGone('crashed');
    advance(10 * MINUTE);
    expect(budget.reloadsInWindow()).toBe(0);
    expect(budget.onRendererGone('crashed')).toBe('reload');
  });

  it('slides: only the crashes of the last 10 minutes count', () => {
    const { budget, advance } = budgetAt();
    budget.onRendererGone('crashed'); // t=0
    advance(6 * MINUTE);
    budget.onRendererGone('crashed'); // t=6
    budget.onRendererGone('crashed'); // t=6
    advance(5 * MINUTE); // t=11: the t=0 crash has left the window
    expect(budget.onRendererGone('crashed')).toBe('reload');
    expect(budget.onRendererGone('crashed')).toBe('outOfService');
  });

  it('treats a clean exit while running as a death (the page is blank all the same)', () => {
    const { budget } = budgetAt();
    expect(budget.onRendererGone('clean-exit')).toBe('reload');
  });

  it('ignores renderers going away while the app quits', () => {
    const { budget } = budgetAt();
    budget.markQuitting();
    expect(budget.onRendererGone('clean-exit')).toBe('ignore');
    expect(budget.onRendererGone('killed')).toBe('ignore');
    expect(budget.reloadsInWindow()).toBe(0);
  });
});
