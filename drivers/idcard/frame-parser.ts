import { HEADER_BYTES, MAX_FRAME_LENGTH, MIN_RESPONSE_LENGTH, PREAMBLE, xorChecksum } from './protocol';

/**
 * Incremental SAM frame finder following docs/reliability.md §5.3, the parser contract: (1) sync on
 * the 5-byte preamble anywhere in the stream, (2) bound the length field, (3) verify the XOR, (4)
 * on any failure advance ONE byte and rescan so good frames behind garbage survive, (5) partial
 * frames are dropped by `expire()` (driven by an inter-byte gap timer, see frame-stream.ts), (6)
 * the buffer never holds more than one maximal candidate frame. It never throws on input.
 */
export interface FrameParser {
  /** Adds bytes; returns every complete, checksum-valid frame now available, in stream order. */
  push(chunk: Uint8Array): Uint8Array[];
  /**
   * The line went quiet: the candidate at the head can never complete. Advances past it one byte
   * at a time, returning any whole frames hidden behind it (e.g. behind a corrupted length
   * field), and leaves the buffer empty.
   */
  expire(): Uint8Array[];
  /** Bytes held while waiting for the rest of a frame. */
  readonly buffered: number;
  reset(): void;
  /** Bytes skipped so far (garbage, bad lengths, bad checksums), for "garbled replies" diagnostics. */
  readonly discarded: number;
}

export interface FrameParserOptions {
  /** Smallest legal length field: 4 for responses (default), 3 when parsing requests (emulator). */
  readonly minLength?: number;
  readonly maxLength?: number;
}

export function createFrameParser(options: FrameParserOptions = {}): FrameParser {
  const minLength = options.minLength ?? MIN_RESPONSE_LENGTH;
  const maxLength = options.maxLength ?? MAX_FRAME_LENGTH;
  let buffer: Uint8Array = new Uint8Array(0);
  let discarded = 0;

  const drop = (count: number) => {
    discarded += count;
    buffer = buffer.subarray(count);
  };

  /** Takes whole frames from the head; stops at an incomplete candidate or an empty buffer. */
  const drain = (): Uint8Array[] => {
    const frames: Uint8Array[] = [];
    for (;;) {
      const start = findPreamble(buffer);
      if (start < 0) {
        // Keep only a tail that could still become a preamble ("AA AA" waiting for "AA 96 69").
        drop(buffer.length - partialPreambleTail(buffer));
        return frames;
      }
      if (start > 0) drop(start);
      if (buffer.length < HEADER_BYTES) return frames;
      const length = ((buffer[5] ?? 0) << 8) | (buffer[6] ?? 0);
      if (length < minLength || length > maxLength) {
        drop(1);
        continue;
      }
      const total = HEADER_BYTES + length;
      if (buffer.length < total) return frames;
      if (xorChecksum(buffer, 5, total - 1) !== buffer[total - 1]) {
        drop(1);
        continue;
      }
      frames.push(buffer.slice(0, total));
      buffer = buffer.subarray(total);
    }
  };

  return {
    push(chunk) {
      if (chunk.length === 0) return [];
      const next = new Uint8Array(buffer.length + chunk.length);
      next.set(buffer, 0);
      next.set(chunk, buffer.length);
      buffer = next;
      return drain();
    },
    expire() {
      const frames: Uint8Array[] = [];
      while (buffer.length > 0) {
        drop(1);
        frames.push(...drain());
      }
      return frames;
    },
    get buffered() {
      return buffer.length;
    },
    get discarded() {
      return discarded;
    },
    reset() {
      buffer = new Uint8Array(0);
    },
  };
}

function findPreamble(buffer: Uint8Array): number {
  const last = buffer.length - PREAMBLE.length;
  outer: for (let i = 0; i <= last; i++) {
    for (let j = 0; j < PREAMBLE.length; j++) {
      if (buffer[i + j] !== PREAMBLE[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/** Length of the longest buffer suffix that is a proper prefix of the preamble. */
function partialPreambleTail(buffer: Uint8Array): number {
  for (let n = Math.min(PREAMBLE.length - 1, buffer.length); n > 0; n--) {
    let matches = true;
    for (let j = 0; j < n; j++) {
      if (buffer[buffer.length - n + j] !== PREAMBLE[j]) {
        matches = false;
        break;
      }
    }
    if (matches) return n;
  }
  return 0;
}
