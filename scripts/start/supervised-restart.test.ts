import { describe, expect, it } from 'vitest';
import { supervisedRestart } from './supervised-restart';

describe('supervisedRestart', () => {
  it('restarts by stopping in order under systemd, and not at all under a plain npm start', () => {
    let stops = 0;
    const stop = () => void (stops += 1);
    expect(supervisedRestart({}, stop)).toBeNull();
    expect(supervisedRestart({ NOTIFY_SOCKET: '' }, stop)).toBeNull();
    const restart = supervisedRestart({ NOTIFY_SOCKET: '/run/systemd/notify' }, stop);
    restart?.();
    expect(stops).toBe(1);
  });
});
