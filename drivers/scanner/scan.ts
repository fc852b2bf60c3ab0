/**
 * What a QR/barcode scanner (扫码器) hands the kiosk: one decoded text per read, whichever way it
 * is attached (serial CDC-ACM, HID POS, keyboard wedge). The protocol layers turn bytes or reports
 * into these outcomes with pure functions; the device layer only moves bytes and keeps time.
 *
 * ⚠ The text may be anything a resident holds up: a receipt's address, a licence code, someone's
 * payment code. Drivers never log it; the device manager hands it to core's classifier and keeps
 * nothing.
 */

/** Code families as far as the kiosk cares (from the AIM symbology identifier, ISO/IEC 15424). */
export type Symbology = 'qr' | 'dataMatrix' | 'pdf417' | 'code128' | 'code39' | 'eanUpc' | 'other' | 'unknown';

export interface Scan {
  readonly text: string;
  readonly symbology: Symbology;
}

/**
 * Why bytes that arrived were not a scan:
 * - tooLong: more than the configured maximum without an end (a stuck stream or line noise);
 * - undecodable: not valid in the configured encoding (wrong encoding setting, or noise);
 * - controlCharacters: control bytes inside the text (noise, or a scanner set up for another host);
 * - incomplete: a multi-report HID POS scan whose last report never came;
 * - unknownKey: a keyboard-wedge scanner pressed a key that is not a character (F-keys, Esc …);
 * - missingPrefix: a prefix is configured and these bytes did not carry it;
 * - malformedReport: a HID POS report whose byte count does not fit the report.
 */
export type ScanRejection =
  'tooLong' | 'undecodable' | 'controlCharacters' | 'incomplete' | 'unknownKey' | 'missingPrefix' | 'malformedReport';

export type ScanOutcome =
  | { readonly kind: 'scan'; readonly scan: Scan }
  | { readonly kind: 'rejected'; readonly reason: ScanRejection; readonly byteCount: number };

export type ScanEncoding = 'utf-8' | 'gbk';

/** A generous bound: a URL with a case number is under 100 bytes; licence codes a few hundred. */
export const DEFAULT_MAX_SCAN_BYTES = 2048;
/**
 * Scanners send a read's bytes back to back (a few ms apart even at 9600 baud, and a wedge types
 * at its own fixed rate); a gap this long means the read is over.
 */
export const DEFAULT_INTER_CHARACTER_TIMEOUT_MS = 100;

// C0 controls and DEL; TAB is allowed inside (some codes separate fields with it).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/**
 * Bytes → the outcome: decoded strictly (a byte sequence invalid in the encoding is refused, not
 * patched with U+FFFD) and refused when it holds control characters. Empty input is no read.
 */
export function decodeScanBytes(bytes: Uint8Array, encoding: ScanEncoding, symbology: Symbology): ScanOutcome | null {
  if (bytes.length === 0) return null;
  let text: string;
  try {
    // ⚠ Node's (ICU's) "gbk" decoder drops a stray 0xFF even when fatal, so the byte structure is
    // checked first. WHATWG's "gbk" decoder is GB18030's, a superset of what a GBK scanner sends.
    if (encoding === 'gbk' && !isWellFormedGb18030(bytes)) throw new Error('not GB18030');
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { kind: 'rejected', reason: 'undecodable', byteCount: bytes.length };
  }
  if (CONTROL.test(text)) return { kind: 'rejected', reason: 'controlCharacters', byteCount: bytes.length };
  return { kind: 'scan', scan: { text, symbology } };
}

/**
 * The code family from an AIM symbology identifier (`]` + code character + modifier, ISO/IEC
 * 15424), as HID POS reports carry it and as serial scanners send it when set up to.
 */
export function symbologyFromAim(aim: string): Symbology {
  if (aim.length !== 3 || aim[0] !== ']') return 'unknown';
  switch (aim[1]) {
    case 'Q':
      return 'qr';
    case 'd':
      return 'dataMatrix';
    case 'L':
      return 'pdf417';
    case 'C':
      return 'code128';
    case 'A':
      return 'code39';
    case 'E':
      return 'eanUpc';
    default:
      return 'other';
  }
}

/**
 * GB18030 byte structure (GB 18030-2005 §6): one byte 0x00–0x80 (0x80 is € in WHATWG's decoder),
 * two bytes lead 0x81–0xFE + trail 0x40–0x7E / 0x80–0xFE, or four bytes 0x81–0xFE 0x30–0x39
 * 0x81–0xFE 0x30–0x39. 0xFF is never valid.
 */
export function isWellFormedGb18030(bytes: Uint8Array): boolean {
  const inRange = (b: number | undefined, low: number, high: number) => b !== undefined && b >= low && b <= high;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead <= 0x80) {
      i += 1;
      continue;
    }
    if (lead === 0xff) return false;
    const second = bytes[i + 1];
    if (inRange(second, 0x30, 0x39)) {
      if (!inRange(bytes[i + 2], 0x81, 0xfe) || !inRange(bytes[i + 3], 0x30, 0x39)) return false;
      i += 4;
      continue;
    }
    if (!(inRange(second, 0x40, 0x7e) || inRange(second, 0x80, 0xfe))) return false;
    i += 2;
  }
  return true;
}
