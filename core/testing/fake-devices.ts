import type { DeviceKind, DevicesSnapshot, DeviceStatus } from '../../api/devices';
import { err, ok, type Result } from '../../api/result';
import type { DeviceManager, PrintFailure, PrintOutcome, ReadCardError } from '../../devices/types';
import type { IdCard } from '../../../drivers/idcard/card';
import type { ReceiptDocument } from '../../../drivers/printer/receipt-document';
import type { Scan } from '../../../drivers/scanner/scan';

/**
 * A DeviceManager for technician tests: five online devices (with a QR scanner), and answers the
 * test sets up front.
 * It records what was printed and restarted; calls a test did not prepare for fail loudly.
 */
export interface FakeDevices extends DeviceManager {
  readonly printed: Array<{ document: ReceiptDocument; reprint: boolean }>;
  readonly restarted: DeviceKind[];
  readonly readCardTimeouts: number[];
  nextCard: Result<IdCard, ReadCardError> | null;
  nextPrintFailure: PrintFailure | null;
  paperReplacedCount: number;
  setStatus(device: DeviceKind, patch: Partial<DeviceStatus>): void;
  /** The scanner reads `text` (QR), as a resident or technician holding up a code. */
  scan(text: string): void;
}

const since = '2026-11-21T07:00:00.000Z';

function status(device: DeviceKind, model: string, serial: string | null): DeviceStatus {
  return {
    device,
    mode: 'emulated',
    link: `emulator ${device}`,
    state: 'online',
    code: 'ok',
    action: 'none',
    warnings: [],
    detail: 'ready',
    identity: { model, serial, firmware: '1.0' },
    since,
    lastError: null,
  };
}

export function createFakeDevices(): FakeDevices {
  const statuses: DeviceStatus[] = [
    status('idCardReader', 'EMU-SAM-1', '05.01-20240101-0001'),
    status('printer', 'EMU-POS-80', 'P0001'),
    status('evaluationKeypad', 'EMU-KEYPAD', null),
    status('documentCamera', 'EMU-CAM', null),
    status('qrScanner', 'EMU-SCAN', null),
  ];
  const scanListeners = new Set<(scan: Scan) => void>();
  const printedIds = new Set<string>();
  let printsSince = 0;
  const fake: FakeDevices = {
    printed: [],
    restarted: [],
    readCardTimeouts: [],
    nextCard: null,
    nextPrintFailure: null,
    paperReplacedCount: 0,
    setStatus(device, patch) {
      const index = statuses.findIndex((s) => s.device === device);
      statuses[index] = { ...statuses[index]!, ...patch };
    },
    scan(text) {
      for (const listener of [...scanListeners]) listener({ text, symbology: 'qr' });
    },
    snapshot(): DevicesSnapshot {
      return {
        devices: statuses.map((s) => ({ ...s })),
        journeys: {
          idCardSignIn: true,
          selfServiceSubmission: true,
          output: 'paper',
          keypadRating: true,
          scanCodes: true,
        },
      };
    },
    onChange: () => () => undefined,
    onIdCard: () => () => undefined,
    onKeypad: () => () => undefined,
    onScan(listener) {
      scanListeners.add(listener);
      return () => scanListeners.delete(listener);
    },
    reportCamera: () => undefined,
    readCard(timeoutMs) {
      fake.readCardTimeouts.push(timeoutMs);
      const answer = fake.nextCard;
      if (!answer) throw new Error('FakeDevices: readCard called but the test set no nextCard');
      fake.nextCard = null;
      return Promise.resolve(answer);
    },
    print(document, options): Promise<Result<PrintOutcome, PrintFailure>> {
      if (fake.nextPrintFailure) {
        const failure = fake.nextPrintFailure;
        fake.nextPrintFailure = null;
        return Promise.resolve(err(failure));
      }
      if (printedIds.has(document.id) && !options?.reprint) {
        return Promise.resolve(err({ kind: 'alreadyPrinted', message: `${document.id} was printed already` }));
      }
      printedIds.add(document.id);
      fake.printed.push({ document, reprint: options?.reprint ?? false });
      printsSince += 1;
      return Promise.resolve(ok({ receiptId: document.id, printedAt: since }));
    },
    printerCounters: () => ({
      printsSincePaperReplaced: printsSince,
      paperReplacedAt: fake.paperReplacedCount > 0 ? since : null,
    }),
    recordPaperReplaced() {
      fake.paperReplacedCount += 1;
      printsSince = 0;
    },
    restart(device) {
      fake.restarted.push(device);
      return Promise.resolve();
    },
    emulator: () => err('notAvailable'),
    close: () => Promise.resolve(),
  };
  return fake;
}
