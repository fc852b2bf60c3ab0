import fc from 'fast-check';

/** Byte-stream helpers shared by the driver targets: chunking, concatenation, mutation. */

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Cut points as fractions, so one arbitrary fits any stream length. */
export const cuts: fc.Arbitrary<number[]> = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

/** `bytes` split at `cuts` (the way a UART, a PTY or USB hands bytes over: anywhere). */
export function chunked(bytes: Uint8Array, at: readonly number[]): Uint8Array[] {
  const points = [...new Set(at.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    if (point <= start || point >= bytes.length) continue;
    chunks.push(bytes.slice(start, point));
    start = point;
  }
  chunks.push(bytes.slice(start));
  return chunks;
}

export type ByteEdit =
  | { readonly kind: 'flip'; readonly at: number; readonly mask: number }
  | { readonly kind: 'set'; readonly at: number; readonly value: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'delete'; readonly at: number; readonly count: number };

export const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
);

/** A copy of `bytes` with the edits applied (positions taken modulo the current length). */
export function edited(bytes: Uint8Array, edits: readonly ByteEdit[]): Uint8Array {
  let out: Uint8Array = bytes.slice();
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % out.length;
    switch (edit.kind) {
      case 'flip':
        if (out.length > 0) out[at] = (out[at] ?? 0) ^ edit.mask;
        break;
      case 'set':
        if (out.length > 0) out[at] = edit.value;
        break;
      case 'truncate':
        out = out.slice(0, at);
        break;
      case 'insert':
        out = concat([out.slice(0, at), edit.bytes, out.slice(at)]);
        break;
      case 'delete':
        out = concat([out.slice(0, at), out.slice(at + edit.count)]);
        break;
    }
  }
  return out;
}

/** Valid bytes broken by one to four edits. */
export function damaged(valid: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(valid, fc.array(byteEdit, { minLength: 1, maxLength: 4 }))
    .map(([bytes, edits]) => edited(bytes, edits));
}

export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/**
 * Large pseudo-random blocks (a 2 KB card read) from a seed: generating them byte by byte through
 * fast-check costs more than the parsing under test.
 */
export function bulkBytes(minLength: number, maxLength: number): fc.Arbitrary<Uint8Array> {
  return fc
    .record({ seed: fc.integer(), length: fc.integer({ min: minLength, max: maxLength }) })
    .map(({ seed, length }) => {
      const out = new Uint8Array(length);
      let x = seed | 1;
      for (let i = 0; i < length; i += 1) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        out[i] = x & 0xff;
      }
      return out;
    });
}
