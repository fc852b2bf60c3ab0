import { decodeScanBytes, type ScanEncoding, type ScanOutcome } from './scan';

/**
 * What a serial (CDC-ACM or RS-232) scanner sends per read: an optional prefix, the decoded text
 * in the configured encoding, and a suffix. Scanners ship with CR (most Chinese models) or CRLF;
 * both, the prefix and the encoding are set on the scanner with configuration barcodes, so the
 * kiosk's config must say the same.
 */
export type SerialSuffix = 'CR' | 'CRLF' | 'LF' | 'TAB' | 'none';

export interface SerialFraming {
  readonly suffix: SerialSuffix;
  /** Text the scanner is set up to send before each read; '' for none. */
  readonly prefix: string;
  readonly encoding: ScanEncoding;
  /** A read longer than this (without its prefix and suffix) is refused. */
  readonly maxBytes: number;
  /** A gap this long ends a read, suffix or not. */
  readonly interCharacterTimeoutMs: number;
}

export interface SerialScanAssembler {
  /** Bytes as the port delivered them at `atMs` (split or merged anyhow); the reads they end. */
  push(chunk: Uint8Array, atMs: number): ScanOutcome[];
  /** Ends the read in progress when its last byte is at least the timeout old. */
  flush(atMs: number): ScanOutcome[];
  /** When `flush` has something to end, or null when nothing is pending. */
  nextDeadline(): number | null;
  /** Forgets everything (after a reconnect). */
  reset(): void;
}

const CR = 0x0d;
const LF = 0x0a;

export function suffixBytes(suffix: SerialSuffix): Uint8Array {
  switch (suffix) {
    case 'CR':
      return Uint8Array.of(CR);
    case 'CRLF':
      return Uint8Array.of(CR, LF);
    case 'LF':
      return Uint8Array.of(LF);
    case 'TAB':
      return Uint8Array.of(0x09);
    case 'none':
      return new Uint8Array(0);
  }
}

const endsWith = (buffer: readonly number[], tail: Uint8Array) =>
  tail.length > 0 &&
  buffer.length >= tail.length &&
  tail.every((byte, i) => buffer[buffer.length - tail.length + i] === byte);

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Bytes → reads, as a pure state machine with the time passed in (the device layer owns the
 * timer). A read ends at the suffix or after an idle gap. Resync: CR/LF left over at either end
 * (a CRLF scanner configured as CR, or the reverse) is dropped; bytes before a configured prefix
 * are noise; a read that grows past the maximum is refused once and everything up to the next
 * suffix or gap is dropped, so line noise never glues itself to the next good read.
 */
export function createSerialScanAssembler(framing: SerialFraming): SerialScanAssembler {
  const suffix = suffixBytes(framing.suffix);
  const prefix = new TextEncoder().encode(framing.prefix);
  let buffer: number[] = [];
  let lastByteAt = 0;
  let discarding = false;

  const finish = (bytes: number[]): ScanOutcome | null => {
    let start = 0;
    let end = bytes.length;
    while (start < end && (bytes[start] === CR || bytes[start] === LF)) start += 1;
    while (end > start && (bytes[end - 1] === CR || bytes[end - 1] === LF)) end -= 1;
    let body = Uint8Array.from(bytes.slice(start, end));
    if (body.length === 0) return null;
    if (prefix.length > 0) {
      const at = indexOf(body, prefix);
      if (at < 0) return { kind: 'rejected', reason: 'missingPrefix', byteCount: body.length };
      body = body.subarray(at + prefix.length);
      if (body.length === 0) return null;
    }
    if (body.length > framing.maxBytes) return { kind: 'rejected', reason: 'tooLong', byteCount: body.length };
    return decodeScanBytes(body, framing.encoding, 'unknown');
  };

  const flush = (atMs: number): ScanOutcome[] => {
    if ((buffer.length === 0 && !discarding) || atMs - lastByteAt < framing.interCharacterTimeoutMs) return [];
    const bytes = buffer;
    buffer = [];
    if (discarding) {
      discarding = false;
      return [];
    }
    const outcome = finish(bytes);
    return outcome ? [outcome] : [];
  };

  // Room for the prefix and suffix (and a stray CR/LF pair) around a read of the maximum length.
  const limit = framing.maxBytes + prefix.length + suffix.length + 2;

  return {
    push(chunk, atMs) {
      const out = flush(atMs);
      for (const byte of chunk) {
        lastByteAt = atMs;
        buffer.push(byte);
        if (endsWith(buffer, suffix)) {
          const bytes = buffer.slice(0, buffer.length - suffix.length);
          buffer = [];
          if (discarding) {
            discarding = false;
            continue;
          }
          const outcome = finish(bytes);
          if (outcome) out.push(outcome);
          continue;
        }
        if (discarding) {
          // Only the last bytes matter while dropping: they may be the suffix that ends it.
          if (buffer.length > suffix.length) buffer.splice(0, buffer.length - suffix.length);
          continue;
        }
        if (buffer.length > limit) {
          out.push({ kind: 'rejected', reason: 'tooLong', byteCount: buffer.length });
          discarding = true;
          buffer.splice(0, buffer.length - suffix.length);
        }
      }
      return out;
    },
    flush,
    nextDeadline: () => (buffer.length > 0 || discarding ? lastByteAt + framing.interCharacterTimeoutMs : null),
    reset() {
      buffer = [];
      discarding = false;
    },
  };
}
