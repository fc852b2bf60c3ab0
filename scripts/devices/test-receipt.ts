import type { ReceiptDocument } from '../../drivers/printer';

/** Where the QR code on the test page points: any short, well-known URL a phone can open. */
export const TEST_RECEIPT_URL = 'https://www.gov.cn/';

/**
 * The technician's test page: station-independent, and exercising what receipts need — a double
 * size CJK line, GB18030 text mixing double-width (汉字, 全角) and single-width characters, a
 * printer-native QR code and a CODE128 barcode.
 */
export function testReceipt(now: Date): ReceiptDocument {
  const stamp = formatLocal(now);
  return {
    id: `printer-test-${now.toISOString()}`,
    blocks: [
      // Size 1: at double size the bilingual title would not fit one 58 mm line.
      { kind: 'text', text: '打印机测试页 Printer test', align: 'center', bold: true },
      { kind: 'text', text: '测试 TEST', align: 'center', size: 2 },
      { kind: 'divider' },
      { kind: 'pair', label: '时间 Time', value: stamp },
      { kind: 'text', text: '中文 ABC 123 全角ＡＢＣ１２３ 半角abc — 混合宽度 mixed width' },
      { kind: 'divider' },
      { kind: 'qr', data: TEST_RECEIPT_URL, caption: TEST_RECEIPT_URL },
      { kind: 'barcode128', data: `TEST${stamp.replace(/[^0-9]/g, '').slice(0, 12)}` },
      { kind: 'text', text: '打印正常 Print OK', align: 'center' },
    ],
  };
}

/** "2026-03-01 08:05:09" in the machine's time zone (the station's local time). */
export function formatLocal(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}
