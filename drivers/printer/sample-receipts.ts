import type { ReceiptDocument } from './receipt-document';

/**
 * A typical queue ticket (docs/design-anchors.md §3: number, service, people ahead, estimated wait,
 * time, QR for progress). Used by tests, the benchmark and emulator demos.
 */
export function sampleQueueTicket(id = 'ticket-2025-0001'): ReceiptDocument {
  return {
    id,
    blocks: [
      { kind: 'text', text: '安丘市凌河街道便民服务中心', align: 'center', bold: true },
      { kind: 'text', text: 'A017', align: 'center', size: 3 },
      { kind: 'text', text: '社会保障 · 养老保险', align: 'center' },
      { kind: 'divider' },
      { kind: 'pair', label: '前面等候', value: '3 人' },
      { kind: 'pair', label: '预计等待', value: '约 12 分钟' },
      { kind: 'pair', label: '取号时间', value: '2025-03-01 09:41' },
      { kind: 'qr', data: 'https://zwfw.example.gov.cn/t/A017', caption: '扫码查看叫号进度' },
      { kind: 'barcode128', data: '2503010170' },
      { kind: 'text', text: '过号请重新取号，费用 ¥0.00' },
    ],
  };
}
