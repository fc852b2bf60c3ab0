import iconv from 'iconv-lite';
import { err, ok, type Result } from '../../core/pure/result';
import type { ByteTransport } from '../transport/byte-transport';
import type { ScanEncoding } from './scan';
import { suffixBytes, type SerialSuffix } from './serial-framing';

export interface SerialScannerEmulatorOptions {
  /** The device's end of the link (a socat PTY or an in-memory pair). */
  readonly transport: ByteTransport;
  readonly suffix: SerialSuffix;
  readonly prefix: string;
  readonly encoding: ScanEncoding;
}

export type ScannerEmulatorError =
  | { readonly kind: 'notStarted' | 'unplugged' | 'writeFailed' | 'unknownAction'; readonly message: string }
  | { readonly kind: 'notTypable'; readonly message: string };

export interface ScanPacing {
  /** Bytes per write: a read split over several writes, as a slow wire delivers it. */
  readonly chunkBytes?: number;
  /** Pause between those writes. */
  readonly gapMs?: number;
}

export interface SerialScannerEmulator {
  start(): Promise<Result<void, { message: string }>>;
  stop(): Promise<void>;
  /** Sends one read of `text` exactly as a scanner with this framing does: prefix, text, suffix. */
  scan(text: string, pacing?: ScanPacing): Promise<Result<void, ScannerEmulatorError>>;
  /** Line noise (default: bytes invalid in any encoding) followed by the suffix. */
  garbage(bytes?: Uint8Array): Promise<Result<void, ScannerEmulatorError>>;
}

/** Bytes no UTF-8 or GB18030 decoder accepts, and a control byte for good measure. */
export const NOISE = Uint8Array.of(0xff, 0xfe, 0x00, 0x81, 0xff, 0x07);

export function encodeScanText(text: string, encoding: ScanEncoding): Uint8Array {
  return encoding === 'gbk' ? Uint8Array.from(iconv.encode(text, 'gbk')) : new TextEncoder().encode(text);
}

/**
 * A serial scanner at the byte level, on the other end of the driver's port: what it writes is
 * exactly what a scanner set up with this suffix, prefix and encoding sends for a read. There is
 * nothing to answer: scanners only talk.
 */
export function createSerialScannerEmulator(options: SerialScannerEmulatorOptions): SerialScannerEmulator {
  const { transport } = options;
  let started = false;

  const write = async (bytes: Uint8Array, pacing: ScanPacing = {}): Promise<Result<void, ScannerEmulatorError>> => {
    if (!started || !transport.isOpen)
      return err({ kind: 'notStarted', message: 'the emulated scanner is not running' });
    const size = Math.max(1, pacing.chunkBytes ?? bytes.length);
    for (let offset = 0; offset < bytes.length; offset += size) {
      if (offset > 0 && pacing.gapMs) await new Promise((resolve) => setTimeout(resolve, pacing.gapMs));
      const written = await transport.write(bytes.subarray(offset, offset + size));
      if (!written.ok) return err({ kind: 'writeFailed', message: written.error.message });
    }
    return ok(undefined);
  };
  const frame = (body: Uint8Array) =>
    Uint8Array.from([...encodeScanText(options.prefix, options.encoding), ...body, ...suffixBytes(options.suffix)]);

  return {
    async start() {
      const opened = await transport.open();
      if (!opened.ok) return err({ message: opened.error.message });
      started = true;
      return ok(undefined);
    },
    async stop() {
      started = false;
      await transport.close();
    },
    scan: (text, pacing) => write(frame(encodeScanText(text, options.encoding)), pacing),
    garbage: (bytes = NOISE) => write(Uint8Array.from([...bytes, ...suffixBytes(options.suffix)])),
  };
}
