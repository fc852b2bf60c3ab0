import { err, ok } from '../../core/pure/result';
import type { DeviceFault } from '../common/device';
import {
  closeHidHandle,
  hidReadFault,
  openHidTarget,
  probeHidTarget,
  vidPidOf,
  type HidTarget,
} from '../transport/hid-connection';
import type { HidDeviceInfo, HidEnumerator, HidTransport, OpenHidDevice } from '../transport/hid-transport';
import { createListeners } from '../transport/listeners';
import { createHidPosAssembler, type HidPosFraming } from './hid-pos-report';
import { createReadClock, type ReadAssembler } from './read-clock';
import { createScanEvents } from './scan-events';
import { DEFAULT_INTER_CHARACTER_TIMEOUT_MS, DEFAULT_MAX_SCAN_BYTES, type ScanEncoding } from './scan';
import { silentScannerLogger, type QrScanner, type ScannerLogger, type ScannerState } from './scanner';
import { createWedgeAssembler, type WedgeFraming } from './wedge-keys';

export type HidScannerFraming =
  | { readonly link: 'hidPos'; readonly framing: HidPosFraming }
  | { readonly link: 'keyboardWedge'; readonly framing: WedgeFraming };

export type HidScannerOptions = HidScannerFraming & {
  readonly enumerator: HidEnumerator;
  readonly openDevice: OpenHidDevice;
  readonly target: HidTarget;
  readonly permissionRetryDelaysMs?: readonly number[];
  readonly logger?: ScannerLogger;
  readonly now?: () => number;
};

/** A HID scanner's framing when nothing else is set: the limits of scan.ts, Enter after a wedge's code. */
export function defaultHidFraming(
  link: HidScannerFraming['link'],
  encoding: ScanEncoding = 'utf-8',
): HidScannerFraming {
  return link === 'hidPos'
    ? {
        link,
        framing: {
          encoding,
          maxBytes: DEFAULT_MAX_SCAN_BYTES,
          interReportTimeoutMs: DEFAULT_INTER_CHARACTER_TIMEOUT_MS,
        },
      }
    : {
        link,
        framing: {
          terminator: 'Enter',
          maxCharacters: DEFAULT_MAX_SCAN_BYTES,
          interCharacterTimeoutMs: DEFAULT_INTER_CHARACTER_TIMEOUT_MS,
        },
      };
}

/** Bar Code Scanner page (HID POS Usage Tables) and its Bar Code Scanner application collection. */
const USAGE_PAGE_BAR_CODE_SCANNER = 0x8c;
const USAGE_BAR_CODE_SCANNER = 0x02;
const USAGE_PAGE_GENERIC_DESKTOP = 0x01;
const USAGE_KEYBOARD = 0x06;
const DEFAULT_PERMISSION_RETRY_DELAYS_MS = [100, 300, 1_000];
const UDEV_RULE_FILE = '70-kiosk-scanner.rules';

/**
 * A USB scanner read over hidraw: in HID POS mode (its Bar Code Scanner interface, page 0x8C), or
 * a keyboard wedge read as boot keyboard reports by VID/PID. ⚠ The kernel keeps driving a wedge as
 * a keyboard too, so its keystrokes also reach the screen: a station with a wedge scanner tells
 * the X server to ignore it (kiosk-config/README.md: the udev rule with LIBINPUT_IGNORE_DEVICE).
 */
export function createHidScanner(options: HidScannerOptions): QrScanner {
  const { target } = options;
  const logger = options.logger ?? silentScannerLogger;
  const linkDescription = `${options.link === 'hidPos' ? 'USB HID POS' : 'USB keyboard wedge'} ${vidPidOf(target)}`;
  const fields = { device: 'qrScanner', link: linkDescription };
  const events = createScanEvents(logger, fields);
  const assembler: ReadAssembler<Uint8Array> =
    options.link === 'hidPos' ? createHidPosAssembler(options.framing) : createWedgeAssembler(options.framing);
  const clock = createReadClock(assembler, events.emit, options.now);
  const lost = createListeners<DeviceFault>();
  let handle: HidTransport | null = null;
  let state: ScannerState = { kind: 'disconnected', fault: null };

  const prefer = (info: HidDeviceInfo) =>
    options.link === 'hidPos'
      ? info.usagePage === USAGE_PAGE_BAR_CODE_SCANNER && info.usage === USAGE_BAR_CODE_SCANNER
      : info.usagePage === USAGE_PAGE_GENERIC_DESKTOP && info.usage === USAGE_KEYBOARD;

  const onReadError = (current: HidTransport, error: unknown) => {
    if (handle !== current) return;
    const fault = hidReadFault('scanner', error);
    handle = null;
    clock.reset();
    state = { kind: 'disconnected', fault };
    logger.warn({ ...fields, event: 'lost', detail: fault.detail }, 'scanner lost');
    void closeHidHandle(current);
    lost.emit(fault);
  };

  const disconnect = async () => {
    const current = handle;
    handle = null;
    clock.reset();
    state = { kind: 'disconnected', fault: null };
    if (current) await closeHidHandle(current);
  };

  return {
    kind: 'qrScanner',
    link: linkDescription,
    state: () => state,
    async connect() {
      if (handle) await disconnect();
      const opened = await openHidTarget({
        enumerator: options.enumerator,
        openDevice: options.openDevice,
        target,
        noun: 'scanner',
        udevRuleFile: UDEV_RULE_FILE,
        prefer,
        permissionRetryDelaysMs: options.permissionRetryDelaysMs ?? DEFAULT_PERMISSION_RETRY_DELAYS_MS,
        onRetry: (delayMs) =>
          logger.info(
            { ...fields, event: 'openRetry', delayMs },
            'permission denied right after enumeration; retrying',
          ),
      });
      if (!opened.ok) {
        state = { kind: 'disconnected', fault: opened.error };
        return opened;
      }
      const current = opened.value.handle;
      handle = current;
      clock.reset();
      events.reset();
      current.on('data', (report) => clock.push(report));
      current.on('error', (error) => onReadError(current, error));
      state = { kind: 'listening', identity: opened.value.identity };
      logger.info({ ...fields, event: 'connect', model: opened.value.identity.model }, 'connected');
      return ok(opened.value.identity);
    },
    async probe() {
      if (state.kind !== 'listening') {
        return err(state.fault ?? { state: 'noDevice', code: 'disconnected', detail: 'the scanner is not connected' });
      }
      const listed = await probeHidTarget(options.enumerator, target);
      return listed.ok ? ok(events.condition()) : listed;
    },
    disconnect,
    onLost: (listener) => lost.add(listener),
    onScan: events.onScan,
    onRejected: events.onRejected,
  };
}
