import type { DeviceKind, DevicesSnapshot, DeviceStatus, IdCardEvent, JourneyAvailability } from '../api/devices';
import { err, ok, type Result } from '../pure/result';
import type { DeviceManager, PrintFailure, PrintOutcome, ReadCardError } from '../devices/types';
import type { IdCard } from '../../drivers/idcard/card';
import { maskCard } from '../../drivers/idcard/mask';
import type { ReceiptDocument } from '../../drivers/printer/receipt-document';
import type { Scan } from '../../drivers/scanner/scan';

/**
 * The kiosk's devices as journeys and technician mode see them (a DeviceManager): five online
 * devices with a QR scanner, answers the test sets up front, and a printer that keeps the print
 * ledger's rule (one paper copy per document unless it is a reprint). It records what was printed
 * and restarted. Handlers that need the real manager over fake hardware use fake-bindings.ts.
 */
export interface FakeDevices extends DeviceManager {
  /** The documents that reached paper, in order. */
  readonly printed: ReceiptDocument[];
  /** Every print that reached paper, with whether it was asked as a reprint. */
  readonly prints: Array<{ document: ReceiptDocument; reprint: boolean }>;
  /** Every print asked for, including those failed or refused (a second copy without `reprint`). */
  readonly printRequests: Array<{ document: ReceiptDocument; reprint: boolean }>;
  readonly restarted: DeviceKind[];
  readonly readCardTimeouts: number[];
  /** What the next readCard answers; a timeout when the test set none. */
  nextCard: Result<IdCard, ReadCardError> | null;
  /** The next print fails so, once. */
  nextPrintFailure: PrintFailure | null;
  /** Every print fails so until the test sets it back to null (paper out, cover open). */
  printFailure: PrintFailure | null;
  paperReplacedCount: number;
  /** Which journeys the snapshot says the devices allow; a test switches one off here. */
  readonly journeys: { -readonly [K in keyof JourneyAvailability]: JourneyAvailability[K] };
  /** A resident places `card` on the reader: card listeners get the masked card and the card. */
  placeCard(card: IdCard): void;
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
  const cardListeners = new Set<(event: IdCardEvent, card: IdCard | null) => void>();
  const printedIds = new Set<string>();
  let printsSince = 0;
  const fake: FakeDevices = {
    printed: [],
    prints: [],
    printRequests: [],
    restarted: [],
    readCardTimeouts: [],
    nextCard: null,
    nextPrintFailure: null,
    printFailure: null,
    paperReplacedCount: 0,
    journeys: {
      idCardSignIn: true,
      selfServiceSubmission: true,
      output: 'paper',
      keypadRating: true,
      scanCodes: true,
      // No face camera or microphone among the fake's devices.
      videoHelp: false,
    },
    placeCard(card) {
      for (const listener of [...cardListeners]) listener({ type: 'read', card: maskCard(card) }, card);
    },
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
        journeys: { ...fake.journeys },
      };
    },
    onChange: () => () => undefined,
    onIdCard(listener) {
      cardListeners.add(listener);
      return () => cardListeners.delete(listener);
    },
    onKeypad: () => () => undefined,
    onScan(listener) {
      scanListeners.add(listener);
      return () => scanListeners.delete(listener);
    },
    reportCamera: () => undefined,
    reportMedia: () => undefined,
    readCard(timeoutMs) {
      fake.readCardTimeouts.push(timeoutMs);
      const answer = fake.nextCard ?? err({ kind: 'timeout', message: 'no card placed' });
      fake.nextCard = null;
      return Promise.resolve(answer);
    },
    print(document, options): Promise<Result<PrintOutcome, PrintFailure>> {
      fake.printRequests.push({ document, reprint: options?.reprint ?? false });
      if (fake.nextPrintFailure) {
        const failure = fake.nextPrintFailure;
        fake.nextPrintFailure = null;
        return Promise.resolve(err(failure));
      }
      if (fake.printFailure) return Promise.resolve(err(fake.printFailure));
      if (printedIds.has(document.id) && !options?.reprint) {
        return Promise.resolve(err({ kind: 'alreadyPrinted', message: `${document.id} was printed already` }));
      }
      printedIds.add(document.id);
      fake.printed.push(document);
      fake.prints.push({ document, reprint: options?.reprint ?? false });
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
