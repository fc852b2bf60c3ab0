import iconv from 'iconv-lite';

/**
 * Text for a printer in Chinese mode (docs/devices/printer.md §3): encoding, column widths and
 * wrapping. A column is one font-A half-width cell (12 × 24 dots).
 */

/** GB18030 on most Chinese firmware; some models are GBK-only (§3, a per-printer setting). */
export type PrinterEncoding = 'gb18030' | 'gbk';

export type PaperWidthMm = 58 | 80;

/** Font A columns: 576 dots / 12 on 80 mm, 384 / 12 on 58 mm. */
export function paperColumns(paperWidthMm: PaperWidthMm): number {
  return paperWidthMm === 80 ? 48 : 32;
}

/** One character as the printer will receive it. */
export interface PrinterChar {
  /** What will be on paper ('?' when the printer's encoding lacks the character). */
  readonly char: string;
  readonly bytes: Uint8Array;
  /**
   * 1 for a single-byte code, 2 for a double- or four-byte GB code: in Chinese mode the printer
   * draws every multi-byte code as a full-width 24-dot glyph, so the width follows the bytes,
   * not Unicode's East Asian Width (é, ·, — are full-width on these printers).
   */
  readonly columns: 1 | 2;
}

const QUESTION: PrinterChar = { char: '?', bytes: Uint8Array.of(0x3f), columns: 1 };
const SPACE: PrinterChar = { char: ' ', bytes: Uint8Array.of(0x20), columns: 1 };
const caches: Record<PrinterEncoding, Map<string, PrinterChar>> = { gb18030: new Map(), gbk: new Map() };

/**
 * The printable characters of `text`, one per code point. Control characters are dropped (a
 * stray ESC in platform-supplied text would otherwise become a command), tabs become spaces, and
 * ¥ U+00A5 becomes ￥ U+FFE5 (GBK has only the full-width sign; in GB18030 U+00A5 is a 4-byte
 * code many printers lack — docs/dependencies.md §2.1).
 */
export function printerChars(text: string, encoding: PrinterEncoding): PrinterChar[] {
  const out: PrinterChar[] = [];
  for (const char of text) {
    const printed = printerChar(char, encoding);
    if (printed) out.push(printed);
  }
  return out;
}

function printerChar(char: string, encoding: PrinterEncoding): PrinterChar | null {
  const code = char.codePointAt(0) ?? 0;
  if (char === '\t') return SPACE;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return null;
  if (code >= 0xd800 && code <= 0xdfff) return QUESTION; // lone surrogate
  const cache = caches[encoding];
  const cached = cache.get(char);
  if (cached) return cached;
  const mapped = char === '\u00a5' ? '\uffe5' : char;
  const encoded = new Uint8Array(iconv.encode(mapped, encoding));
  let result: PrinterChar;
  if (encoded.length === 1) {
    // iconv-lite's GBK puts € at 0x80 (code page 936); a printer in Chinese mode reads bytes
    // ≥ 0x80 as lead bytes, and '?' is what iconv-lite gives for characters GBK lacks.
    const byte = encoded[0] ?? 0x3f;
    result =
      byte >= 0x80 || (byte === 0x3f && mapped !== '?') ? QUESTION : { char: mapped, bytes: encoded, columns: 1 };
  } else {
    result = { char: mapped, bytes: encoded, columns: 2 };
  }
  if (cache.size < 10_000) cache.set(char, result);
  return result;
}

/** Columns `text` takes in font A at size 1. */
export function columnWidth(text: string, encoding: PrinterEncoding = 'gb18030'): number {
  let width = 0;
  for (const char of printerChars(text, encoding)) width += char.columns;
  return width;
}

/** The bytes of `text` for the printer, after the same clean-up as `printerChars`. */
export function encodeText(text: string, encoding: PrinterEncoding): Uint8Array {
  const chars = printerChars(text, encoding);
  let length = 0;
  for (const char of chars) length += char.bytes.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const char of chars) {
    out.set(char.bytes, offset);
    offset += char.bytes.length;
  }
  return out;
}

/** Columns available for text at `size` (2 = double width halves them, 3 = a third). */
export function columnsAtSize(paperWidthMm: PaperWidthMm, size: 1 | 2 | 3): number {
  return Math.floor(paperColumns(paperWidthMm) / size);
}

/**
 * Wraps `text` to `maxColumns`, never splitting a double-width character. Newlines start a new
 * line; a Latin word is moved whole to the next line when it fits there; Chinese breaks between
 * any two characters. Lines carry no leading (after a wrap) or trailing spaces.
 */
export function wrapText(text: string, maxColumns: number, encoding: PrinterEncoding): PrinterChar[][] {
  const lines: PrinterChar[][] = [];
  for (const paragraph of text.split('\n')) {
    let current: PrinterChar[] = [];
    let width = 0;
    let wrapped = false;
    const push = () => {
      lines.push(trimEnd(current));
      current = [];
      width = 0;
      wrapped = true;
    };
    for (const char of printerChars(paragraph, encoding)) {
      if (char.char === ' ' && current.length === 0 && wrapped) continue;
      if (width + char.columns > maxColumns && current.length > 0) {
        if (char.char === ' ') {
          push();
          continue;
        }
        const carried = char.columns === 1 ? trailingWord(current, maxColumns) : [];
        current = current.slice(0, current.length - carried.length);
        push();
        current = carried;
        width = carried.length;
      }
      current.push(char);
      width += char.columns;
    }
    lines.push(trimEnd(current));
  }
  return lines;
}

/** The single-width word at the end of `line` if a space precedes it and it can move down whole. */
function trailingWord(line: readonly PrinterChar[], maxColumns: number): PrinterChar[] {
  let start = line.length;
  while (start > 0) {
    const previous = line[start - 1];
    if (!previous || previous.columns !== 1 || previous.char === ' ') break;
    start -= 1;
  }
  const hasSpaceBefore = start > 0 && line[start - 1]?.char === ' ';
  if (!hasSpaceBefore || line.length - start >= maxColumns) return [];
  return line.slice(start);
}

function trimEnd(line: PrinterChar[]): PrinterChar[] {
  let end = line.length;
  while (end > 0 && line[end - 1]?.char === ' ') end -= 1;
  return line.slice(0, end);
}

export const charsText = (chars: readonly PrinterChar[]) => chars.map((c) => c.char).join('');
export const charsColumns = (chars: readonly PrinterChar[]) => chars.reduce((sum, c) => sum + c.columns, 0);
