import type { DeviceIdentity, KeypadPress } from '../../core/api/devices';
import { err, ok, type Result } from '../../core/api/result';
import { ONLINE, type DeviceCondition, type DeviceFault, type SupervisedDevice } from '../common/device';
import { createListeners } from '../transport/listeners';
import { createBootKeyboardDecoder, parseLevelByKeyName } from './boot-keyboard';
import { createDebouncer, DEFAULT_DEBOUNCE_MS } from './debounce';
import type { HidDeviceInfo, HidEnumerator, HidOpenError, HidTransport, OpenHidDevice } from './hid-transport';
import { decodeVendorReport, parseLevelByByte } from './vendor-report';

/** pino-compatible (`logger.child({component})` fits); optional. */
export interface KeypadLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface EvaluationKeypadOptions {
  /** 'hid': vendor reports; 'keyboardWedge': boot keyboard reports read over hidraw. */
  readonly link: 'hid' | 'keyboardWedge';
  readonly enumerator: HidEnumerator;
  readonly openDevice: OpenHidDevice;
  readonly vendorId: number;
  readonly productId: number;
  /** Narrows the identity when two identical keypads are attached. */
  readonly serialNumber?: string;
  /** 'hid' only: see VendorReportFormat. Default 0. */
  readonly reportByte?: number;
  /** 'hid': `{'0x01': 5, …}`; 'keyboardWedge': `{'5': 5, 'KP1': 1, …}`. */
  readonly levels: Readonly<Record<string, number>>;
  readonly debounceMs?: number;
  /**
   * Waits before retrying an open refused with EACCES. About 1 open in 10 straight after
   * enumeration fails before udev has applied the rule's permissions (signal11/hidapi#217).
   */
  readonly permissionRetryDelaysMs?: readonly number[];
  readonly logger?: KeypadLogger;
  /** Injectable clock for the debounce. */
  readonly now?: () => number;
}

export interface EvaluationKeypad extends SupervisedDevice {
  readonly kind: 'evaluationKeypad';
  /** Every counted press (debounced; held keys count once). */
  onPress(listener: (press: KeypadPress) => void): () => void;
}

const DEFAULT_PERMISSION_RETRY_DELAYS_MS = [100, 300, 1_000];
const USAGE_PAGE_GENERIC_DESKTOP = 0x01;
const USAGE_KEYBOARD = 0x06;
const USAGE_PAGE_VENDOR_FIRST = 0xff00;

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** A udev rule a technician can paste; hidraw, not only usb (signal11/hidapi#422), and never 0666 for all. */
export function udevRuleHint(vendorId: number, productId: number): string {
  return (
    `add a udev rule, e.g. /etc/udev/rules.d/70-kiosk-keypad.rules: ` +
    `KERNEL=="hidraw*", ATTRS{idVendor}=="${hex4(vendorId)}", ATTRS{idProduct}=="${hex4(productId)}", ` +
    `MODE="0660", GROUP="plugdev" — then add the kiosk user to plugdev, run ` +
    `"udevadm control --reload && udevadm trigger" and replug the keypad`
  );
}

/**
 * The 好差评 button box over node-hid (vendor reports) or a keyboard-wedge keypad read as boot
 * reports over hidraw. Identity is VID/PID (+serial), never the hidraw path, which changes on every
 * replug (docs/reliability.md §5). The device manager supervises it like the serial devices.
 */
export function createEvaluationKeypad(options: EvaluationKeypadOptions): EvaluationKeypad {
  const vidPid = `${hex4(options.vendorId)}:${hex4(options.productId)}`;
  const linkDescription = `${options.link === 'hid' ? 'USB HID' : 'USB keyboard'} ${vidPid}`;
  const debounce = createDebouncer(options.debounceMs ?? DEFAULT_DEBOUNCE_MS, options.now);
  const decodeReport = createReportDecoder(options);
  const presses = createListeners<KeypadPress>();
  const lost = createListeners<DeviceFault>();
  const retryDelays = options.permissionRetryDelaysMs ?? DEFAULT_PERMISSION_RETRY_DELAYS_MS;

  let handle: HidTransport | null = null;
  /** Set when the open handle reported a read error; probe answers with it until a reconnect. */
  let handleFault: DeviceFault | null = null;

  const log = (level: 'info' | 'warn', fields: Record<string, unknown>, message: string) =>
    options.logger?.[level]({ device: 'evaluationKeypad', link: linkDescription, ...fields }, message);

  const matches = (info: HidDeviceInfo) =>
    info.vendorId === options.vendorId &&
    info.productId === options.productId &&
    (options.serialNumber === undefined || info.serialNumber === options.serialNumber);

  const enumerate = async (): Promise<Result<HidDeviceInfo[], DeviceFault>> => {
    try {
      return ok((await options.enumerator.devicesAsync()).filter(matches));
    } catch (error) {
      return err({ state: 'offline', code: 'noResponse', detail: `listing HID devices failed: ${String(error)}` });
    }
  };

  const closeHandle = async (current: HidTransport) => {
    // Stop the read thread first, then close: closing under a running read is the crash of
    // node-hid PR #559, and an open handle keeps process.exit from finishing (#194).
    try {
      current.pause();
    } catch {
      // already stopped or the device vanished: close still has to run
    }
    await current.close().catch(() => undefined);
  };

  const onReport = (report: Uint8Array) => {
    for (const press of decodeReport.decode(report)) {
      if (!debounce.accept(press.key)) continue;
      presses.emit(press);
    }
  };

  const onReadError = (current: HidTransport, error: unknown) => {
    if (handle !== current) return;
    // hidapi gives no unplug event: a failed read is the signal (node-hid#520).
    const fault: DeviceFault = {
      state: 'noDevice',
      code: 'disconnected',
      detail: `the keypad stopped answering (unplugged?): ${error instanceof Error ? error.message : String(error)}`,
    };
    handle = null;
    handleFault = fault;
    log('warn', { event: 'lost', detail: fault.detail }, 'keypad lost');
    void closeHandle(current);
    lost.emit(fault);
  };

  const openWithRetry = async (path: string): Promise<Result<HidTransport, HidOpenError>> => {
    let opened = await options.openDevice(path);
    for (const delay of retryDelays) {
      if (opened.ok || opened.error.code !== 'permissionDenied') break;
      log('info', { event: 'openRetry', delayMs: delay }, 'permission denied right after enumeration; retrying');
      await new Promise((resolve) => setTimeout(resolve, delay));
      opened = await options.openDevice(path);
    }
    return opened;
  };

  return {
    kind: 'evaluationKeypad',
    link: linkDescription,
    async connect() {
      if (handle) await disconnectHandle();
      log('info', { event: 'connect', disposition: 'init' }, 'connecting');
      const found = await enumerate();
      if (!found.ok) return found;
      const info = pickInterface(found.value, options.link);
      if (!info) {
        return fail({
          state: 'noDevice',
          code: 'portMissing',
          detail: `no USB HID device ${vidPid}${options.serialNumber ? ` with serial ${options.serialNumber}` : ''} is connected`,
        });
      }
      if (!info.path) {
        return fail({ state: 'offline', code: 'noResponse', detail: `HID device ${vidPid} has no path to open` });
      }
      const opened = await openWithRetry(info.path);
      if (!opened.ok) return fail(openFault(opened.error, options.vendorId, options.productId));
      const current = opened.value;
      handle = current;
      handleFault = null;
      decodeReport.reset();
      debounce.reset();
      current.on('data', (report) => onReport(report));
      current.on('error', (error) => onReadError(current, error));
      const identity = identityOf(info, vidPid);
      log('info', { event: 'connect', disposition: 'complete', path: info.path, model: identity.model }, 'connected');
      return ok(identity);
    },
    async probe(): Promise<Result<DeviceCondition, DeviceFault>> {
      // HID has no status command to ask (unlike SAM status or DLE EOT): a keypad is healthy if it
      // is still enumerated and its handle has not reported a read error.
      if (handleFault) return err(handleFault);
      if (!handle) return err({ state: 'noDevice', code: 'disconnected', detail: 'the keypad is not connected' });
      const found = await enumerate();
      if (!found.ok) return found;
      if (found.value.length === 0) {
        return err({ state: 'noDevice', code: 'disconnected', detail: `USB HID device ${vidPid} is no longer listed` });
      }
      return ok(ONLINE);
    },
    disconnect: disconnectHandle,
    onLost: (listener) => lost.add(listener),
    onPress: (listener) => presses.add(listener),
  };

  async function disconnectHandle(): Promise<void> {
    const current = handle;
    handle = null;
    handleFault = null;
    if (!current) return;
    await closeHandle(current);
    log('info', { event: 'disconnect' }, 'disconnected');
  }

  function fail(fault: DeviceFault): Result<never, DeviceFault> {
    log('warn', { event: 'connect', disposition: 'failure', code: fault.code, detail: fault.detail }, 'connect failed');
    return err(fault);
  }
}

function createReportDecoder(options: EvaluationKeypadOptions): {
  decode(report: Uint8Array): KeypadPress[];
  reset(): void;
} {
  if (options.link === 'keyboardWedge') return createBootKeyboardDecoder(parseLevelByKeyName(options.levels));
  const format = { reportByte: options.reportByte ?? 0, levels: parseLevelByByte(options.levels) };
  return {
    decode(report) {
      const press = decodeVendorReport(report, format);
      return press ? [press] : [];
    },
    reset: () => undefined,
  };
}

/**
 * A composite device lists one entry per interface; a wedge is read from its keyboard interface,
 * a vendor box preferably from a vendor-defined usage page.
 */
function pickInterface(candidates: readonly HidDeviceInfo[], link: 'hid' | 'keyboardWedge'): HidDeviceInfo | undefined {
  const preferred =
    link === 'keyboardWedge'
      ? candidates.find((c) => c.usagePage === USAGE_PAGE_GENERIC_DESKTOP && c.usage === USAGE_KEYBOARD)
      : candidates.find((c) => (c.usagePage ?? 0) >= USAGE_PAGE_VENDOR_FIRST);
  return preferred ?? candidates[0];
}

function identityOf(info: HidDeviceInfo, vidPid: string): DeviceIdentity {
  const model = [info.manufacturer, info.product].filter((part) => part && part.trim()).join(' ') || `HID ${vidPid}`;
  return { model: model.slice(0, 120), serial: info.serialNumber?.slice(0, 120) || null, firmware: null };
}

function openFault(error: HidOpenError, vendorId: number, productId: number): DeviceFault {
  switch (error.code) {
    case 'permissionDenied':
      return {
        state: 'offline',
        code: 'permissionDenied',
        detail: `no permission to open the keypad (${error.message}); ${udevRuleHint(vendorId, productId)}`,
      };
    case 'notFound':
      return { state: 'noDevice', code: 'portMissing', detail: `the keypad vanished while opening: ${error.message}` };
    case 'busy':
      return { state: 'offline', code: 'portBusy', detail: `the keypad is held by another program: ${error.message}` };
    case 'ioError':
      return { state: 'offline', code: 'noResponse', detail: `opening the keypad failed: ${error.message}` };
  }
}
