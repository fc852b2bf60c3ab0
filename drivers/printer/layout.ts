import { code128Data } from './commands';
import type { ReceiptAlign, ReceiptDocument } from './receipt-document';
import {
  charsColumns,
  charsText,
  columnsAtSize,
  paperColumns,
  printerChars,
  wrapText,
  type PaperWidthMm,
  type PrinterChar,
  type PrinterEncoding,
} from './text';

export interface ReceiptFormat {
  readonly paperWidthMm: PaperWidthMm;
  readonly encoding: PrinterEncoding;
}

/**
 * A receipt laid out for one paper width: what goes on each printed line. `encodeReceipt` turns
 * it into bytes; `receiptPreviewText` into the text the emulator reads back off the paper.
 */
export type LayoutLine =
  | {
      readonly kind: 'text';
      readonly chars: readonly PrinterChar[];
      readonly align: ReceiptAlign;
      readonly bold: boolean;
      readonly size: 1 | 2 | 3;
    }
  | { readonly kind: 'feed'; readonly lines: number }
  | { readonly kind: 'qr'; readonly data: string; readonly moduleSize: number }
  | { readonly kind: 'barcode128'; readonly data: string; readonly payload: Uint8Array; readonly height: number };

/** Dots of paper width: 576 on 80 mm, 384 on 58 mm (font A is 12 dots wide). */
const dotsWide = (paperWidthMm: PaperWidthMm) => paperColumns(paperWidthMm) * 12;

/** CODE128 modules: 11 per symbol character plus start (11), check (11) and stop (13). */
const code128Modules = (symbols: number) => 11 * symbols + 35;

/** Byte-mode capacity of a version 40 symbol at error level M (ISO/IEC 18004 table 7). */
const QR_BYTES_AT_LEVEL_M = 2331;

/** Bars this narrow still scan from thermal paper; 2 is also the smallest width GS w allows. */
const BARCODE_MODULE_DOTS = 2;

/** The line a reprint starts with (b.13: a reprint is an explicit staff decision, marked on paper). */
export const REPRINT_MARKER = '补打 REPRINT';

export function withReprintMarker(document: ReceiptDocument): ReceiptDocument {
  return {
    ...document,
    blocks: [{ kind: 'text', text: REPRINT_MARKER, align: 'center', bold: true, size: 2 }, ...document.blocks],
  };
}

export function layoutReceipt(document: ReceiptDocument, format: ReceiptFormat): LayoutLine[] {
  const { paperWidthMm, encoding } = format;
  const columns = paperColumns(paperWidthMm);
  const lines: LayoutLine[] = [];
  const text = (chars: readonly PrinterChar[], align: ReceiptAlign, bold: boolean, size: 1 | 2 | 3 = 1) =>
    lines.push({ kind: 'text', chars, align, bold, size });

  for (const block of document.blocks) {
    switch (block.kind) {
      case 'text': {
        const size = block.size ?? 1;
        for (const line of wrapText(block.text, columnsAtSize(paperWidthMm, size), encoding)) {
          text(line, block.align ?? 'left', block.bold ?? false, size);
        }
        break;
      }
      case 'pair': {
        const label = printerChars(block.label, encoding);
        const value = printerChars(block.value, encoding);
        const gap = columns - charsColumns(label) - charsColumns(value);
        if (gap >= 1 && !block.label.includes('\n') && !block.value.includes('\n')) {
          text([...label, ...spaces(gap), ...value], 'left', block.bold ?? false);
        } else {
          // Too long for one line: the label wraps on the left, the value on the right below it.
          for (const line of wrapText(block.label, columns, encoding)) text(line, 'left', block.bold ?? false);
          for (const line of wrapText(block.value, columns, encoding)) text(line, 'right', block.bold ?? false);
        }
        break;
      }
      case 'divider':
        text(printerChars('-'.repeat(columns), encoding), 'left', false);
        break;
      case 'qr': {
        const moduleSize = clampInt(block.moduleSize ?? (paperWidthMm === 80 ? 6 : 4), 1, 8);
        const length = new TextEncoder().encode(block.data).length;
        if (length > 0 && length <= QR_BYTES_AT_LEVEL_M) lines.push({ kind: 'qr', data: block.data, moduleSize });
        else if (length > 0) for (const line of wrapText(block.data, columns, encoding)) text(line, 'left', false);
        if (block.caption !== undefined) {
          for (const line of wrapText(block.caption, columns, encoding)) text(line, 'center', false);
        }
        break;
      }
      case 'barcode128': {
        const payload = code128Data(block.data);
        const symbols = payload.ok ? symbolCount(payload.value) : 0;
        if (payload.ok && code128Modules(symbols) * BARCODE_MODULE_DOTS <= dotsWide(paperWidthMm)) {
          lines.push({
            kind: 'barcode128',
            data: block.data,
            payload: payload.value,
            height: clampInt(block.height ?? 80, 24, 255),
          });
        } else {
          // Not encodable as CODE128 or wider than the paper: the printer would silently skip it,
          // so print the data as text and keep the receipt usable by hand.
          for (const line of wrapText(block.data, columns, encoding)) text(line, 'center', false);
        }
        break;
      }
      case 'feed':
        lines.push({ kind: 'feed', lines: clampInt(block.lines, 0, 255) });
        break;
    }
  }
  return lines;
}

/**
 * The receipt as text, the way the emulator reads it off the paper: alignment as leading spaces
 * in font-A columns (a double-width line centred by dots, rounded down), QR codes and barcodes
 * as `[QR: data]` / `[CODE128: data]`, trailing spaces and trailing blank lines removed. Also
 * what a kiosk can show on screen when the printer is down.
 */
export function receiptPreviewText(document: ReceiptDocument, format: ReceiptFormat): string {
  const columns = paperColumns(format.paperWidthMm);
  const out: string[] = [];
  for (const line of layoutReceipt(document, format)) {
    switch (line.kind) {
      case 'text': {
        const used = charsColumns(line.chars) * line.size;
        const pad =
          line.align === 'left' ? 0 : line.align === 'center' ? Math.floor((columns - used) / 2) : columns - used;
        out.push((' '.repeat(Math.max(0, pad)) + charsText(line.chars)).trimEnd());
        break;
      }
      case 'feed':
        for (let i = 0; i < line.lines; i++) out.push('');
        break;
      case 'qr':
        out.push(`[QR: ${line.data}]`);
        break;
      case 'barcode128':
        out.push(`[CODE128: ${line.data}]`);
        break;
    }
  }
  while (out.length > 0 && out.at(-1) === '') out.pop();
  return out.join('\n');
}

function spaces(n: number): PrinterChar[] {
  return Array.from({ length: n }, () => ({ char: ' ', bytes: Uint8Array.of(0x20), columns: 1 as const }));
}

/** Symbol characters in an Epson CODE128 payload: `{x` pairs are set switches (one symbol each, bar the first). */
function symbolCount(payload: Uint8Array): number {
  let symbols = 0;
  for (let i = 2; i < payload.length; i++) {
    if (payload[i] === 0x7b) i += 1;
    symbols += 1;
  }
  return symbols;
}

function clampInt(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(Number.isFinite(value) ? value : min)));
}
