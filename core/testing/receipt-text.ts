import type { ReceiptDocument } from '../../drivers/printer/receipt-document';

/** Receipt text as one string per document, for asserting what a resident reads on paper. */
export function receiptText(document: ReceiptDocument): string {
  return document.blocks
    .map((block) => {
      switch (block.kind) {
        case 'text':
          return block.text;
        case 'pair':
          return `${block.label} ${block.value}`;
        case 'qr':
          return block.caption ?? '';
        case 'barcode128':
          return block.data;
        default:
          return '';
      }
    })
    .join('\n');
}
