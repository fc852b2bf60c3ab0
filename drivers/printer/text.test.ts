import { describe, expect, it } from 'vitest';
import { charsText, columnWidth, columnsAtSize, encodeText, paperColumns, printerChars, wrapText } from './text';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const wrap = (text: string, columns: number) => wrapText(text, columns, 'gb18030').map(charsText);

describe('printer text', () => {
  it('encodes Chinese as GB18030 / GBK double-byte codes', () => {
    expect(hex(encodeText('便民A', 'gb18030'))).toBe('b1e3c3f141');
    expect(hex(encodeText('便民A', 'gbk'))).toBe('b1e3c3f141');
  });

  it('maps ¥ U+00A5 to ￥ U+FFE5 (A3 A4) in both encodings', () => {
    expect(hex(encodeText('¥5', 'gb18030'))).toBe('a3a435');
    expect(hex(encodeText('¥5', 'gbk'))).toBe('a3a435');
  });

  it('keeps characters outside GBK on GB18030 (four bytes) and turns them into ? on GBK', () => {
    expect(hex(encodeText('𠮷', 'gb18030'))).toBe('9534b235');
    expect(hex(encodeText('吉𠮷㐀', 'gbk'))).toBe('bcaa3f3f');
    // iconv-lite puts € at 0x80 in GBK, a lead-byte position for a printer in Chinese mode.
    expect(hex(encodeText('€', 'gbk'))).toBe('3f');
    expect(hex(encodeText('€', 'gb18030'))).toBe('a2e3');
  });

  it('drops control characters so text cannot inject commands; tabs become spaces', () => {
    expect(hex(encodeText('a\x1b@b\tc\x10\x04\x01', 'gb18030'))).toBe('6140622063');
  });

  it('counts single-byte codes as one column and multi-byte GB codes as two', () => {
    expect(columnWidth('A001')).toBe(4);
    expect(columnWidth('前面等候 3 人')).toBe(13);
    expect(columnWidth('ＡＢ')).toBe(4); // full-width Latin
    expect(columnWidth('é·')).toBe(4); // full-width glyphs on the printer
    expect(columnWidth('𠮷', 'gb18030')).toBe(2);
    expect(columnWidth('𠮷', 'gbk')).toBe(1); // printed as '?'
  });

  it('knows the paper widths and size divisions', () => {
    expect(paperColumns(80)).toBe(48);
    expect(paperColumns(58)).toBe(32);
    expect(columnsAtSize(80, 2)).toBe(24);
    expect(columnsAtSize(80, 3)).toBe(16);
    expect(columnsAtSize(58, 2)).toBe(16);
    expect(columnsAtSize(58, 3)).toBe(10);
  });

  it('wraps Chinese between characters without splitting a double-width character', () => {
    expect(wrap('一二三四五', 4)).toEqual(['一二', '三四', '五']);
    expect(wrap('ab一二三', 5)).toEqual(['ab一', '二三']); // 'ab一二' would be 6
    expect(wrap('a一二', 4)).toEqual(['a一', '二']);
  });

  it('moves a whole Latin word to the next line and drops the space at the break', () => {
    expect(wrap('hello big world', 10)).toEqual(['hello big', 'world']);
    expect(wrap('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrap('请带 ID card', 8)).toEqual(['请带 ID', 'card']);
  });

  it('starts a new line at each newline and keeps empty lines', () => {
    expect(wrap('一\n\n二', 10)).toEqual(['一', '', '二']);
    expect(wrap('', 10)).toEqual(['']);
  });

  it('never returns a line wider than the limit', () => {
    for (const width of [10, 16, 24, 32, 48]) {
      for (const line of wrapText('城乡居民基本养老保险 pension insurance 参保登记 registration', width, 'gb18030')) {
        expect(line.reduce((sum, c) => sum + c.columns, 0)).toBeLessThanOrEqual(width);
      }
    }
    expect(printerChars('\u0085x', 'gb18030').map((c) => c.char)).toEqual(['x']);
  });
});
