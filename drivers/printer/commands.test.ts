import { describe, expect, it } from 'vitest';
import * as c from './commands';

const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');

describe('ESC/POS commands (docs/devices/printer.md)', () => {
  it.each([
    ['initialize', c.initialize(), '1b 40'],
    ['Chinese mode on (FS &)', c.chineseModeOn(), '1c 26'],
    ['Chinese mode off (FS .)', c.chineseModeOff(), '1c 2e'],
    ['align left', c.align('left'), '1b 61 00'],
    ['align centre', c.align('center'), '1b 61 01'],
    ['align right', c.align('right'), '1b 61 02'],
    ['bold on', c.bold(true), '1b 45 01'],
    ['bold off', c.bold(false), '1b 45 00'],
    ['size 1', c.characterSize(1), '1d 21 00'],
    ['size 2', c.characterSize(2), '1d 21 11'],
    ['size 3', c.characterSize(3), '1d 21 22'],
    ['double width only', c.characterSize(2, 1), '1d 21 10'],
    ['double height only', c.characterSize(1, 2), '1d 21 01'],
    ['line feed', c.lineFeed(), '0a'],
    ['feed 3 lines', c.feedLines(3), '1b 64 03'],
    ['feed and partial cut', c.feedAndPartialCut(0), '1d 56 42 00'],
    ['feed 5 and partial cut', c.feedAndPartialCut(5), '1d 56 42 05'],
    ['disable FEED button', c.disableFeedButton(), '1b 63 35 01'],
    ['DLE EOT 1', c.statusRequest(1), '10 04 01'],
    ['DLE EOT 4', c.statusRequest(4), '10 04 04'],
    ['GS I 1', c.identityRequest(1), '1d 49 01'],
    ['QR model 2', c.qrModel2(), '1d 28 6b 04 00 31 41 32 00'],
    ['QR module size 6', c.qrModuleSize(6), '1d 28 6b 03 00 31 43 06'],
    ['QR error level M', c.qrErrorLevelM(), '1d 28 6b 03 00 31 45 31'],
    ['QR print', c.qrPrint(), '1d 28 6b 03 00 31 51 30'],
    ['barcode height 80', c.barcodeHeight(80), '1d 68 50'],
    ['barcode module width 2', c.barcodeModuleWidth(2), '1d 77 02'],
    ['HRI below', c.barcodeHriBelow(), '1d 48 02'],
    ['HRI font A', c.barcodeHriFontA(), '1d 66 00'],
  ])('%s', (_name, bytes, expected) => {
    expect(hex(bytes)).toBe(expected);
  });

  it('stores QR data with pL pH = k + 3, UTF-8 encoded', () => {
    expect(hex(c.qrStore(Uint8Array.of(0x41, 0x42)))).toBe('1d 28 6b 05 00 31 50 30 41 42');
    const long = new Uint8Array(300).fill(0x31);
    expect(hex(c.qrStore(long).subarray(0, 8))).toBe('1d 28 6b 2f 01 31 50 30'); // 303 = 0x012f
    const full = c.qrCode('站', 4);
    expect(hex(full)).toBe(
      '1d 28 6b 04 00 31 41 32 00 1d 28 6b 03 00 31 43 04 1d 28 6b 03 00 31 45 31 ' +
        '1d 28 6b 06 00 31 50 30 e7 ab 99 1d 28 6b 03 00 31 51 30',
    );
  });

  it('selects CODE128 set C for even digit strings (one byte 0–99 per pair) and set B otherwise', () => {
    const setC = c.code128Data('123456');
    expect(setC.ok && hex(setC.value)).toBe('7b 43 0c 22 38');
    const setB = c.code128Data('No.1');
    expect(setB.ok && hex(setB.value)).toBe('7b 42 4e 6f 2e 31');
    const odd = c.code128Data('12345');
    expect(odd.ok && hex(odd.value)).toBe('7b 42 31 32 33 34 35');
    const brace = c.code128Data('a{b');
    expect(brace.ok && hex(brace.value)).toBe('7b 42 61 7b 7b 62');
    expect(hex(c.code128(Uint8Array.of(0x7b, 0x43, 0x0c)))).toBe('1d 6b 49 03 7b 43 0c');
  });

  it('refuses CODE128 data the symbology cannot carry', () => {
    expect(c.code128Data('')).toEqual({ ok: false, error: 'empty' });
    expect(c.code128Data('取号A1')).toEqual({ ok: false, error: 'unsupportedCharacter' });
    expect(c.code128Data('x'.repeat(254))).toEqual({ ok: false, error: 'tooLong' });
  });

  it('throws on out-of-range parameters (a caller bug)', () => {
    expect(() => c.qrModuleSize(9)).toThrow(RangeError);
    expect(() => c.characterSize(0)).toThrow(RangeError);
    expect(() => c.feedLines(256)).toThrow(RangeError);
    expect(() => c.barcodeModuleWidth(1)).toThrow(RangeError);
    expect(() => c.qrStore(new Uint8Array(0))).toThrow(RangeError);
  });
});
