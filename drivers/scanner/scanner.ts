import type { DeviceIdentity } from '../../core/api/devices';
import type { DeviceFault, SupervisedDevice } from '../common/device';
import type { Scan, ScanRejection } from './scan';

/** pino-compatible (`logger.child({component})` fits); drivers cannot import core/logging. */
export interface ScannerLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/**
 * Where the scanner is, as a discriminated union: `disconnected` is a state (with the fault that
 * put it there, null before the first connect or after a disconnect we asked for), not an
 * exception. Reconnecting with backoff is the device manager's job (core/devices/supervisor.ts).
 */
export type ScannerState =
  | { readonly kind: 'disconnected'; readonly fault: DeviceFault | null }
  | { readonly kind: 'listening'; readonly identity: DeviceIdentity };

export interface ScanRejected {
  readonly reason: ScanRejection;
  readonly byteCount: number;
}

/** A QR/barcode scanner (扫码器): reads arrive on their own; there is nothing to ask it. */
export interface QrScanner extends SupervisedDevice {
  readonly kind: 'qrScanner';
  state(): ScannerState;
  /** Every read that decoded to a text. The text is the resident's: never log it. */
  readonly onScan: (listener: (scan: Scan) => void) => () => void;
  /** Bytes that arrived and were not a read (noise, wrong encoding …), for status and the technician. */
  readonly onRejected: (listener: (rejected: ScanRejected) => void) => () => void;
}

export const silentScannerLogger: ScannerLogger = { info: () => undefined, warn: () => undefined };
