import { err, ok, type Result } from '../pure/result';
import type { DeviceIdentity, IdCardEvent, KeypadPress } from '../api/devices';
import type { DeviceCondition, DeviceFault, SupervisedDevice } from '../../drivers/common/device';
import { ONLINE } from '../../drivers/common/device';
import type { IdCard } from '../../drivers/idcard/card';
import type { ReceiptDocument } from '../../drivers/printer/receipt-document';
import type { Scan } from '../../drivers/scanner/scan';
import type { DeviceBindings } from '../devices/bindings';
import type { PrintFailure, PrintOutcome, ReadCardError } from '../devices/types';

/** A device that is there and healthy unless a test says otherwise. */
export function fakeDevice(kind: SupervisedDevice['kind']) {
  const lost = new Set<(fault: DeviceFault) => void>();
  const control = {
    connectResult: ok({ model: `fake ${kind}`, serial: 'FAKE-1', firmware: null }) as Result<
      DeviceIdentity,
      DeviceFault
    >,
    probeResult: ok(ONLINE) as Result<DeviceCondition, DeviceFault>,
    unplug(fault: DeviceFault) {
      for (const listener of [...lost]) listener(fault);
    },
  };
  const device: SupervisedDevice = {
    kind,
    link: `fake ${kind}`,
    connect: () => Promise.resolve(control.connectResult),
    probe: () => Promise.resolve(control.probeResult),
    disconnect: () => Promise.resolve(),
    onLost(listener) {
      lost.add(listener);
      return () => lost.delete(listener);
    },
  };
  return { device, control };
}

/**
 * Fake bindings for manager and handler tests: every call is recorded, answers are scripted. No QR
 * scanner, face camera or microphone unless asked for (`withScanner`, `withMedia`), as on a
 * station whose config names none.
 */
/**
 * How many printed documents the fake keeps to be looked at, newest last. Bounded: the soak
 * benchmark prints a receipt a visit for thousands of visits, and a fake that kept them all was
 * the whole of the 2 KB a visit its heap grew by (found with two heap snapshots).
 */
export const FAKE_PRINT_HISTORY = 200;

export function fakeBindings(options: { withScanner?: boolean; withMedia?: boolean } = {}) {
  const idCard = fakeDevice('idCardReader');
  const scanner = options.withScanner ? fakeDevice('qrScanner') : null;
  const scanListeners = new Set<(scan: Scan) => void>();
  const printer = fakeDevice('printer');
  const keypad = fakeDevice('evaluationKeypad');
  const cardListeners = new Set<(event: IdCardEvent, card: IdCard | null) => void>();
  const pressListeners = new Set<(press: KeypadPress) => void>();
  const printed: ReceiptDocument[] = [];
  const performed: string[] = [];
  const script = {
    printResult: null as Result<PrintOutcome, PrintFailure> | null,
    card: null as IdCard | null,
    polling: false,
  };
  const bindings: DeviceBindings = {
    idCard: {
      mode: 'emulated',
      binding: {
        device: idCard.device,
        startPolling: () => void (script.polling = true),
        stopPolling: () => void (script.polling = false),
        onCardEvent(listener) {
          cardListeners.add(listener);
          return () => cardListeners.delete(listener);
        },
        waitForCard: (): Promise<Result<IdCard, ReadCardError>> =>
          Promise.resolve(script.card ? ok(script.card) : err({ kind: 'timeout', message: 'no card placed' })),
      },
      emulator: {
        actions: ['insertCard', 'removeCard'],
        perform(action, argument) {
          if (!['insertCard', 'removeCard'].includes(action)) return err('unknownAction');
          performed.push(argument ? `${action}:${argument}` : action);
          return ok(undefined);
        },
      },
    },
    printer: {
      mode: 'emulated',
      binding: {
        device: printer.device,
        print(document) {
          printed.push(document);
          if (printed.length > FAKE_PRINT_HISTORY) printed.splice(0, printed.length - FAKE_PRINT_HISTORY);
          return Promise.resolve(
            script.printResult ?? ok({ receiptId: document.id, printedAt: '2026-11-21T08:00:00.000Z' }),
          );
        },
      },
      emulator: null,
    },
    keypad: {
      mode: 'real',
      binding: {
        device: keypad.device,
        onPress(listener) {
          pressListeners.add(listener);
          return () => pressListeners.delete(listener);
        },
      },
      emulator: null,
    },
    scanner: scanner && {
      mode: 'emulated',
      binding: {
        device: scanner.device,
        onScan(listener) {
          scanListeners.add(listener);
          return () => scanListeners.delete(listener);
        },
      },
      emulator: {
        actions: ['scan'],
        perform(action, argument) {
          if (action !== 'scan' || !argument) return err('unknownAction');
          performed.push(`scan:${argument}`);
          for (const listener of [...scanListeners]) listener({ text: argument, symbology: 'qr' });
          return ok(undefined);
        },
      },
    },
    camera: { mode: 'emulated' },
    // 视频帮办's devices only where asked for (`withMedia`), as on a station whose config names them.
    faceCamera: options.withMedia ? { mode: 'emulated', deviceLabel: null } : null,
    microphone: options.withMedia ? { mode: 'real', deviceLabel: 'USB Audio' } : null,
    close: () => Promise.resolve(),
  };
  return {
    bindings,
    idCard,
    printer,
    keypad,
    scanner,
    printed,
    performed,
    script,
    emitCard: (event: IdCardEvent, card: IdCard | null) => cardListeners.forEach((l) => l(event, card)),
    press: (press: KeypadPress) => pressListeners.forEach((l) => l(press)),
    scan: (text: string) => scanListeners.forEach((l) => l({ text, symbology: 'qr' })),
  };
}
