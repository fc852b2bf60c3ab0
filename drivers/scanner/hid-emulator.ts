import { err, ok, type Result } from '../../core/pure/result';
import { createEmulatedHidDevice, type EmulatedHidDevice } from '../transport/emulated-hid-device';
import { hidPosReportsOf } from './hid-pos-report';
import type { ScanEncoding } from './scan';
import { encodeScanText, type ScannerEmulatorError } from './serial-emulator';
import { wedgeReportsOf } from './wedge-keys';

export const EMULATED_SCANNER_VENDOR_ID = 0x1209; // pid.codes test VID: never a real product
export const EMULATED_SCANNER_PRODUCT_ID = 0x0006;

export interface HidScannerEmulatorOptions {
  readonly mode: 'hidPos' | 'keyboardWedge';
  readonly vendorId?: number;
  readonly productId?: number;
  /** HID POS data bytes; a wedge types ASCII only. */
  readonly encoding?: ScanEncoding;
  /** What a wedge types after each read. */
  readonly terminator?: 'Enter' | 'Tab' | 'none';
}

export interface HidScannerEmulator {
  readonly mode: 'hidPos' | 'keyboardWedge';
  readonly vendorId: number;
  readonly productId: number;
  /** The HID seam (enumerator + opener) the driver is given instead of node-hid. */
  readonly device: EmulatedHidDevice;
  /** The reports a scanner in this mode sends for one read of `text`. */
  scan(text: string): Result<void, ScannerEmulatorError>;
  /** Reports that are not a read: a HID POS report whose byte count overruns it, or an F-key typed. */
  garbage(): Result<void, ScannerEmulatorError>;
}

/**
 * A USB scanner in memory behind the HID seam (drivers/transport/emulated-hid-device.ts), at the
 * report level: HID POS scanned data reports (hid-pos-report.ts) or boot keyboard reports.
 */
export function createHidScannerEmulator(options: HidScannerEmulatorOptions): HidScannerEmulator {
  const vendorId = options.vendorId ?? EMULATED_SCANNER_VENDOR_ID;
  const productId = options.productId ?? EMULATED_SCANNER_PRODUCT_ID;
  const hidPos = options.mode === 'hidPos';
  const device = createEmulatedHidDevice(() => ({
    vendorId,
    productId,
    serialNumber: 'EMU-SCAN-0001',
    manufacturer: 'bianmin-kiosk',
    product: hidPos ? '扫码器 HID POS (emulated)' : '扫码器 keyboard (emulated)',
    usagePage: hidPos ? 0x8c : 0x01,
    usage: hidPos ? 0x02 : 0x06,
    interface: 0,
  }));

  const sendAll = (reports: readonly Uint8Array[]): Result<void, ScannerEmulatorError> => {
    for (const report of reports) {
      if (!device.send(report)) return err({ kind: 'unplugged', message: 'the emulated scanner is unplugged' });
    }
    return ok(undefined);
  };

  return {
    mode: options.mode,
    vendorId,
    productId,
    device,
    scan(text) {
      if (hidPos) return sendAll(hidPosReportsOf(encodeScanText(text, options.encoding ?? 'utf-8')));
      const reports = wedgeReportsOf(text, options.terminator ?? 'Enter');
      if (!reports) return err({ kind: 'notTypable', message: 'a keyboard wedge types ASCII only' });
      return sendAll(reports);
    },
    garbage() {
      if (hidPos) {
        const overrun = new Uint8Array(64);
        overrun[0] = 0x02;
        overrun[1] = 0xff;
        return sendAll([overrun]);
      }
      // F1, then Enter: a read with a key that types nothing.
      const release = new Uint8Array(8);
      return sendAll([
        Uint8Array.of(0, 0, 0x3a, 0, 0, 0, 0, 0),
        release,
        Uint8Array.of(0, 0, 0x28, 0, 0, 0, 0, 0),
        release,
      ]);
    },
  };
}
