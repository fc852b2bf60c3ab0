import { describe, expect, it } from 'vitest';
import { hidOpenErrorFrom } from './node-hid-transport';

describe('hidOpenErrorFrom (node-hid "cannot open device" + hidapi strerror)', () => {
  it.each([
    [
      "cannot open device with path /dev/hidraw3: Failed to open a device with path '/dev/hidraw3': Permission denied",
      'permissionDenied',
    ],
    [
      "cannot open device with path /dev/hidraw3: Failed to open a device with path '/dev/hidraw3': No such file or directory",
      'notFound',
    ],
    ['cannot open device with path /dev/hidraw3: Device or resource busy', 'busy'],
    ['cannot open device with path /dev/hidraw3', 'ioError'],
  ])('%s → %s', (message, code) => {
    expect(hidOpenErrorFrom(new Error(message)).code).toBe(code);
  });
});
