import { describe, expect, it } from 'vitest';
import { watchdogInterval } from './watchdog-interval';

describe('the watchdog interval from the environment', () => {
  it('pings at half of WatchdogSec', () => {
    expect(watchdogInterval({ WATCHDOG_USEC: '30000000' }, 42)).toEqual({
      kind: 'on',
      timeoutMs: 30_000,
      pingEveryMs: 15_000,
    });
    expect(watchdogInterval({ WATCHDOG_USEC: '2000000', WATCHDOG_PID: '42' }, 42)).toEqual({
      kind: 'on',
      timeoutMs: 2_000,
      pingEveryMs: 1_000,
    });
  });

  it('is off without WatchdogSec, with a bad value, or when the watchdog is for another process', () => {
    expect(watchdogInterval({}, 42)).toMatchObject({ kind: 'off', reason: /not set/ });
    expect(watchdogInterval({ WATCHDOG_USEC: '0' }, 42)).toMatchObject({ kind: 'off' });
    expect(watchdogInterval({ WATCHDOG_USEC: '30s' }, 42)).toMatchObject({ kind: 'off', reason: /30s/ });
    expect(watchdogInterval({ WATCHDOG_USEC: '30000000', WATCHDOG_PID: '41' }, 42)).toMatchObject({
      kind: 'off',
      reason: /WATCHDOG_PID=41 is not this process \(42\)/,
    });
  });
});
