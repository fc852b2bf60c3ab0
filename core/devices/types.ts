import type { Result } from '../pure/result';
import type {
  DeviceKind,
  DevicesSnapshot,
  DeviceCode,
  DeviceIdentity,
  DeviceState,
  IdCardEvent,
  KeypadPress,
} from '../api/devices';
import type { IdCard } from '../../drivers/idcard/card';
import type { ReceiptDocument } from '../../drivers/printer/receipt-document';
import type { PrintFailure, PrintOutcome } from '../../drivers/printer/print-result';
import type { Scan } from '../../drivers/scanner/scan';

/**
 * The device manager as the rest of core sees it (journeys, technician mode). It builds
 * every device from config, supervises it (reconnect with backoff), publishes XFS-style status,
 * and is the only way to print or read a card.
 */
export interface DeviceManager {
  snapshot(): DevicesSnapshot;
  onChange(listener: (snapshot: DevicesSnapshot) => void): () => void;
  /** Card events; `card` is the full card for core (sign-in), null unless type is 'read'. */
  onIdCard(listener: (event: IdCardEvent, card: IdCard | null) => void): () => void;
  onKeypad(listener: (press: KeypadPress) => void): () => void;
  /**
   * Every read of the QR scanner (none where no scanner is configured). The text is the
   * resident's: core/scan classifies it and keeps nothing; it is never logged.
   */
  onScan(listener: (scan: Scan) => void): () => void;
  /** The renderer owns the camera and reports what it found. */
  reportCamera(report: CameraReport): void;
  /**
   * The renderer owns 视频帮办's face camera and microphone too (media.reportStatus). A report for
   * one the config does not name is ignored: it stays out of the snapshot.
   */
  reportMedia(device: MediaDeviceKind, report: CameraReport): void;
  /** Waits up to `timeoutMs` for a card to be placed and read (technician test, CLI). */
  readCard(timeoutMs: number): Promise<Result<IdCard, ReadCardError>>;
  /**
   * Prints once per `document.id`. A second call with the same id answers `alreadyPrinted`
   * unless `reprint` is set (an explicit staff decision; the receipt is then marked 补打).
   */
  print(document: ReceiptDocument, options?: { reprint?: boolean }): Promise<Result<PrintOutcome, PrintFailure>>;
  printerCounters(): { printsSincePaperReplaced: number; paperReplacedAt: string | null };
  recordPaperReplaced(): void;
  restart(device: DeviceKind): Promise<void>;
  /** Dev builds: flip an emulator. `notAvailable` for a real device. */
  emulator(device: DeviceKind, action: string, argument?: string): Result<void, 'notAvailable' | 'unknownAction'>;
  close(): Promise<void>;
}

export type MediaDeviceKind = Extract<DeviceKind, 'faceCamera' | 'microphone'>;

/** The devices the page opens (getUserMedia) and reports on; core has no driver for them. */
export const PAGE_DEVICES: ReadonlySet<DeviceKind> = new Set<DeviceKind>([
  'documentCamera',
  'faceCamera',
  'microphone',
]);

export interface CameraReport {
  readonly state: DeviceState;
  readonly code: DeviceCode;
  readonly detail: string;
  readonly identity: DeviceIdentity | null;
}

export type ReadCardError =
  | { kind: 'timeout'; message: string }
  | { kind: 'deviceUnavailable'; message: string }
  | { kind: 'readFailed'; message: string };

/** The printer driver's own result shapes (drivers may not import core, so core reuses theirs). */
export type { PrintFailure, PrintOutcome } from '../../drivers/printer/print-result';
