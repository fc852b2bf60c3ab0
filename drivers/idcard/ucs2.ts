/**
 * Fixed-width UCS-2LE fields of the 256-byte text block (docs/devices/id-card.md §7.2). Each code
 * unit is taken as is (no UTF-16 surrogate repair), so encode → decode is exact for any BMP text.
 */
export function readField(block: Uint8Array, offset: number, bytes: number): string {
  let text = '';
  for (let i = offset; i + 1 < offset + bytes && i + 1 < block.length; i += 2) {
    text += String.fromCharCode((block[i] ?? 0) | ((block[i + 1] ?? 0) << 8));
  }
  return trimPadding(text);
}

/** Fields are padded with spaces (20 00); some modules leave NULs in unused slots. */
export function trimPadding(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0)) end--;
  return text.slice(0, end);
}

/** Writes `text` space-padded to `bytes`; an over-long value is a bug in the caller. */
export function writeField(block: Uint8Array, offset: number, bytes: number, text: string): void {
  if (text.length * 2 > bytes) throw new RangeError(`a ${text.length}-character value does not fit ${bytes} bytes`);
  for (let i = 0; i < bytes / 2; i++) {
    const unit = i < text.length ? text.charCodeAt(i) : 0x20;
    block[offset + i * 2] = unit & 0xff;
    block[offset + i * 2 + 1] = unit >> 8;
  }
}
