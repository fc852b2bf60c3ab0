import fc from 'fast-check';

/**
 * Texts a scanner may read, for property tests: printable ASCII and CJK ideographs (all of which
 * GBK encodes), no control characters, at least one character.
 */
export const scanText = (maxLength = 60) =>
  fc
    .array(fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x4e00, max: 0x9fa5 })), {
      minLength: 1,
      maxLength,
    })
    .map((codes) => String.fromCodePoint(...codes));

/** ASCII only: what a keyboard wedge can type. */
export const wedgeText = (maxLength = 60) =>
  fc
    .array(fc.integer({ min: 0x20, max: 0x7e }), { minLength: 1, maxLength })
    .map((codes) => String.fromCharCode(...codes));

/** Splits bytes at arbitrary points, as a serial port delivers them. */
export const chunked = (bytes: Uint8Array) =>
  fc.array(fc.integer({ min: 1, max: Math.max(1, bytes.length) }), { maxLength: 20 }).map((cuts) => {
    const points = [...new Set(cuts.filter((c) => c < bytes.length))].sort((a, b) => a - b);
    const parts: Uint8Array[] = [];
    let from = 0;
    for (const point of [...points, bytes.length]) {
      if (point > from) parts.push(bytes.subarray(from, point));
      from = point;
    }
    return parts;
  });
