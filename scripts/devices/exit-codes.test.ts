import { describe, expect, it } from 'vitest';
import { adviceFor, EXIT, exitCodeForFault } from './exit-codes';

describe('exitCodeForFault', () => {
  it.each([
    ['portMissing', 69],
    ['permissionDenied', 77],
    ['portBusy', 75],
    ['noResponse', 74],
    ['garbledReplies', 74],
    ['disconnected', 74],
    ['paperOut', 65],
    ['coverOpen', 65],
    ['samUnauthorised', 65],
    ['ok', 0],
  ] as const)('%s → %i', (code, exit) => {
    expect(exitCodeForFault(code)).toBe(exit);
  });

  it('tells the technician to stop the kiosk for a busy port and names the udev fix for HID', () => {
    expect(adviceFor(EXIT.busy, 'serial')).toContain('stop the kiosk first');
    expect(adviceFor(EXIT.permission, 'serial')).toContain('dialout');
    expect(adviceFor(EXIT.permission, 'hid')).toContain('udev rule');
  });
});
