import type { ReceiptAlign } from '../receipt-document';

/** What the emulated print head put on paper, row by row, between two cuts. */

export interface Glyph {
  readonly char: string;
  /** Font-A cells at size 1: 1 for a single-byte code, 2 for a GB double-byte code. */
  readonly columns: 1 | 2;
  /** GS ! / ESC ! multipliers. */
  readonly width: number;
  readonly height: number;
  readonly bold: boolean;
}

export type PaperRow =
  | {
      readonly kind: 'text';
      readonly glyphs: readonly Glyph[];
      readonly align: ReceiptAlign;
      readonly heightDots: number;
    }
  | { readonly kind: 'feed'; readonly dots: number }
  | { readonly kind: 'qr'; readonly data: string; readonly moduleSize: number; readonly align: ReceiptAlign }
  | {
      readonly kind: 'barcode';
      readonly symbology: 'CODE128';
      readonly text: string;
      /** Alternating bar/space widths in modules, starting with a bar. */
      readonly runs: readonly number[];
      readonly moduleWidth: number;
      readonly heightDots: number;
      readonly hriBelow: boolean;
      readonly hriAbove: boolean;
      readonly align: ReceiptAlign;
    }
  | { readonly kind: 'image'; readonly widthDots: number; readonly heightDots: number; readonly align: ReceiptAlign };

/** Font A cell: 12 × 24 dots. */
export const CELL_WIDTH_DOTS = 12;
export const FONT_HEIGHT_DOTS = 24;
/** ESC 2 default line spacing (≈ 1/6 inch at 203 dpi, rounded to what kiosk printers use). */
export const DEFAULT_LINE_SPACING_DOTS = 30;

export const glyphDots = (glyph: Glyph) => glyph.columns * CELL_WIDTH_DOTS * glyph.width;

/** Left edge in dots of something `width` dots wide on `paperDots` paper. */
export function alignedLeft(align: ReceiptAlign, width: number, paperDots: number): number {
  const free = Math.max(0, paperDots - width);
  return align === 'left' ? 0 : align === 'center' ? Math.floor(free / 2) : free;
}

/**
 * The rows as text: one line per text row with its alignment as leading spaces in font-A
 * columns, QR codes and barcodes as placeholders, trailing spaces and blank lines trimmed.
 */
export function paperText(rows: readonly PaperRow[], paperDots: number): string {
  const out: string[] = [];
  for (const row of rows) {
    switch (row.kind) {
      case 'text': {
        const width = row.glyphs.reduce((sum, glyph) => sum + glyphDots(glyph), 0);
        const pad = Math.floor(alignedLeft(row.align, width, paperDots) / CELL_WIDTH_DOTS);
        out.push((' '.repeat(pad) + row.glyphs.map((glyph) => glyph.char).join('')).trimEnd());
        break;
      }
      case 'feed':
        for (let i = 0; i < Math.floor(row.dots / DEFAULT_LINE_SPACING_DOTS); i++) out.push('');
        break;
      case 'qr':
        out.push(`[QR: ${row.data}]`);
        break;
      case 'barcode':
        out.push(`[${row.symbology}: ${row.text}]`);
        break;
      case 'image':
        out.push(`[IMAGE ${row.widthDots}x${row.heightDots}]`);
        break;
    }
  }
  while (out.length > 0 && out.at(-1) === '') out.pop();
  return out.join('\n');
}
