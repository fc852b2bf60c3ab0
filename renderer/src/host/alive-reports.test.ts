import { describe, expect, it } from 'vitest';
import { HOST_ALIVE_EVERY_MS } from '../../../core/api/host';
import { createFakeHost } from '../test/fake-host';
import { startAliveReports, type AliveTimers } from './alive-reports';

/** An interval run by hand: fire() is one period. */
function manualTimers(): AliveTimers & { fire(): void; periods: number[]; cleared: boolean } {
  let run: (() => void) | null = null;
  const timers = {
    periods: [] as number[],
    cleared: false,
    setInterval(callback: () => void, ms: number) {
      run = callback;
      timers.periods.push(ms);
      return 7;
    },
    clearInterval(handle: number) {
      expect(handle).toBe(7);
      timers.cleared = true;
    },
    fire: () => run?.(),
  };
  return timers;
}

describe('the page’s alive reports', () => {
  it('reports at once and then every period, never two at a time, until stopped', async () => {
    let answer: (() => void) | null = null;
    const fake = createFakeHost({
      'host.alive': () => new Promise((resolve) => (answer = () => resolve({ ok: true, value: {} }))),
    });
    const timers = manualTimers();
    const stop = startAliveReports(fake.host.client, timers);
    expect(timers.periods).toEqual([HOST_ALIVE_EVERY_MS]);
    expect(fake.callsTo('host.alive')).toHaveLength(1);
    // The first is still unanswered: the next period does not send a second one.
    timers.fire();
    expect(fake.callsTo('host.alive')).toHaveLength(1);
    answer!();
    // Let the answer travel back through the client (a few promise steps).
    await new Promise((resolve) => setTimeout(resolve, 0));
    timers.fire();
    expect(fake.callsTo('host.alive')).toEqual([{}, {}]);
    stop();
    expect(timers.cleared).toBe(true);
  });

  it('keeps reporting after a report that could not be delivered', async () => {
    let calls = 0;
    const fake = createFakeHost({
      'host.alive': () => {
        calls += 1;
        if (calls === 1) throw new Error('link down');
        return { ok: true, value: {} };
      },
    });
    const timers = manualTimers();
    startAliveReports(fake.host.client, timers);
    await new Promise((resolve) => setTimeout(resolve, 0));
    timers.fire();
    expect(fake.callsTo('host.alive').length).toBe(2);
  });
});
