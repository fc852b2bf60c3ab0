import { err, ok, type Result } from '../../core/pure/result';
import type { ReceiptAlign } from './receipt-document';

/**
 * ESC/POS byte builders. Every value comes from docs/devices/printer.md (section cited per
 * builder); nothing here knows about receipts or paper widths.
 */

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

const bytes = (...values: number[]) => Uint8Array.from(values);

/** §2 `1B 40`: clears the buffer and all modes. */
export const initialize = () => bytes(ESC, 0x40);

/** §3 `1C 26` (FS &): double-byte GB codes from here on. Sent explicitly after every init. */
export const chineseModeOn = () => bytes(FS, 0x26);

/** §3 `1C 2E` (FS .): every byte single-byte again. */
export const chineseModeOff = () => bytes(FS, 0x2e);

const ALIGN_VALUE: Record<ReceiptAlign, number> = { left: 0, center: 1, right: 2 };

/** §2 `1B 61 n`: 0 left, 1 centre, 2 right; effective at the start of a line. */
export const align = (value: ReceiptAlign) => bytes(ESC, 0x61, ALIGN_VALUE[value]);

/** §2 `1B 45 n`: emphasised (bold), LSB. */
export const bold = (on: boolean) => bytes(ESC, 0x45, on ? 1 : 0);

/**
 * §2 `1D 21 n`: low nibble = height − 1, high nibble = width − 1. Our receipts scale both
 * together (size 2 = 0x11, size 3 = 0x22).
 */
export function characterSize(width: number, height: number = width): Uint8Array {
  checkRange('character width', width, 1, 8);
  checkRange('character height', height, 1, 8);
  return bytes(GS, 0x21, ((width - 1) << 4) | (height - 1));
}

/** §2 `0A`. */
export const lineFeed = () => bytes(LF);

/** §2 `1B 64 n`: prints the buffer and feeds n lines (⚠ standard Epson, not re-checked). */
export function feedLines(n: number): Uint8Array {
  checkRange('feed lines', n, 0, 255);
  return bytes(ESC, 0x64, n);
}

/**
 * §2 `1D 56 42 n` (m = 66): feed to the cutting position plus n motion units, then partial
 * cut. Partial rather than full because many Chinese models support only m = 66.
 */
export function feedAndPartialCut(n = 0): Uint8Array {
  checkRange('cut feed', n, 0, 255);
  return bytes(GS, 0x56, 0x42, n);
}

/** §2 `1B 63 35 n`, LSB 1: the FEED button does nothing, so a passer-by cannot waste the roll. */
export const disableFeedButton = () => bytes(ESC, 0x63, 0x35, 0x01);

export type StatusRequest = 1 | 2 | 3 | 4;

/** §6 `10 04 n`: real-time status, one reply byte per request. */
export const statusRequest = (n: StatusRequest) => bytes(DLE, EOT, n);

/**
 * `1D 49 n` (GS I) n = 1 model ID, 2 type ID, 3 firmware version ID, one byte each.
 * ⚠ unverified: standard Epson, not in docs/devices/printer.md; many Chinese printers do not
 * answer it at all, so callers must tolerate silence.
 */
export type IdentityRequest = 1 | 2 | 3;
export const identityRequest = (n: IdentityRequest) => bytes(GS, 0x49, n);

// --- QR code, §4: GS ( k with cn = 49 (0x31) ---

/** fn 65: model 2 (the default on most printers, sent anyway). */
export const qrModel2 = () => bytes(GS, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00);

/** fn 67: module size in dots. 1–8 only, because some Chinese firmware stops at 8 (§4). */
export function qrModuleSize(dots: number): Uint8Array {
  checkRange('QR module size', dots, 1, 8);
  return bytes(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, dots);
}

/** fn 69: error correction M (0x31, 15 %): survives a smudge without a huge symbol. */
export const qrErrorLevelM = () => bytes(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31);

/** The largest QR payload any of our printers store (HPRT TP80K / Partner RP-330, §4). */
export const QR_MAX_BYTES = 7089;

/** fn 80: store data; pL + pH·256 = k + 3. */
export function qrStore(data: Uint8Array): Uint8Array {
  checkRange('QR data length', data.length, 1, QR_MAX_BYTES);
  const length = data.length + 3;
  return concatBytes([bytes(GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, 0x50, 0x30), data]);
}

/** fn 81: print the stored symbol. */
export const qrPrint = () => bytes(GS, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30);

/** The whole QR sequence: model 2, module size, level M, store, print. Data goes as UTF-8 (§4). */
export function qrCode(data: string, moduleSize: number): Uint8Array {
  return concatBytes([qrModel2(), qrModuleSize(moduleSize), qrErrorLevelM(), qrStore(utf8(data)), qrPrint()]);
}

// --- 1-D barcodes, §5 ---

/** `1D 68 n`: bar height in dots. */
export function barcodeHeight(dots: number): Uint8Array {
  checkRange('barcode height', dots, 1, 255);
  return bytes(GS, 0x68, dots);
}

/** `1D 77 n`: module width, 2–6 dots. */
export function barcodeModuleWidth(dots: number): Uint8Array {
  checkRange('barcode module width', dots, 2, 6);
  return bytes(GS, 0x77, dots);
}

/** `1D 48 02`: human-readable text below the bars. */
export const barcodeHriBelow = () => bytes(GS, 0x48, 0x02);

/** `1D 66 00`: HRI in font A. */
export const barcodeHriFontA = () => bytes(GS, 0x66, 0x00);

export type Code128Problem = 'empty' | 'unsupportedCharacter' | 'tooLong';

/**
 * The data part of `GS k 73 n d1…dn` (function B, m = 73 CODE128, §5). Epson CODE128 data
 * starts with a code-set selector: all-digit data of even length goes as `{C` with one byte
 * 0–99 per digit pair (half the width of `{B`); anything else printable ASCII as `{B`, where a
 * literal `{` must be doubled.
 */
export function code128Data(data: string): Result<Uint8Array, Code128Problem> {
  if (data.length === 0) return err('empty');
  let payload: number[];
  if (/^(?:[0-9]{2})+$/.test(data)) {
    payload = [0x7b, 0x43];
    for (let i = 0; i < data.length; i += 2) payload.push(Number(data.slice(i, i + 2)));
  } else if (/^[\x20-\x7e]+$/.test(data)) {
    payload = [0x7b, 0x42];
    for (const char of data) {
      const code = char.charCodeAt(0);
      payload.push(code);
      if (code === 0x7b) payload.push(0x7b);
    }
  } else {
    return err('unsupportedCharacter');
  }
  if (payload.length > 255) return err('tooLong');
  return ok(Uint8Array.from(payload));
}

/** `1D 6B 49 n d1…dn` with data from `code128Data`. */
export function code128(data: Uint8Array): Uint8Array {
  checkRange('CODE128 data length', data.length, 2, 255);
  return concatBytes([bytes(GS, 0x6b, 0x49, data.length), data]);
}

// --- helpers ---

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A parameter out of range is a bug in the caller (the layout clamps everything it sends). */
function checkRange(what: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be an integer ${min}–${max}, got ${value}`);
  }
}
