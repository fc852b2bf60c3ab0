import type { Result } from '../pure/result';
import type { IdCardEvent, KeypadPress } from '../api/devices';
import type { SupervisedDevice } from '../../drivers/common/device';
import type { Scan } from '../../drivers/scanner/scan';
import type { IdCard } from '../../drivers/idcard/card';
import type { ReceiptDocument } from '../../drivers/printer/receipt-document';
import type { PrintFailure, PrintOutcome, ReadCardError } from './types';

/**
 * One device as the manager drives it: the supervised driver plus the calls only that kind has.
 * Built from config by build-devices.ts (real driver, or the same driver on a PTY to an emulator),
 * and by tests with fakes.
 */
export interface IdCardBinding {
  readonly device: SupervisedDevice;
  startPolling(): void;
  stopPolling(): void;
  onCardEvent(listener: (event: IdCardEvent, card: IdCard | null) => void): () => void;
  waitForCard(timeoutMs: number): Promise<Result<IdCard, ReadCardError>>;
}

export interface PrinterBinding {
  readonly device: SupervisedDevice;
  print(document: ReceiptDocument, options: { reprint: boolean }): Promise<Result<PrintOutcome, PrintFailure>>;
}

export interface KeypadBinding {
  readonly device: SupervisedDevice;
  onPress(listener: (press: KeypadPress) => void): () => void;
}

export interface ScannerBinding {
  readonly device: SupervisedDevice;
  /** Every read; the text is the resident's and goes to core's classifier only. */
  onScan(listener: (scan: Scan) => void): () => void;
}

/** A device the page opens and reports on (media.reportStatus): core knows only how it is configured. */
export interface MediaBinding {
  readonly mode: 'real' | 'emulated';
  /** The label to pick it by; null: the first device of its kind. */
  readonly deviceLabel: string | null;
}

/** Dev-panel and test control of an emulator ("insertCard", "paperOut" …). */
export interface EmulatorControl {
  readonly actions: readonly string[];
  perform(action: string, argument?: string): Result<void, 'unknownAction'>;
}

export interface Bound<B> {
  readonly mode: 'real' | 'emulated';
  readonly binding: B;
  readonly emulator: EmulatorControl | null;
}

export interface DeviceBindings {
  readonly idCard: Bound<IdCardBinding>;
  readonly printer: Bound<PrinterBinding>;
  readonly keypad: Bound<KeypadBinding>;
  /** null where the config names no QR scanner. */
  readonly scanner: Bound<ScannerBinding> | null;
  readonly camera: { readonly mode: 'real' | 'emulated' };
  /** 视频帮办's devices, opened by the page (getUserMedia); absent or null where the config names none. */
  readonly faceCamera?: MediaBinding | null;
  readonly microphone?: MediaBinding | null;
  /** Stops emulators and removes their PTY pairs. */
  close(): Promise<void>;
}
