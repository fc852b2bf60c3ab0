import { err, ok } from '../pure/result';
import type { QrScannerConfig } from '../../kiosk-config/schema';
import {
  createHidScanner,
  createHidScannerEmulator,
  createSerialScanner,
  defaultHidFraming,
  DEFAULT_INTER_CHARACTER_TIMEOUT_MS,
  DEFAULT_MAX_SCAN_BYTES,
  startEmulatedSerialScanner,
  type QrScanner,
  type SerialFraming,
} from '../../drivers/scanner';
import { nodeHidEnumerator, openNodeHidDevice } from '../../drivers/transport/node-hid-transport';
import { createSerialTransport } from '../../drivers/transport/serial-transport';
import type { Logger } from '../logging/logger';
import type { Bound, EmulatorControl, ScannerBinding } from './bindings';

/** How the emulated serial scanner is set up: what most Chinese scanners ship with. */
const EMULATED_FRAMING: SerialFraming = {
  suffix: 'CR',
  prefix: '',
  encoding: 'utf-8',
  maxBytes: DEFAULT_MAX_SCAN_BYTES,
  interCharacterTimeoutMs: DEFAULT_INTER_CHARACTER_TIMEOUT_MS,
};
const EMULATED_BAUD = 9600;
const EMULATOR_ACTIONS = ['scan', 'garbage', 'unplug', 'replug'] as const;

export interface BuiltScanner {
  readonly bound: Bound<ScannerBinding>;
  close(): Promise<void>;
}

const bindingOf = (scanner: QrScanner): ScannerBinding => ({ device: scanner, onScan: scanner.onScan });

/**
 * The QR scanner, or null where the config names none. Emulated, the same drivers run against the
 * byte-level serial emulator over a socat PTY pair (the default) or the report-level HID emulator
 * in memory; the dev panel and e2e tests make it read a text (`scan`), send noise (`garbage`), or
 * pull it out and plug it back (`unplug`, `replug`).
 */
export async function buildScanner(config: QrScannerConfig | undefined, logger: Logger): Promise<BuiltScanner | null> {
  if (config === undefined) return null;
  const log = logger.child({ component: 'scanner' });
  if (config.mode === 'real') {
    if (config.link === 'serial') {
      const scanner = createSerialScanner({
        transport: createSerialTransport({ path: config.path, baudRate: config.baudRate }),
        framing: config,
        path: config.path,
        logger: log,
      });
      return { bound: { mode: 'real', binding: bindingOf(scanner), emulator: null }, close: () => Promise.resolve() };
    }
    const target = { vendorId: config.vendorId, productId: config.productId, serialNumber: config.serialNumber };
    const seam = { enumerator: nodeHidEnumerator, openDevice: openNodeHidDevice, target, logger: log };
    const scanner =
      config.link === 'hidPos'
        ? createHidScanner({
            ...seam,
            link: 'hidPos',
            framing: {
              encoding: config.encoding,
              maxBytes: config.maxBytes,
              interReportTimeoutMs: DEFAULT_INTER_CHARACTER_TIMEOUT_MS,
            },
          })
        : createHidScanner({
            ...seam,
            link: 'keyboardWedge',
            framing: {
              terminator: config.terminator,
              maxCharacters: config.maxBytes,
              interCharacterTimeoutMs: config.interCharacterTimeoutMs,
            },
          });
    return { bound: { mode: 'real', binding: bindingOf(scanner), emulator: null }, close: () => Promise.resolve() };
  }

  const failed = (what: string) => (error: { message: string }) =>
    log.warn({ action: what, reason: error.message }, 'the emulated scanner could not do that');

  if (config.interface === 'serial') {
    const started = await startEmulatedSerialScanner({
      ...EMULATED_FRAMING,
      baudRate: EMULATED_BAUD,
      preferred: config.link,
      onFallback: (error) =>
        log.warn({ reason: error.message }, 'socat unavailable; the emulated scanner uses an in-memory link'),
    });
    if (!started.ok) throw new Error(`the emulated scanner could not start: ${started.error.message}`);
    const emulated = started.value;
    const scanner = createSerialScanner({
      transport: emulated.host,
      framing: EMULATED_FRAMING,
      ...(emulated.hostPath ? { path: emulated.hostPath } : {}),
      logger: log,
    });
    const control: EmulatorControl = {
      actions: EMULATOR_ACTIONS,
      perform(action, argument) {
        switch (action) {
          case 'scan':
            if (!argument) return err('unknownAction');
            void emulated.scan(argument).then((r) => (r.ok ? undefined : failed('scan')(r.error)));
            return ok(undefined);
          case 'garbage':
            void emulated.garbage().then((r) => (r.ok ? undefined : failed('garbage')(r.error)));
            return ok(undefined);
          case 'unplug':
            void emulated.unplug();
            return ok(undefined);
          case 'replug':
            void emulated.replug().then((r) => (r.ok ? undefined : failed('replug')(r.error)));
            return ok(undefined);
          default:
            return err('unknownAction');
        }
      },
    };
    return {
      bound: { mode: 'emulated', binding: bindingOf(scanner), emulator: control },
      close: () => emulated.close(),
    };
  }

  const emulator = createHidScannerEmulator({ mode: config.interface });
  const target = { vendorId: emulator.vendorId, productId: emulator.productId };
  const seam = { enumerator: emulator.device, openDevice: emulator.device.openDevice, target, logger: log };
  const scanner = createHidScanner({ ...seam, ...defaultHidFraming(config.interface, 'utf-8') });
  const control: EmulatorControl = {
    actions: EMULATOR_ACTIONS,
    perform(action, argument) {
      switch (action) {
        case 'scan': {
          if (!argument) return err('unknownAction');
          const sent = emulator.scan(argument);
          if (!sent.ok) failed('scan')(sent.error);
          return ok(undefined);
        }
        case 'garbage':
          emulator.garbage();
          return ok(undefined);
        case 'unplug':
          emulator.device.unplug();
          return ok(undefined);
        case 'replug':
          emulator.device.replug();
          return ok(undefined);
        default:
          return err('unknownAction');
      }
    },
  };
  return {
    bound: { mode: 'emulated', binding: bindingOf(scanner), emulator: control },
    close: () => Promise.resolve(),
  };
}
