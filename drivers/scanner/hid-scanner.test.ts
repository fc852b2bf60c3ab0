import { describe, expect, it } from 'vitest';
import type { DeviceFault } from '../common/device';
import { createHidScannerEmulator, type HidScannerEmulatorOptions } from './hid-emulator';
import { createHidScanner } from './hid-scanner';
import type { Scan } from './scan';
import type { ScanRejected } from './scanner';
import { REFUSALS_BEFORE_WARNING } from './scan-events';

/**
 * The HID scanner driver against the report-level emulator through the HID seam (the same
 * enumerator + opener node-hid gives in production; there is no /dev/uhid here for a virtual
 * hidraw device).
 */
function rig(mode: HidScannerEmulatorOptions['mode'], extra: Partial<HidScannerEmulatorOptions> = {}) {
  const emulator = createHidScannerEmulator({ mode, ...extra });
  const target = { vendorId: emulator.vendorId, productId: emulator.productId };
  const common = {
    enumerator: emulator.device,
    openDevice: emulator.device.openDevice,
    target,
    permissionRetryDelaysMs: [0, 0],
  };
  const scanner =
    mode === 'hidPos'
      ? createHidScanner({
          ...common,
          link: 'hidPos',
          framing: { encoding: extra.encoding ?? 'utf-8', maxBytes: 2048, interReportTimeoutMs: 100 },
        })
      : createHidScanner({
          ...common,
          link: 'keyboardWedge',
          framing: { terminator: 'Enter', maxCharacters: 2048, interCharacterTimeoutMs: 100 },
        });
  return { emulator, scanner };
}

const next = <T>(subscribe: (listener: (value: T) => void) => () => void): Promise<T> =>
  new Promise((resolve) => {
    const stop = subscribe((value) => {
      stop();
      resolve(value);
    });
  });

const RECEIPT_BY_LOCAL_REF = 'https://zwfw.example.gov.cn/anqiu/progress?ref=9f1c2b3a-1111-4222-8333-444455556666';

describe('HID POS scanner through the HID seam', () => {
  it('opens its Bar Code Scanner interface by VID/PID and reads a long code over continued reports', async () => {
    const { emulator, scanner } = rig('hidPos');
    const connected = await scanner.connect();
    expect(connected).toEqual({
      ok: true,
      value: { model: 'bianmin-kiosk 扫码器 HID POS (emulated)', serial: 'EMU-SCAN-0001', firmware: null },
    });
    expect(scanner.link).toBe('USB HID POS 1209:0006');
    const scanned = next<Scan>(scanner.onScan);
    expect(emulator.scan(RECEIPT_BY_LOCAL_REF).ok).toBe(true);
    expect(await scanned).toEqual({ text: RECEIPT_BY_LOCAL_REF, symbology: 'qr' });
    await scanner.disconnect();
    // Read thread stopped before the handle closed (node-hid PR #559).
    expect(emulator.device.events.slice(-2)).toEqual(['pause', 'close']);
  });

  it('reads GBK data when set to', async () => {
    const { emulator, scanner } = rig('hidPos', { encoding: 'gbk' });
    await scanner.connect();
    const scanned = next<Scan>(scanner.onScan);
    emulator.scan('景芝镇东埠村');
    expect((await scanned).text).toBe('景芝镇东埠村');
    await scanner.disconnect();
  });

  it('warns after refused reads in a row and clears with a good read', async () => {
    const { emulator, scanner } = rig('hidPos');
    await scanner.connect();
    const refused: ScanRejected[] = [];
    scanner.onRejected((r) => refused.push(r));
    for (let i = 0; i < REFUSALS_BEFORE_WARNING; i += 1) emulator.garbage();
    await expect.poll(() => refused.length).toBe(REFUSALS_BEFORE_WARNING);
    expect(refused[0]).toEqual({ reason: 'malformedReport', byteCount: 0 });
    expect(await scanner.probe()).toMatchObject({ ok: true, value: { warnings: ['garbledReplies'] } });
    const scanned = next<Scan>(scanner.onScan);
    emulator.scan('AQ-1');
    await scanned;
    expect(await scanner.probe()).toMatchObject({ ok: true, value: { warnings: [] } });
    await scanner.disconnect();
  });

  it('unplug is a state: onLost with the fault, probe fails; replug at a new hidraw path reads again', async () => {
    const { emulator, scanner } = rig('hidPos');
    await scanner.connect();
    const lost = next<DeviceFault>((listener) => scanner.onLost(listener));
    emulator.device.unplug();
    expect(await lost).toMatchObject({ state: 'noDevice', code: 'disconnected' });
    expect(scanner.state()).toMatchObject({ kind: 'disconnected', fault: { code: 'disconnected' } });
    expect((await scanner.probe()).ok).toBe(false);
    expect(await scanner.connect()).toMatchObject({ ok: false, error: { state: 'noDevice', code: 'portMissing' } });
    emulator.device.replug();
    expect((await scanner.connect()).ok).toBe(true);
    const scanned = next<Scan>(scanner.onScan);
    emulator.scan('AQ-2');
    expect((await scanned).text).toBe('AQ-2');
    await scanner.disconnect();
  });

  it('retries the udev permission race, and names the udev rule when it lasts', async () => {
    const { emulator, scanner } = rig('hidPos');
    emulator.device.refuseOpens(2);
    expect((await scanner.connect()).ok).toBe(true);
    await scanner.disconnect();
    emulator.device.refuseOpens(5);
    const refused = await scanner.connect();
    expect(refused).toMatchObject({ ok: false, error: { state: 'offline', code: 'permissionDenied' } });
    if (!refused.ok) expect(refused.error.detail).toContain('70-kiosk-scanner.rules');
  });
});

describe('keyboard-wedge scanner read over hidraw', () => {
  it('reads what it types, ended by Enter; a key that types nothing spoils the read', async () => {
    const { emulator, scanner } = rig('keyboardWedge');
    expect(await scanner.connect()).toMatchObject({ ok: true });
    expect(scanner.link).toBe('USB keyboard wedge 1209:0006');
    const scanned = next<Scan>(scanner.onScan);
    expect(emulator.scan(RECEIPT_BY_LOCAL_REF).ok).toBe(true);
    expect(await scanned).toEqual({ text: RECEIPT_BY_LOCAL_REF, symbology: 'unknown' });
    const refused = next<ScanRejected>(scanner.onRejected);
    emulator.garbage();
    expect(await refused).toEqual({ reason: 'unknownKey', byteCount: 0 });
    expect(emulator.scan('中文').ok).toBe(false);
    await scanner.disconnect();
  });
});
