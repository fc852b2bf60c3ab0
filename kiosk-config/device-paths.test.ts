import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKioskConfig } from './load';

/** The device paths a station's config may name, the udev stable names (packaging/udev/) among them. */

const DEFAULT = join(import.meta.dirname, 'default.json');

function withDevices(devices: Record<string, unknown>) {
  const config = JSON.parse(readFileSync(DEFAULT, 'utf8')) as Record<string, Record<string, unknown>>;
  config['devices'] = { ...config['devices'], ...devices };
  return parseKioskConfig(JSON.stringify(config), '/etc/bianmin-kiosk/kiosk.json');
}
const usbPrinter = (path: string) => ({ printer: { mode: 'real', connection: { link: 'usb', path } } });

describe('device paths in the station config', () => {
  it('accepts the stable names the udev rules make', () => {
    const result = withDevices({
      idCardReader: { mode: 'real', path: '/dev/bianmin/idcard' },
      ...usbPrinter('/dev/bianmin/printer'),
      qrScanner: { mode: 'real', link: 'serial', path: '/dev/bianmin/scanner' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { devices } = result.value.config;
    expect(devices.idCardReader).toMatchObject({ path: '/dev/bianmin/idcard' });
    expect(devices.printer).toMatchObject({ connection: { link: 'usb', path: '/dev/bianmin/printer' } });
    expect(devices.qrScanner).toMatchObject({ path: '/dev/bianmin/scanner' });
  });

  it('still accepts the kernel names and /dev/serial/by-id', () => {
    expect(withDevices(usbPrinter('/dev/usb/lp0')).ok).toBe(true);
    expect(withDevices({ idCardReader: { mode: 'real', path: '/dev/ttyUSB0' } }).ok).toBe(true);
    expect(
      withDevices({ idCardReader: { mode: 'real', path: '/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0' } }).ok,
    ).toBe(true);
  });

  it('refuses a USB printer path that is neither usblp nor the stable printer name', () => {
    for (const path of ['/dev/bianmin/idcard', '/dev/ttyUSB0', '/dev/usb/lp', '/dev/bianmin/printer2']) {
      const result = withDevices(usbPrinter(path));
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.problems).toEqual([
        `devices.printer.connection.path: "${path}" is not allowed; expected a USB printer-class device, e.g. /dev/bianmin/printer or /dev/usb/lp0`,
      ]);
    }
  });
});
