/**
 * What core asks the printer to print: a layout-free description of a receipt, encoded to ESC/POS
 * by `encodeReceipt` for the configured paper width and encoding. Keeping the document separate
 * from the bytes lets the same receipt be shown on screen when the printer is down.
 */
export interface ReceiptDocument {
  /**
   * One print job per id, never printed twice (docs/design-anchors.md §5, duplicate prevention): a
   * queue ticket number, an application's local reference, an inspection id.
   */
  readonly id: string;
  readonly blocks: readonly ReceiptBlock[];
}

export type ReceiptAlign = 'left' | 'center' | 'right';

export type ReceiptBlock =
  /** Wrapped to the paper width; CJK counts as two columns. `size` 2 = double width and height. */
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly align?: ReceiptAlign;
      readonly bold?: boolean;
      readonly size?: 1 | 2 | 3;
    }
  /** A label on the left, a value on the right, e.g. "前面等候 | 3 人". */
  | { readonly kind: 'pair'; readonly label: string; readonly value: string; readonly bold?: boolean }
  /** A full-width rule of '-' characters. */
  | { readonly kind: 'divider' }
  /** Printer-native QR (GS ( k), model 2, centred. Data is sent as UTF-8. */
  | { readonly kind: 'qr'; readonly data: string; readonly moduleSize?: number; readonly caption?: string }
  /** Printer-native CODE128 (GS k 73), centred, human-readable text below. */
  | { readonly kind: 'barcode128'; readonly data: string; readonly height?: number }
  | { readonly kind: 'feed'; readonly lines: number };
