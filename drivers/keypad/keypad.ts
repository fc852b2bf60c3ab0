import type { KeypadPress } from '../../core/api/devices';
import { err, ok, type Result } from '../../core/pure/result';
import { ONLINE, type DeviceCondition, type DeviceFault, type SupervisedDevice } from '../common/device';
import { createListeners } from '../transport/listeners';
import { createBootKeyboardDecoder, parseLevelByKeyName } from './boot-keyboard';
import { createDebouncer, DEFAULT_DEBOUNCE_MS } from './debounce';
import {
  closeHidHandle,
  hidReadFault,
  hidUdevRuleHint,
  openHidTarget,
  probeHidTarget,
  vidPidOf,
  type HidTarget,
} from '../transport/hid-connection';
import type { HidDeviceInfo, HidEnumerator, HidTransport, OpenHidDevice } from '../transport/hid-transport';
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
const UDEV_RULE_FILE = '70-kiosk-keypad.rules';

/** A udev rule a technician can paste (see hidUdevRuleHint). */
export function udevRuleHint(vendorId: number, productId: number): string {
  return hidUdevRuleHint({ vendorId, productId }, UDEV_RULE_FILE, 'keypad');
}

/**
 * The 好差评 button box over node-hid (vendor reports) or a keyboard-wedge keypad read as boot
 * reports over hidraw. Identity is VID/PID (+serial), never the hidraw path, which changes on every
 * replug (docs/reliability.md §5). The device manager supervises it like the serial devices.
 */
export function createEvaluationKeypad(options: EvaluationKeypadOptions): EvaluationKeypad {
  const target: HidTarget = {
    vendorId: options.vendorId,
    productId: options.productId,
    serialNumber: options.serialNumber,
  };
  const linkDescription = `${options.link === 'hid' ? 'USB HID' : 'USB keyboard'} ${vidPidOf(target)}`;
  const debounce = createDebouncer(options.debounceMs ?? DEFAULT_DEBOUNCE_MS, options.now);
  const decodeReport = createReportDecoder(options);
  const presses = createListeners<KeypadPress>();
  const lost = createListeners<DeviceFault>();

  let handle: HidTransport | null = null;
  /** Set when the open handle reported a read error; probe answers with it until a reconnect. */
  let handleFault: DeviceFault | null = null;

  const log = (level: 'info' | 'warn', fields: Record<string, unknown>, message: string) =>
    options.logger?.[level]({ device: 'evaluationKeypad', link: linkDescription, ...fields }, message);

  const onReport = (report: Uint8Array) => {
    for (const press of decodeReport.decode(report)) {
      if (!debounce.accept(press.key)) continue;
      presses.emit(press);
    }
  };

  const onReadError = (current: HidTransport, error: unknown) => {
    if (handle !== current) return;
    const fault = hidReadFault('keypad', error);
    handle = null;
    handleFault = fault;
    log('warn', { event: 'lost', detail: fault.detail }, 'keypad lost');
    void closeHidHandle(current);
    lost.emit(fault);
  };

  return {
    kind: 'evaluationKeypad',
    link: linkDescription,
    async connect() {
      if (handle) await disconnectHandle();
      log('info', { event: 'connect', disposition: 'init' }, 'connecting');
      const opened = await openHidTarget({
        enumerator: options.enumerator,
        openDevice: options.openDevice,
        target,
        noun: 'keypad',
        udevRuleFile: UDEV_RULE_FILE,
        prefer: preferredInterface(options.link),
        permissionRetryDelaysMs: options.permissionRetryDelaysMs ?? DEFAULT_PERMISSION_RETRY_DELAYS_MS,
        onRetry: (delayMs) =>
          log('info', { event: 'openRetry', delayMs }, 'permission denied right after enumeration; retrying'),
      });
      if (!opened.ok) return fail(opened.error);
      const current = opened.value.handle;
      handle = current;
      handleFault = null;
      decodeReport.reset();
      debounce.reset();
      current.on('data', (report) => onReport(report));
      current.on('error', (error) => onReadError(current, error));
      const { identity, info } = opened.value;
      log('info', { event: 'connect', disposition: 'complete', path: info.path, model: identity.model }, 'connected');
      return ok(identity);
    },
    async probe(): Promise<Result<DeviceCondition, DeviceFault>> {
      if (handleFault) return err(handleFault);
      if (!handle) return err({ state: 'noDevice', code: 'disconnected', detail: 'the keypad is not connected' });
      const listed = await probeHidTarget(options.enumerator, target);
      return listed.ok ? ok(ONLINE) : listed;
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
    await closeHidHandle(current);
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
function preferredInterface(link: 'hid' | 'keyboardWedge'): (info: HidDeviceInfo) => boolean {
  return link === 'keyboardWedge'
    ? (c) => c.usagePage === USAGE_PAGE_GENERIC_DESKTOP && c.usage === USAGE_KEYBOARD
    : (c) => (c.usagePage ?? 0) >= USAGE_PAGE_VENDOR_FIRST;
}
