import { err, ok, type Result } from '../../core/pure/result';

/**
 * SAM (GA/T 467) frames, docs/devices/id-card.md §3: `AA AA AA 96 69`, a big-endian length of
 * everything after the length field (including the checksum), the body, and an XOR checksum over
 * the length bytes and the body. Requests carry CMD Para [data]; responses SW1 SW2 SW3 [data].
 */
export const PREAMBLE: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
export const HEADER_BYTES = 7; // preamble + 2 length bytes
/** A response holds at least SW1 SW2 SW3 CHK; a request at least CMD Para CHK. */
export const MIN_RESPONSE_LENGTH = 4;
export const MIN_REQUEST_LENGTH = 3;
/** Largest length we accept: a 30 10 read is 0x090A (2314); anything near 64 KiB is a corrupted field. */
export const MAX_FRAME_LENGTH = 4096;

/** XOR of `bytes[start..end)`. */
export function xorChecksum(bytes: Uint8Array, start: number, end: number): number {
  let chk = 0;
  for (let i = start; i < end; i++) chk ^= bytes[i] ?? 0;
  return chk;
}

/** Wraps a body (CMD Para data, or SW1 SW2 SW3 data) in preamble, length and checksum. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const length = body.length + 1;
  if (length > 0xffff) throw new RangeError(`frame body of ${body.length} bytes does not fit the length field`);
  const frame = new Uint8Array(HEADER_BYTES + length);
  frame.set(PREAMBLE, 0);
  frame[5] = length >> 8;
  frame[6] = length & 0xff;
  frame.set(body, HEADER_BYTES);
  frame[frame.length - 1] = xorChecksum(frame, 5, frame.length - 1);
  return frame;
}

export interface SamRequest {
  readonly cmd: number;
  readonly para: number;
  readonly data: Uint8Array;
}

export interface SamResponse {
  readonly sw1: number;
  readonly sw2: number;
  /** Reader/SAM status, table §6. */
  readonly sw3: number;
  readonly data: Uint8Array;
}

export type FrameError = { kind: 'malformedFrame'; detail: string };

export function encodeRequest(cmd: number, para: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  return encodeFrame(Uint8Array.of(cmd, para, ...data));
}

export function encodeResponse(response: { sw1?: number; sw2?: number; sw3: number; data?: Uint8Array }): Uint8Array {
  return encodeFrame(Uint8Array.of(response.sw1 ?? 0, response.sw2 ?? 0, response.sw3, ...(response.data ?? [])));
}

/** Checks preamble, length and checksum of one whole frame; returns the body without the checksum. */
function frameBody(frame: Uint8Array, minLength: number): Result<Uint8Array, FrameError> {
  if (frame.length < HEADER_BYTES + minLength) return malformed(`frame of ${frame.length} bytes is too short`);
  for (let i = 0; i < PREAMBLE.length; i++) {
    if (frame[i] !== PREAMBLE[i]) return malformed('frame does not start with AA AA AA 96 69');
  }
  const length = ((frame[5] ?? 0) << 8) | (frame[6] ?? 0);
  if (length < minLength || length > MAX_FRAME_LENGTH) return malformed(`length field ${length} is out of bounds`);
  if (frame.length !== HEADER_BYTES + length) {
    return malformed(`length field ${length} does not match a frame of ${frame.length} bytes`);
  }
  if (xorChecksum(frame, 5, frame.length - 1) !== frame[frame.length - 1]) return malformed('checksum mismatch');
  return ok(frame.subarray(HEADER_BYTES, frame.length - 1));
}

export function decodeResponse(frame: Uint8Array): Result<SamResponse, FrameError> {
  const body = frameBody(frame, MIN_RESPONSE_LENGTH);
  if (!body.ok) return body;
  const b = body.value;
  return ok({ sw1: b[0] ?? 0, sw2: b[1] ?? 0, sw3: b[2] ?? 0, data: b.slice(3) });
}

export function decodeRequest(frame: Uint8Array): Result<SamRequest, FrameError> {
  const body = frameBody(frame, MIN_REQUEST_LENGTH);
  if (!body.ok) return body;
  const b = body.value;
  return ok({ cmd: b[0] ?? 0, para: b[1] ?? 0, data: b.slice(2) });
}

function malformed(detail: string): Result<never, FrameError> {
  return err({ kind: 'malformedFrame', detail });
}
