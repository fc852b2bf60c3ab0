import { describe, expect, it } from 'vitest';
import { createEscPosInterpreter } from './emulator/interpreter';
import { paperText } from './emulator/paper';
import { encodeReceipt } from './encode-receipt';
import { receiptPreviewText, withReprintMarker } from './layout';
import type { ReceiptDocument } from './receipt-document';
import { sampleQueueTicket } from './sample-receipts';
import type { PrinterEncoding } from './text';

const hex = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');

/** Reads the bytes back through the emulator's interpreter (on a printer with `printerEncoding`). */
function printedText(bytes: Uint8Array, printerEncoding: PrinterEncoding = 'gb18030'): string {
  let text = '';
  const interpreter = createEscPosInterpreter({
    paperDots: 576,
    encoding: printerEncoding,
    hooks: {
      request: () => undefined,
      canPrint: () => true,
      rowPrinted: () => undefined,
      cut: (rows) => (text = paperText(rows, 576)),
    },
  });
  interpreter.feed(bytes);
  return text;
}

const queueTicket = sampleQueueTicket();

describe('encodeReceipt', () => {
  it('frames a job: init, Chinese mode, FEED disabled … trailing feed, partial cut (byte-exact)', () => {
    const bytes = encodeReceipt(
      { id: 'x', blocks: [{ kind: 'text', text: '便民A', align: 'center', bold: true, size: 2 }] },
      {
        paperWidthMm: 80,
        encoding: 'gb18030',
      },
    );
    expect(hex(bytes)).toBe(
      [
        '1b 40', // ESC @
        '1c 26', // FS &
        '1b 63 35 01', // FEED button off
        '1b 61 01 1b 45 01 1d 21 11', // centre, bold, size 2
        'b1 e3 c3 f1 41 0a', // 便民A LF
        '1d 21 00 1b 45 00', // size 1, bold off
        '1b 61 00 1b 64 03 1d 56 42 00', // left, feed 3, feed-and-partial-cut
      ].join(' '),
    );
  });

  it('encodes a full queue ticket deterministically (snapshot)', () => {
    const bytes = encodeReceipt(queueTicket, { paperWidthMm: 80, encoding: 'gb18030' });
    expect(hex(encodeReceipt(queueTicket, { paperWidthMm: 80, encoding: 'gb18030' }))).toBe(hex(bytes));
    const lines: string[] = [];
    for (let i = 0; i < bytes.length; i += 32) lines.push(hex(bytes.subarray(i, i + 32)));
    expect(lines.join('\n')).toMatchSnapshot();
  });

  it('reads back as the preview text, Chinese, QR and barcode included', () => {
    const bytes = encodeReceipt(queueTicket, { paperWidthMm: 80, encoding: 'gb18030' });
    const text = printedText(bytes);
    expect(text).toBe(receiptPreviewText(queueTicket, { paperWidthMm: 80, encoding: 'gb18030' }));
    expect(text.split('\n')[0]).toBe(' '.repeat(11) + '安丘市凌河街道便民服务中心');
    expect(text).toContain('前面等候                                    3 人');
    expect(text).toContain('[QR: https://zwfw.example.gov.cn/t/A017]');
    expect(text).toContain('[CODE128: 2503010170]');
    expect(text).toContain('￥0.00');
  });

  it('stays readable on a GBK-only printer: characters outside GBK become ?', () => {
    const document: ReceiptDocument = { id: 'g', blocks: [{ kind: 'text', text: '申请人 吉𠮷 㐀 ¥5 €' }] };
    const gbkBytes = encodeReceipt(document, { paperWidthMm: 58, encoding: 'gbk' });
    expect(printedText(gbkBytes, 'gbk')).toBe('申请人 吉? ? ￥5 ?');
    // The same receipt encoded for GB18030 would print garbage on that printer.
    const gb18030Bytes = encodeReceipt(document, { paperWidthMm: 58, encoding: 'gb18030' });
    expect(printedText(gb18030Bytes, 'gbk')).toContain('\ufffd');
    expect(printedText(gb18030Bytes, 'gb18030')).toBe('申请人 吉𠮷 㐀 ￥5 €');
  });

  it('wraps to 32 columns on 58 mm paper and halves the columns at size 2', () => {
    const document: ReceiptDocument = {
      id: 'w',
      blocks: [
        { kind: 'text', text: '一二三四五六七八九十一二三四五六七八' },
        { kind: 'text', text: '一二三四五六七八九', size: 2 },
      ],
    };
    const text = printedText(encodeReceipt(document, { paperWidthMm: 58, encoding: 'gb18030' }));
    expect(text.split('\n')).toEqual(['一二三四五六七八九十一二三四五六', '七八', '一二三四五六七八', '九']);
  });

  it('starts a reprint with the 补打 REPRINT marker', () => {
    const document: ReceiptDocument = { id: 'r', blocks: [{ kind: 'text', text: '回执' }] };
    const text = printedText(encodeReceipt(withReprintMarker(document), { paperWidthMm: 80, encoding: 'gb18030' }));
    expect(text.split('\n')).toEqual(['            补打 REPRINT', '回执']);
  });

  it('prints barcode data as text when CODE128 cannot carry it', () => {
    const document: ReceiptDocument = {
      id: 'b',
      blocks: [
        { kind: 'barcode128', data: '办件A1' },
        { kind: 'barcode128', data: 'X'.repeat(40) },
      ],
    };
    const text = printedText(encodeReceipt(document, { paperWidthMm: 58, encoding: 'gb18030' }));
    expect(text).not.toContain('[CODE128');
    expect(text).toContain('办件A1');
  });
});
