import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { shellMachine } from '../../shell/shell-machine';

function start() {
  const actor = createActor(shellMachine, { input: { defaultLocale: 'zh-CN', idleSeconds: 120 } });
  actor.start();
  return actor;
}

describe('technician mode in the shell', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens from a visit, throws the visit away, and exits to attract', () => {
    const actor = start();
    actor.send({ type: 'START' });
    actor.send({ type: 'SET_LOCALE', locale: 'en' });
    actor.send({ type: 'OPEN_MATTER', code: '370784-CJ-013' });
    actor.send({ type: 'TECHNICIAN' });
    expect(actor.getSnapshot().matches({ technician: 'pin' })).toBe(true);
    expect(actor.getSnapshot().context).toMatchObject({ locale: 'zh-CN', matterCode: null });
    actor.send({ type: 'TECHNICIAN_ENTERED' });
    expect(actor.getSnapshot().matches({ technician: 'active' })).toBe(true);
    actor.send({ type: 'TECHNICIAN_EXIT' });
    expect(actor.getSnapshot().value).toBe('attract');
  });

  it('an unused PIN pad returns to attract after the idle time; a touch restarts the wait', () => {
    const actor = start();
    actor.send({ type: 'TECHNICIAN' });
    vi.advanceTimersByTime(100_000);
    actor.send({ type: 'ACTIVITY' });
    vi.advanceTimersByTime(100_000);
    expect(actor.getSnapshot().matches({ technician: 'pin' })).toBe(true);
    vi.advanceTimersByTime(20_001);
    expect(actor.getSnapshot().value).toBe('attract');
  });

  it('an active technician session is not cut by the resident idle timer', () => {
    const actor = start();
    actor.send({ type: 'TECHNICIAN' });
    actor.send({ type: 'TECHNICIAN_ENTERED' });
    vi.advanceTimersByTime(60 * 60_000);
    expect(actor.getSnapshot().matches({ technician: 'active' })).toBe(true);
  });
});
