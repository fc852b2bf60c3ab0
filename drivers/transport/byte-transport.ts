import type { Result } from '../../core/pure/result';

/**
 * The narrow byte-stream surface every serial-style driver is written against (a `Pick` of what
 * serialport, a TCP socket or a device file offer; docs/design-anchors.md §7.6). Drivers never see
 * serialport itself, so the same protocol code runs over a real port, a socat PTY, TCP 9100, a
 * USB printer-class file or an in-memory pair in unit tests.
 */
export interface ByteTransport {
  /** e.g. "/dev/ttyUSB0 @115200", "tcp 10.0.0.5:9100", "memory". */
  readonly description: string;
  readonly isOpen: boolean;
  open(): Promise<Result<void, TransportError>>;
  /** Resolves once the bytes are handed to the OS (drained), or with the error. */
  write(data: Uint8Array): Promise<Result<void, TransportError>>;
  /** Chunks arrive as the OS delivers them: frames may be split or merged. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** Called once when the transport closes; `error` is null for a close we asked for. */
  onClose(listener: (error: TransportError | null) => void): () => void;
  /** Idempotent; never throws. */
  close(): Promise<void>;
}

export type TransportErrorCode =
  'notFound' | 'permissionDenied' | 'busy' | 'closed' | 'ioError' | 'refused' | 'timeout';

export interface TransportError {
  readonly code: TransportErrorCode;
  readonly message: string;
}

/** Maps a Node system error (ENOENT, EACCES …) to our codes. */
export function transportErrorFrom(error: unknown): TransportError {
  const e = error as { code?: string; message?: string } | null;
  const message = e?.message ?? String(error);
  switch (e?.code) {
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return { code: 'notFound', message };
    case 'EACCES':
    case 'EPERM':
      return { code: 'permissionDenied', message };
    case 'EBUSY':
      return { code: 'busy', message };
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { code: 'refused', message };
    case 'ETIMEDOUT':
      return { code: 'timeout', message };
    default:
      // serialport reports a missing port as a plain Error "No such file or directory, cannot open …"
      if (/No such file or directory|cannot open/i.test(message)) return { code: 'notFound', message };
      if (/Permission denied/i.test(message)) return { code: 'permissionDenied', message };
      if (/Resource temporarily unavailable|Cannot lock port|busy/i.test(message)) return { code: 'busy', message };
      return { code: 'ioError', message };
  }
}
