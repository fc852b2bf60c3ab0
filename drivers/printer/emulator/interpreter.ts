import iconv from 'iconv-lite';
import type { ReceiptAlign } from '../receipt-document';
import type { PrinterEncoding } from '../text';
import { CODE128_CODE, CODE128_FNC1, CODE128_SHIFT, CODE128_START, code128Runs } from './code128';
import { DEFAULT_LINE_SPACING_DOTS, FONT_HEIGHT_DOTS, glyphDots, type Glyph, type PaperRow } from './paper';

/** Requests that expect an answer on the return channel. */
export type PrinterRequest =
  | { readonly kind: 'realTimeStatus'; readonly n: number } // DLE EOT n (§2.6)
  | { readonly kind: 'identity'; readonly n: number } // GS I n (⚠)
  | { readonly kind: 'paperSensor'; readonly n: number } // GS r n (§2.2)
  | { readonly kind: 'paperStatus' }; // ESC v (§2.2)

export interface InterpreterHooks {
  /** A request needs an answer; the emulator knows the mechanism's state. */
  request(request: PrinterRequest): void;
  /** Asked before each row goes on paper: false = paper out or cover open, the row is lost. */
  canPrint(): boolean;
  /** A row went on paper (the emulator counts down to a paper end). */
  rowPrinted(): void;
  /** GS V: everything since the previous cut. `partial` if rows were lost. */
  cut(rows: readonly PaperRow[], partial: boolean): void;
}

export interface InterpreterModes {
  readonly chineseMode: boolean;
  readonly feedButtonDisabled: boolean;
  readonly align: ReceiptAlign;
  readonly bold: boolean;
  readonly width: number;
  readonly height: number;
}

export interface EscPosInterpreter {
  /** Bytes as they arrive, split anywhere. Never throws. */
  feed(chunk: Uint8Array): void;
  readonly modes: InterpreterModes;
  /** Rows printed since the last cut. */
  readonly rows: readonly PaperRow[];
}

export interface InterpreterOptions {
  readonly paperDots: number;
  readonly encoding: PrinterEncoding;
  readonly hooks: InterpreterHooks;
}

/** A command longer than this (a huge raster or QR store) is skipped rather than buffered. */
const MAX_COMMAND_BYTES = 256 * 1024;
/** GS k function A: data bytes before the NUL, at most (Epson's largest k for these symbologies). */
const FUNCTION_A_MAX_DATA = 255;
const NEED_MORE = 0;

const ALIGNS: readonly ReceiptAlign[] = ['left', 'center', 'right'];

/**
 * An incremental ESC/POS interpreter for the subset in hardware-protocols.md §2 (plus the usual
 * neighbours, consumed so their parameters are not printed as text). Each step either consumes
 * one whole command or reports that it needs more bytes; leftovers wait for the next chunk.
 */
export function createEscPosInterpreter(options: InterpreterOptions): EscPosInterpreter {
  const { paperDots, encoding, hooks } = options;
  let buffer = new Uint8Array(0);

  // Power-on state: Chinese-market printers start in Chinese mode (§2.3).
  let chineseMode = true;
  let feedButtonDisabled = false;
  let align: ReceiptAlign = 'left';
  let bold = false;
  let width = 1;
  let height = 1;
  let lineSpacing = DEFAULT_LINE_SPACING_DOTS;
  let line: Glyph[] = [];
  let lineAlign: ReceiptAlign = 'left';
  let rows: PaperRow[] = [];
  let partial = false;
  const qr = { moduleSize: 3, data: new Uint8Array(0) };
  const barcode = { height: 162, moduleWidth: 3, hri: 0 };

  function resetModes() {
    // ESC @ clears the buffer and modes. Whether it restores Chinese mode is model-specific
    // (§2.3 ⚠); the emulator takes the strict variant so a missing FS & shows up in tests.
    chineseMode = false;
    align = 'left';
    bold = false;
    width = 1;
    height = 1;
    lineSpacing = DEFAULT_LINE_SPACING_DOTS;
    line = [];
  }

  function putRow(row: PaperRow) {
    if (!hooks.canPrint()) {
      partial = true;
      return;
    }
    rows.push(row);
    hooks.rowPrinted();
  }

  function printLine() {
    const tallest = line.reduce((max, glyph) => Math.max(max, glyph.height), 1);
    putRow({
      kind: 'text',
      glyphs: line,
      align: line.length > 0 ? lineAlign : align,
      heightDots: Math.max(lineSpacing, FONT_HEIGHT_DOTS * tallest),
    });
    line = [];
  }

  function flushLine() {
    if (line.length > 0) printLine();
  }

  function addGlyph(char: string, columns: 1 | 2) {
    const glyph: Glyph = { char, columns, width, height, bold };
    const used = line.reduce((sum, g) => sum + glyphDots(g), 0);
    // Like the printer: a line that would overflow the print area is printed and continued.
    if (line.length > 0 && used + glyphDots(glyph) > paperDots) printLine();
    if (line.length === 0) lineAlign = align;
    line.push(glyph);
  }

  function cut() {
    flushLine();
    const printed = rows;
    const wasPartial = partial;
    rows = [];
    partial = false;
    hooks.cut(printed, wasPartial);
  }

  function feedLines(n: number) {
    if (line.length > 0) {
      printLine();
      n -= 1;
    }
    for (let i = 0; i < n; i++) printLine();
  }

  /** Consumes one command at `at`; NEED_MORE if it is not complete yet. */
  function step(b: Uint8Array, at: number): number {
    const available = b.length - at;
    const byte = (offset: number) => b[at + offset] ?? 0;
    const c = byte(0);

    if (c === 0x0a) {
      printLine();
      return 1;
    }
    if (c === 0x1b) {
      if (available < 2) return NEED_MORE;
      return escape(byte(1), b, at);
    }
    if (c === 0x1d) {
      if (available < 2) return NEED_MORE;
      return groupSeparator(byte(1), b, at);
    }
    if (c === 0x1c) {
      if (available < 2) return NEED_MORE;
      const sub = byte(1);
      if (sub === 0x26) chineseMode = true;
      else if (sub === 0x2e) chineseMode = false;
      else if (sub === 0x43 || sub === 0x57 || sub === 0x21 || sub === 0x2d) return available < 3 ? NEED_MORE : 3;
      return 2;
    }
    if (c === 0x10) {
      if (available < 2) return NEED_MORE;
      const sub = byte(1);
      if (sub === 0x04 || sub === 0x05) {
        if (available < 3) return NEED_MORE;
        if (sub === 0x04) hooks.request({ kind: 'realTimeStatus', n: byte(2) });
        return 3;
      }
      if (sub === 0x14) return available < 5 ? NEED_MORE : 5; // DLE DC4 fn m t
      return 1;
    }
    if (c < 0x20 || c === 0x7f) return 1; // CR, HT and other controls print nothing here
    if (c < 0x80) {
      addGlyph(String.fromCharCode(c), 1);
      return 1;
    }
    if (!chineseMode || c === 0x80 || c === 0xff) {
      // A single-byte code page character; which one depends on ESC t, so show it as unknown.
      addGlyph('?', 1);
      return 1;
    }
    if (available < 2) return NEED_MORE;
    const second = byte(1);
    if (second >= 0x30 && second <= 0x39) {
      // GB18030 four-byte sequence; a GBK-only printer sees two invalid pairs instead.
      if (encoding === 'gbk') {
        addGlyph('\ufffd', 2);
        return 2;
      }
      if (available < 4) return NEED_MORE;
      addGlyph(decode(b.subarray(at, at + 4)), 2);
      return 4;
    }
    if (second >= 0x40 && second <= 0xfe && second !== 0x7f) {
      addGlyph(decode(b.subarray(at, at + 2)), 2);
      return 2;
    }
    addGlyph('?', 1);
    return 1;
  }

  function decode(bytes: Uint8Array): string {
    const text = iconv.decode(Buffer.from(bytes), encoding === 'gbk' ? 'gbk' : 'gb18030');
    return [...text].length === 1 ? text : '\ufffd';
  }

  function escape(sub: number, b: Uint8Array, at: number): number {
    const available = b.length - at;
    const n = b[at + 2] ?? 0;
    switch (sub) {
      case 0x40: // ESC @
        resetModes();
        return 2;
      case 0x32: // ESC 2 default line spacing
        lineSpacing = DEFAULT_LINE_SPACING_DOTS;
        return 2;
      case 0x76: // ESC v paper status
        hooks.request({ kind: 'paperStatus' });
        return 2;
      case 0x63: // ESC c x n (panel buttons with x = 5, paper sensors with 3/4)
        if (available < 4) return NEED_MORE;
        if (n === 0x35) feedButtonDisabled = ((b[at + 3] ?? 0) & 1) === 1;
        return 4;
      case 0x70: // ESC p m t1 t2 drawer kick
        return available < 5 ? NEED_MORE : 5;
      case 0x2a: {
        // ESC * m nL nH d…: bit image, consumed so its bytes are not printed as text
        if (available < 5) return NEED_MORE;
        const columns = (b[at + 3] ?? 0) + 256 * (b[at + 4] ?? 0);
        const total = 5 + columns * (n === 32 || n === 33 ? 3 : 1);
        return available < total ? NEED_MORE : total;
      }
    }
    if (available < 3) return NEED_MORE;
    switch (sub) {
      case 0x61: // ESC a n
        align = ALIGNS[n % 48] ?? align;
        break;
      case 0x45: // ESC E n
        bold = (n & 1) === 1;
        break;
      case 0x21: // ESC ! n: bit3 emphasised, bit4 double height, bit5 double width
        bold = (n & 0x08) !== 0;
        height = n & 0x10 ? 2 : 1;
        width = n & 0x20 ? 2 : 1;
        break;
      case 0x64: // ESC d n
        feedLines(n);
        break;
      case 0x4a: // ESC J n dots
        flushLine();
        if (n > 0) putRow({ kind: 'feed', dots: n });
        break;
      case 0x33: // ESC 3 n line spacing
        lineSpacing = n;
        break;
      // ESC M font, ESC - underline, ESC t code page, ESC G, ESC {, ESC V, ESC SP: one parameter
    }
    return 3;
  }

  function groupSeparator(sub: number, b: Uint8Array, at: number): number {
    const available = b.length - at;
    const p = (offset: number) => b[at + offset] ?? 0;
    switch (sub) {
      case 0x28: {
        // GS ( x pL pH …
        if (available < 5) return NEED_MORE;
        const total = 5 + p(3) + 256 * p(4);
        if (total > MAX_COMMAND_BYTES) return 5;
        if (available < total) return NEED_MORE;
        if (p(2) === 0x6b) qrFunction(b.subarray(at + 5, at + total));
        return total;
      }
      case 0x6b:
        return barcodeCommand(b, at);
      case 0x76: {
        // GS v 0 m xL xH yL yH d…: raster image (consumed; drawn as a grey block)
        if (available < 8) return NEED_MORE;
        const bytesWide = p(4) + 256 * p(5);
        const dotsHigh = p(6) + 256 * p(7);
        const total = 8 + bytesWide * dotsHigh;
        if (total > MAX_COMMAND_BYTES) return 8;
        if (available < total) return NEED_MORE;
        flushLine();
        putRow({ kind: 'image', widthDots: bytesWide * 8, heightDots: dotsHigh, align });
        return total;
      }
      case 0x4c: // GS L nL nH left margin
      case 0x57: // GS W nL nH print area width
        return available < 4 ? NEED_MORE : 4;
    }
    if (available < 3) return NEED_MORE;
    const n = p(2);
    switch (sub) {
      case 0x21: // GS ! n: high nibble width − 1, low nibble height − 1
        width = Math.min(8, (n >> 4) + 1);
        height = Math.min(8, (n & 0x0f) + 1);
        return 3;
      case 0x56: {
        // GS V m [n]: m 65/66 carry a feed amount
        if ((n === 0x41 || n === 0x42) && available < 4) return NEED_MORE;
        cut();
        return n === 0x41 || n === 0x42 ? 4 : 3;
      }
      case 0x68:
        barcode.height = Math.max(1, n);
        return 3;
      case 0x77:
        if (n >= 1 && n <= 6) barcode.moduleWidth = n;
        return 3;
      case 0x48:
        barcode.hri = n % 48;
        return 3;
      case 0x49:
        hooks.request({ kind: 'identity', n });
        return 3;
      case 0x72:
        hooks.request({ kind: 'paperSensor', n });
        return 3;
    }
    // GS B, GS f, GS a, GS b …: one parameter
    return 3;
  }

  function qrFunction(body: Uint8Array) {
    // body: cn fn parameters (§2.4); only cn = 49 (QR) is interpreted.
    if (body[0] !== 0x31) return;
    const fn = body[1];
    if (fn === 0x43) qr.moduleSize = Math.max(1, Math.min(16, body[2] ?? 3));
    else if (fn === 0x50) qr.data = body.slice(3);
    else if (fn === 0x51 && qr.data.length > 0) {
      flushLine();
      putRow({ kind: 'qr', data: new TextDecoder().decode(qr.data), moduleSize: qr.moduleSize, align });
    }
  }

  function barcodeCommand(b: Uint8Array, at: number): number {
    const available = b.length - at;
    if (available < 3) return NEED_MORE;
    const m = b[at + 2] ?? 0;
    if (m <= 6) {
      // Function A: NUL-terminated data. Consumed, not drawn (our receipts use CODE128 only).
      // The NUL is looked for only where it may be: past the longest data the printer takes,
      // the command is not one and its header is skipped. Searching the whole buffer instead
      // made the outcome depend on how the bytes happened to be chunked.
      const end = Math.min(b.length, at + 3 + FUNCTION_A_MAX_DATA + 1);
      for (let i = at + 3; i < end; i++) if (b[i] === 0) return i - at + 1;
      return available >= 3 + FUNCTION_A_MAX_DATA + 1 ? 3 : NEED_MORE;
    }
    if (available < 4) return NEED_MORE;
    const length = b[at + 3] ?? 0;
    if (available < 4 + length) return NEED_MORE;
    if (m === 73) {
      const decoded = decodeCode128(b.subarray(at + 4, at + 4 + length));
      const runs = decoded ? code128Runs(decoded.values) : [];
      const dotsWide = runs.reduce((sum, run) => sum + run, 0) * barcode.moduleWidth;
      // The printer ignores a barcode that does not fit the print area or has invalid data.
      if (decoded && dotsWide <= paperDots) {
        flushLine();
        putRow({
          kind: 'barcode',
          symbology: 'CODE128',
          text: decoded.text,
          runs,
          moduleWidth: barcode.moduleWidth,
          heightDots: barcode.height,
          hriAbove: barcode.hri === 1 || barcode.hri === 3,
          hriBelow: barcode.hri === 2 || barcode.hri === 3,
          align,
        });
      }
    }
    return 4 + length;
  }

  return {
    feed(chunk) {
      if (buffer.length === 0) buffer = chunk.slice();
      else {
        const joined = new Uint8Array(buffer.length + chunk.length);
        joined.set(buffer);
        joined.set(chunk, buffer.length);
        buffer = joined;
      }
      let at = 0;
      while (at < buffer.length) {
        const used = step(buffer, at);
        if (used === NEED_MORE) break;
        at += used;
      }
      buffer = buffer.slice(at);
      if (buffer.length > MAX_COMMAND_BYTES) buffer = buffer.slice(1); // never reached by valid commands
    },
    get modes() {
      return { chineseMode, feedButtonDisabled, align, bold, width, height };
    },
    get rows() {
      return rows;
    },
  };
}

/**
 * Epson CODE128 data (`{A`/`{B`/`{C` selectors, `{S` shift, `{1` FNC1, `{{` a literal brace; set
 * C data bytes are values 0–99) → symbol values with start character, and the HRI text.
 */
export function decodeCode128(data: Uint8Array): { values: number[]; text: string } | null {
  if (data[0] !== 0x7b) return null;
  let set: 'A' | 'B' | 'C';
  const first = data[1];
  if (first === 0x41) set = 'A';
  else if (first === 0x42) set = 'B';
  else if (first === 0x43) set = 'C';
  else return null;
  const values: number[] = [CODE128_START[set]];
  let text = '';
  for (let i = 2; i < data.length; i++) {
    const byte = data[i] ?? 0;
    if (byte === 0x7b && set !== 'C') {
      const next = data[i + 1];
      i += 1;
      if (next === 0x7b) {
        values.push(0x7b - 32); // a literal '{' (set B; in set A it is not encodable)
        if (set === 'A') return null;
        text += '{';
      } else if (next === 0x41 || next === 0x42 || next === 0x43) {
        set = next === 0x41 ? 'A' : next === 0x42 ? 'B' : 'C';
        values.push(CODE128_CODE[set]);
      } else if (next === 0x53) values.push(CODE128_SHIFT);
      else if (next === 0x31) values.push(CODE128_FNC1);
      else return null;
      continue;
    }
    if (byte === 0x7b && set === 'C') {
      const next = data[i + 1];
      i += 1;
      if (next === 0x41 || next === 0x42) {
        set = next === 0x41 ? 'A' : 'B';
        values.push(next === 0x41 ? 101 : 100);
      } else if (next === 0x31) values.push(CODE128_FNC1);
      else return null;
      continue;
    }
    if (set === 'C') {
      if (byte > 99) return null;
      values.push(byte);
      text += byte.toString().padStart(2, '0');
    } else if (set === 'B') {
      if (byte < 0x20 || byte > 0x7f) return null;
      values.push(byte - 32);
      text += String.fromCharCode(byte);
    } else {
      if (byte > 0x5f) return null;
      values.push(byte < 0x20 ? byte + 64 : byte - 32);
      text += byte < 0x20 ? ' ' : String.fromCharCode(byte);
    }
  }
  return values.length > 1 ? { values, text } : null;
}
