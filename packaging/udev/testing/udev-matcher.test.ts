import { describe, expect, it } from 'vitest';
import { parseAttributeWalk, parseProperties } from './recorded-device';
import { applyRules, globMatches, parseRules, type UdevEvent, type WalkedDevice } from './udev-matcher';

const tty: WalkedDevice = { kernel: 'ttyUSB0', subsystem: 'tty', attrs: {} };
const iface: WalkedDevice = { kernel: '1-2:1.0', subsystem: 'usb', attrs: { bInterfaceClass: 'ff' } };
const usbDevice: WalkedDevice = { kernel: '1-2', subsystem: 'usb', attrs: { idVendor: '1a86', idProduct: '7523' } };
const event = (over: Partial<UdevEvent> = {}): UdevEvent => ({
  action: 'add',
  chain: [tty, iface, usbDevice],
  properties: { ID_PATH: 'pci-0000:00:14.0-usb-0:2:1.0' },
  ...over,
});
const run = (text: string, e: UdevEvent = event()) => applyRules(parseRules(text, 't.rules'), e);

describe('udev pattern matching', () => {
  it('matches globs with alternatives as udev does', () => {
    expect(globMatches('ttyUSB[0-9]*|ttyACM[0-9]*', 'ttyUSB0')).toBe(true);
    expect(globMatches('ttyUSB[0-9]*|ttyACM[0-9]*', 'ttyACM12')).toBe(true);
    expect(globMatches('ttyUSB[0-9]*|ttyACM[0-9]*', 'ttyS0')).toBe(false);
    expect(globMatches('ttyUSB[0-9]*', 'ttyUSB')).toBe(false);
    expect(globMatches('lp[!a-z]', 'lp1')).toBe(true);
    expect(globMatches('lp[!a-z]', 'lpx')).toBe(false);
    expect(globMatches('a.b', 'axb')).toBe(false);
    expect(globMatches('hidraw?', 'hidraw3')).toBe(true);
  });
});

describe('applying rules', () => {
  it('walks the parents for ATTRS{} and applies the assignments of a matching rule', () => {
    const out = run(
      'ACTION!="remove", SUBSYSTEM=="tty", KERNEL=="ttyUSB[0-9]*", ATTRS{idVendor}=="1a86", ATTRS{idProduct}=="7523", SYMLINK+="a/b", GROUP="dialout", MODE="0660", ENV{ID_MM_DEVICE_IGNORE}="1", TAG+="systemd"',
    );
    expect(out).toMatchObject({ symlinks: ['a/b'], group: 'dialout', mode: '0660', tags: ['systemd'] });
    expect(out.properties['ID_MM_DEVICE_IGNORE']).toBe('1');
    expect(out.matched).toEqual(['t.rules:1']);
  });

  it('does NOT match when the ATTRS{} of one rule are found only on different parents', () => {
    // idVendor lives on the USB device, bInterfaceClass on its interface: udev needs one device with both.
    const out = run('ATTRS{idVendor}=="1a86", ATTRS{bInterfaceClass}=="ff", SYMLINK+="x"');
    expect(out.symlinks).toEqual([]);
    expect(out.matched).toEqual([]);
  });

  it('does NOT match another device, a remove event, or a different ENV value', () => {
    const rule =
      'ACTION!="remove", SUBSYSTEM=="tty", ATTRS{idVendor}=="1a86", ENV{ID_PATH}=="pci-0000:00:14.0-usb-0:2:1.0", SYMLINK+="x"';
    expect(run(rule).symlinks).toEqual(['x']);
    expect(run(rule, event({ action: 'remove' })).symlinks).toEqual([]);
    expect(run(rule, event({ properties: { ID_PATH: 'pci-0000:00:14.0-usb-0:3:1.0' } })).symlinks).toEqual([]);
    expect(run(rule, event({ chain: [{ ...tty, subsystem: 'hidraw' }, iface, usbDevice] })).symlinks).toEqual([]);
    expect(run(rule, event({ chain: [tty, iface, { ...usbDevice, attrs: { idVendor: '067b' } }] })).symlinks).toEqual(
      [],
    );
  });

  it('lets later rules see ENV set by earlier ones, appends with += and replaces with =', () => {
    const out = run(
      ['ENV{MARK}="1", SYMLINK+="one"', 'ENV{MARK}=="1", SYMLINK+="two"', 'ENV{MARK}!="1", SYMLINK+="three"'].join(
        '\n',
      ),
    );
    expect(out.symlinks).toEqual(['one', 'two']);
    expect(run('SYMLINK+="one"\nSYMLINK="two"').symlinks).toEqual(['two']);
  });

  it('refuses syntax outside what it knows rather than misreading it', () => {
    expect(() => parseRules('KERNEL=="x", RUN+="/bin/true"', 't.rules')).toThrow(/RUN\+=/);
    expect(() => parseRules('KERNEL=="x", GROUP:="lp"', 't.rules')).toThrow(/cannot parse/);
    expect(() => parseRules('ATTRS{serial}!="x", SYMLINK+="y"', 't.rules')).toThrow(/ATTRS\{serial\}!=/);
    expect(() => parseRules('KERNEL=="x", \\', 't.rules')).toThrow(/continuation/);
    expect(() => parseRules('KERNEL=="x" SYMLINK+="y"', 't.rules')).toThrow(/cannot parse/);
    expect(parseRules('# a comment\n\n', 't.rules')).toEqual([]);
  });
});

describe('recorded devices', () => {
  it('reads an attribute walk: the device first (ATTR), then its parents (ATTRS)', () => {
    const chain = parseAttributeWalk(
      [
        "  looking at device '/devices/x/tty/ttyUSB0':",
        '    KERNEL=="ttyUSB0"',
        '    SUBSYSTEM=="tty"',
        '    DRIVER==""',
        '    ATTR{power/control}=="auto"',
        '',
        "  looking at parent device '/devices/x':",
        '    KERNELS=="1-2"',
        '    SUBSYSTEMS=="usb"',
        '    DRIVERS=="usb"',
        '    ATTRS{idVendor}=="1a86"',
        '    ATTRS{bNumInterfaces}==" 1"',
      ].join('\n'),
    );
    expect(chain).toEqual([
      {
        devpath: '/devices/x/tty/ttyUSB0',
        kernel: 'ttyUSB0',
        subsystem: 'tty',
        driver: '',
        attrs: { 'power/control': 'auto' },
      },
      {
        devpath: '/devices/x',
        kernel: '1-2',
        subsystem: 'usb',
        driver: 'usb',
        attrs: { idVendor: '1a86', bNumInterfaces: ' 1' },
      },
    ]);
    expect(() => parseAttributeWalk('KERNEL=="x"')).toThrow(/not an attribute walk/);
  });

  it('reads a property dump, keeping = inside values', () => {
    expect(parseProperties('# comment\nDEVNAME=/dev/ttyUSB0\nID_SERIAL=a=b\n')).toEqual({
      DEVNAME: '/dev/ttyUSB0',
      ID_SERIAL: 'a=b',
    });
  });
});
