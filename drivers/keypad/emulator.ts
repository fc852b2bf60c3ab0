import { err, ok, type Result } from '../../core/pure/result';
import { createEmulatedHidDevice, sendOrUnplugged } from '../transport/emulated-hid-device';
import type { HidEnumerator, HidOpenErrorCode, OpenHidDevice } from '../transport/hid-transport';
import { usageFromKeyName } from './key-names';

/** The same defaults as kiosk-config's HidKeypad and WedgeKeypad. */
export const DEFAULT_HID_LEVELS: Readonly<Record<string, number>> = {
  '0x01': 5,
  '0x02': 4,
  '0x03': 3,
  '0x04': 2,
  '0x05': 1,
};
export const DEFAULT_WEDGE_LEVELS: Readonly<Record<string, number>> = { '5': 5, '4': 4, '3': 3, '2': 2, '1': 1 };
export const EMULATED_KEYPAD_VENDOR_ID = 0x1209; // pid.codes test VID: never a real product
export const EMULATED_KEYPAD_PRODUCT_ID = 0x0005;

export interface KeypadEmulatorOptions {
  /** 'hid' sends vendor reports; 'keyboardWedge' sends 8-byte boot keyboard reports. */
  readonly mode?: 'hid' | 'keyboardWedge';
  readonly vendorId?: number;
  readonly productId?: number;
  readonly serialNumber?: string;
  /** Where a vendor report carries its key byte (as the keypad under test is configured). */
  readonly reportByte?: number;
  /** Used to turn `press(level)` into the byte or key the keypad under test expects. */
  readonly levels?: Readonly<Record<string, number>>;
}

/** A level (1…5), a raw vendor byte (hid) or usage (wedge), or a key name (wedge). */
export type EmulatedPress = number | { readonly byte: number } | { readonly key: string };

export type KeypadEmulatorError =
  | { kind: 'unplugged'; message: string }
  | { kind: 'unknownLevel'; message: string }
  | { kind: 'unknownKey'; message: string }
  | { kind: 'unknownAction'; message: string };

export interface KeypadEmulator extends HidEnumerator {
  readonly mode: 'hid' | 'keyboardWedge';
  readonly vendorId: number;
  readonly productId: number;
  /** Opens like `HIDAsync.open(path)`; hand it to createEvaluationKeypad with the emulator as enumerator. */
  readonly openDevice: OpenHidDevice;
  readonly plugged: boolean;
  /** The current emulated hidraw path (changes on every replug, like the real one). */
  readonly path: string;
  /** "open <path>", "pause", "close", "data listener" … in order: lets tests check teardown order. */
  readonly events: readonly string[];
  /** Press and release once; `repeats` extra identical reports while "held" (keyboard idle-rate resend). */
  press(input: EmulatedPress, options?: { repeats?: number }): Result<void, KeypadEmulatorError>;
  /** Any raw input report, delivered as is. */
  sendReport(report: Uint8Array): Result<void, KeypadEmulatorError>;
  /** Gone from the list; every open handle fails its read as hidapi does ("could not read …"). */
  unplug(): void;
  /** Listed again at a new path. */
  replug(): void;
  /** The next `count` opens fail with `code` (default permissionDenied: the udev race). */
  refuseOpens(count: number, code?: HidOpenErrorCode): void;
  /** For the dev panel and the device manager: 'press' <level|key:F1|byte:0x07>, 'unplug', 'replug'. */
  act(action: string, argument?: string): Result<void, KeypadEmulatorError>;
}

/**
 * A 好差评 keypad in memory, behind the same HidEnumerator + OpenHidDevice seam as node-hid, so
 * the real keypad code runs unchanged against it (npm start in emulated mode, tests, the CLI).
 * Reports are delivered on a later macrotask, as hidapi's read thread does.
 */
export function createKeypadEmulator(options: KeypadEmulatorOptions = {}): KeypadEmulator {
  const mode = options.mode ?? 'hid';
  const vendorId = options.vendorId ?? EMULATED_KEYPAD_VENDOR_ID;
  const productId = options.productId ?? EMULATED_KEYPAD_PRODUCT_ID;
  const reportByte = options.reportByte ?? 0;
  const levels = options.levels ?? (mode === 'hid' ? DEFAULT_HID_LEVELS : DEFAULT_WEDGE_LEVELS);
  const device = createEmulatedHidDevice(() => ({
    vendorId,
    productId,
    serialNumber: options.serialNumber ?? 'EMU-0001',
    manufacturer: 'bianmin-kiosk',
    product: mode === 'hid' ? '好差评评价器 (emulated)' : '好差评键盘 (emulated)',
    // A vendor box on a vendor-defined page; a wedge on Generic Desktop / Keyboard.
    usagePage: mode === 'hid' ? 0xff00 : 0x01,
    usage: mode === 'hid' ? 0x01 : 0x06,
    interface: 0,
  }));

  const broadcast = (report: Uint8Array): Result<void, KeypadEmulatorError> =>
    sendOrUnplugged(device, report, { kind: 'unplugged' as const, message: 'the emulated keypad is unplugged' });

  const vendorReport = (value: number) => {
    const report = new Uint8Array(Math.max(8, reportByte + 1));
    report[reportByte] = value;
    return report;
  };
  // docs/devices/keypad.md §3: modifiers, reserved, six usages.
  const bootReport = (usage: number) => Uint8Array.of(0, 0, usage, 0, 0, 0, 0, 0);

  const resolvePress = (input: EmulatedPress): Result<number, KeypadEmulatorError> => {
    if (typeof input === 'object' && 'byte' in input) return ok(input.byte & 0xff);
    if (typeof input === 'object') {
      const usage = usageFromKeyName(input.key);
      if (mode === 'hid' || usage === null) {
        return err({ kind: 'unknownKey', message: `no key ${input.key} on a ${mode} keypad` });
      }
      return ok(usage);
    }
    const entry = Object.entries(levels).find(([, level]) => level === input);
    if (!entry) return err({ kind: 'unknownLevel', message: `no key is configured for level ${input}` });
    if (mode === 'hid') return ok(Number.parseInt(entry[0].slice(2), 16));
    const usage = usageFromKeyName(entry[0]);
    return usage === null ? err({ kind: 'unknownKey', message: `no usage for key ${entry[0]}` }) : ok(usage);
  };

  const emulator: KeypadEmulator = {
    mode,
    vendorId,
    productId,
    get plugged() {
      return device.plugged;
    },
    get path() {
      return device.path;
    },
    events: device.events,
    devicesAsync: () => device.devicesAsync(),
    openDevice: device.openDevice,
    press(input, pressOptions = {}) {
      const value = resolvePress(input);
      if (!value.ok) return value;
      const down = mode === 'hid' ? vendorReport(value.value) : bootReport(value.value);
      const up = mode === 'hid' ? vendorReport(0) : bootReport(0);
      for (let i = 0; i <= (pressOptions.repeats ?? 0); i += 1) {
        const sent = broadcast(down);
        if (!sent.ok) return sent;
      }
      return broadcast(up);
    },
    sendReport: (report) => broadcast(Uint8Array.from(report)),
    unplug: () => device.unplug(),
    replug: () => device.replug(),
    refuseOpens: (count, code) => device.refuseOpens(count, code),
    act(action, argument) {
      switch (action) {
        case 'press':
          return emulator.press(parsePressArgument(argument ?? '5'));
        case 'unplug':
          emulator.unplug();
          return ok(undefined);
        case 'replug':
          emulator.replug();
          return ok(undefined);
        default:
          return err({ kind: 'unknownAction', message: `the keypad emulator has no action ${action}` });
      }
    },
  };
  return emulator;
}

/** "5" → level 5; "key:F1" → key F1; "byte:0x07" → raw byte 7. */
export function parsePressArgument(argument: string): EmulatedPress {
  if (argument.startsWith('key:')) return { key: argument.slice(4) };
  if (argument.startsWith('byte:')) return { byte: Number(argument.slice(5)) };
  return Number(argument);
}
