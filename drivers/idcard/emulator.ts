import { ok, type Result } from '../../core/pure/result';
import type { ByteTransport, TransportError } from '../transport/byte-transport';
import { createListeners } from '../transport/listeners';
import type { IdCard } from './card';
import { Command } from './commands';
import { createFrameStream } from './frame-stream';
import { decodeRequest, encodeResponse, MIN_REQUEST_LENGTH, type SamRequest } from './protocol';
import { encodeIdCard, encodeReadPayload } from './read-payload';
import { encodeSamId, type SamIdGroups } from './sam-id';
import { SW3 } from './sw3';

/**
 * A byte-level SAM reader on the far end of a transport (a PTY, a memory pair), answering as
 * docs/devices/id-card.md §5 says. Used by tests, the benchmark and `npm start`'s emulated mode.
 */
export type SamCondition = 'ok' | 'unauthorised' | 'selfTestFailed';

export interface IdCardEmulatorOptions {
  readonly transport: ByteTransport;
  /**
   * Pace replies to the wire time of a UART at this rate (10 bits per byte, 8N1). A PTY moves
   * bytes at memory speed, so without this a 1295-byte read would arrive ~112 ms too early.
   */
  readonly baudRate?: number;
  readonly samId?: SamIdGroups;
  /** 0..1, injectable for reproducible chunking and garbage. */
  readonly random?: () => number;
  /**
   * §11 (✔1): some SAMs halt a card once read, so find answers 80 until it is lifted and placed
   * again. Off by default: find keeps answering 9F while the card lies there.
   */
  readonly haltCardAfterRead?: boolean;
}

export interface IdCardEmulator {
  /** Opens the transport (if needed) and starts answering. */
  start(): Promise<Result<void, TransportError>>;
  stop(): Promise<void>;
  insertCard(card: IdCard): void;
  removeCard(): void;
  /** A reader that hears but never answers (power-starved, wrong baud rate). */
  setSilent(on: boolean): void;
  /** Writes random bytes, queued between replies. */
  sendGarbage(byteCount: number): Promise<void>;
  /** Replies cut into random chunks of 1–16 bytes, sometimes with 1–2 ms between them. */
  setSplitFrames(on: boolean): void;
  setSam(condition: SamCondition): void;
  /** The next read answers SW3 41; calls add up. */
  failNextRead(): void;
  /** Requests seen since start, in order (for tests). */
  readonly requests: readonly SamRequest[];
  /** Called for every request frame received, before it is answered. */
  onRequest(listener: (request: SamRequest) => void): () => void;
}

export const DEFAULT_EMULATED_SAM_ID: SamIdGroups = { a: 5, b: 1, c: 20260101, d: 1234567, e: 89012345 };

export function createIdCardEmulator(options: IdCardEmulatorOptions): IdCardEmulator {
  const { transport } = options;
  const random = options.random ?? Math.random;
  const requests: SamRequest[] = [];
  const requestListeners = createListeners<SamRequest>();
  let card: IdCard | null = null;
  let found = false;
  let selected = false;
  let halted = false;
  let failReads = 0;
  let sam: SamCondition = 'ok';
  let silent = false;
  let split = false;
  let writes: Promise<void> = Promise.resolve();
  let unsubscribe: (() => void) | null = null;

  const byteTimeMs = options.baudRate ? (10 * 1000) / options.baudRate : 0;
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
  // A timer measures from the event loop's cached clock, which lags behind performance.now() by
  // however long the current turn has run; under load it fires early by that much. A paced chunk
  // must never leave before its last byte would have crossed the wire, so sleep again until it has.
  const sleepUntil = async (at: number) => {
    for (let left = at - performance.now(); left > 0; left = at - performance.now()) await sleep(Math.ceil(left));
  };

  /** Writes in chunks; with a baud rate each chunk leaves when its last byte would have arrived. */
  const writePaced = async (bytes: Uint8Array, startAt: number) => {
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length;) {
      const size = split ? 1 + Math.floor(random() * 16) : byteTimeMs > 0 ? 64 : bytes.length;
      chunks.push(bytes.subarray(at, at + size));
      at += size;
    }
    let sent = 0;
    for (const chunk of chunks) {
      sent += chunk.length;
      if (byteTimeMs > 0) await sleepUntil(startAt + sent * byteTimeMs);
      else if (split && sent > chunk.length) {
        // Mostly a bare turn of the event loop, sometimes a 1–2 ms pause: enough to split reads
        // on the host side without making a 1295-byte reply take longer than a real UART would.
        if (random() < 0.125) await sleep(1 + Math.floor(random() * 2));
        else await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (!transport.isOpen) return;
      const written = await transport.write(chunk);
      if (!written.ok) return;
    }
  };

  const enqueue = (bytes: Uint8Array, requestBytes = 0) => {
    // The request itself also took wire time to reach us; the reply starts after it.
    const startAt = performance.now() + requestBytes * byteTimeMs;
    writes = writes.then(() => writePaced(bytes, Math.max(startAt, performance.now())));
    return writes;
  };

  const reply = (request: SamRequest): Uint8Array => {
    if (sam === 'unauthorised') return encodeResponse({ sw3: SW3.SAM_UNAUTHORISED });
    if (sam === 'selfTestFailed') return encodeResponse({ sw3: SW3.SAM_SELF_TEST_FAILED });
    const is = (c: { cmd: number; para?: number }) =>
      request.cmd === c.cmd && (c.para === undefined || request.para === c.para);
    if (is(Command.resetSam)) {
      found = selected = false;
      return encodeResponse({ sw3: SW3.OK });
    }
    if (is(Command.samStatus)) return encodeResponse({ sw3: SW3.OK });
    if (is(Command.samId)) {
      return encodeResponse({ sw3: SW3.OK, data: encodeSamId(options.samId ?? DEFAULT_EMULATED_SAM_ID) });
    }
    if (is(Command.findCard)) {
      found = card !== null && !halted;
      // §5: 9F with four zero bytes, or 80 with none.
      return found
        ? encodeResponse({ sw3: SW3.CARD_FOUND, data: new Uint8Array(4) })
        : encodeResponse({ sw3: SW3.NO_CARD });
    }
    if (is(Command.selectCard)) {
      selected = card !== null && found;
      return selected
        ? encodeResponse({ sw3: SW3.OK, data: new Uint8Array(8) })
        : encodeResponse({ sw3: SW3.SELECT_FAILED });
    }
    if (is(Command.readCard) || is(Command.readCardWithFingerprint)) {
      if (!card || !selected) return encodeResponse({ sw3: SW3.READ_FAILED });
      if (failReads > 0) {
        failReads -= 1;
        return encodeResponse({ sw3: SW3.READ_FAILED });
      }
      if (options.haltCardAfterRead) halted = true;
      const variant = is(Command.readCard) ? 'text+photo' : 'text+photo+fingerprint';
      return encodeResponse({ sw3: SW3.OK, data: encodeReadPayload(encodeIdCard(card), variant) });
    }
    if (is(Command.readAppendedAddress)) {
      // Emulated cards carry no appended address: "no content" (§6 SW3 91).
      return encodeResponse({ sw3: card && selected ? SW3.NO_CONTENT : SW3.READ_FAILED });
    }
    if (is(Command.setBaudRate)) return encodeResponse({ sw3: request.para <= 4 ? SW3.OK : SW3.BAD_COMMAND });
    if (is(Command.setMaxRfFrame)) return encodeResponse({ sw3: SW3.OK });
    return encodeResponse({ sw3: SW3.BAD_COMMAND });
  };

  const stream = createFrameStream({
    minLength: MIN_REQUEST_LENGTH,
    onFrame(frame) {
      const request = decodeRequest(frame);
      if (!request.ok) return;
      requests.push(request.value);
      requestListeners.emit(request.value);
      if (silent) return;
      void enqueue(reply(request.value), frame.length);
    },
  });

  return {
    async start() {
      if (!transport.isOpen) {
        const opened = await transport.open();
        if (!opened.ok) return opened;
      }
      unsubscribe ??= transport.onData((chunk) => stream.push(chunk));
      return ok(undefined);
    },
    async stop() {
      unsubscribe?.();
      unsubscribe = null;
      stream.close();
      await transport.close();
    },
    insertCard(next) {
      card = next;
      found = selected = halted = false;
    },
    removeCard() {
      card = null;
      found = selected = halted = false;
    },
    setSilent(on) {
      silent = on;
    },
    sendGarbage(byteCount) {
      const garbage = new Uint8Array(byteCount);
      for (let i = 0; i < byteCount; i++) garbage[i] = Math.floor(random() * 256);
      return enqueue(garbage);
    },
    setSplitFrames(on) {
      split = on;
    },
    setSam(condition) {
      sam = condition;
    },
    failNextRead() {
      failReads += 1;
    },
    get requests() {
      return requests;
    },
    onRequest: (listener) => requestListeners.add(listener),
  };
}
