import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import {
  CELL_WIDTH_DOTS,
  DEFAULT_LINE_SPACING_DOTS,
  FONT_HEIGHT_DOTS,
  alignedLeft,
  glyphDots,
  type PaperRow,
} from './paper';

/** The system CJK font (fonts-noto-cjk); its "JP" family carries the Chinese glyphs too. */
const FONT_FAMILY = '"Noto Sans CJK JP"';
/** Space under the bars for human-readable text (one font-A line). */
const HRI_DOTS = DEFAULT_LINE_SPACING_DOTS;

/**
 * Draws the rows one dot per pixel, as a thermal head would: white paper, black dots, font A
 * 12 × 24 cells (double sizes scale the glyph), QR modules from the qrcode package at level M
 * (the same symbol the printer builds from the same data), CODE128 bars from our pattern table.
 */
export function renderPaperPng(rows: readonly PaperRow[], paperDots: number): Uint8Array {
  const height = Math.max(
    1,
    rows.reduce((sum, row) => sum + rowHeight(row), 0),
  );
  const canvas = createCanvas(paperDots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, paperDots, height);
  ctx.fillStyle = '#000000';
  let top = 0;
  for (const row of rows) {
    drawRow(ctx, row, top, paperDots);
    top += rowHeight(row);
  }
  return new Uint8Array(canvas.toBuffer('image/png'));
}

function rowHeight(row: PaperRow): number {
  switch (row.kind) {
    case 'text':
      return row.heightDots;
    case 'feed':
      return row.dots;
    case 'qr':
      return (qrModules(row.data)?.size ?? 21) * row.moduleSize;
    case 'barcode':
      return row.heightDots + (row.hriBelow ? HRI_DOTS : 0) + (row.hriAbove ? HRI_DOTS : 0);
    case 'image':
      return row.heightDots;
  }
}

function drawRow(ctx: SKRSContext2D, row: PaperRow, top: number, paperDots: number): void {
  switch (row.kind) {
    case 'text': {
      const width = row.glyphs.reduce((sum, glyph) => sum + glyphDots(glyph), 0);
      let x = alignedLeft(row.align, width, paperDots);
      for (const glyph of row.glyphs) {
        const cell = glyphDots(glyph);
        const glyphHeight = FONT_HEIGHT_DOTS * glyph.height;
        drawChar(
          ctx,
          glyph.char,
          x,
          top + Math.max(0, row.heightDots - glyphHeight - 4),
          cell,
          glyph.width,
          glyph.height,
          glyph.bold,
        );
        x += cell;
      }
      return;
    }
    case 'feed':
      return;
    case 'qr': {
      const modules = qrModules(row.data);
      if (!modules) return;
      const size = modules.size * row.moduleSize;
      const left = alignedLeft(row.align, size, paperDots);
      for (let r = 0; r < modules.size; r++) {
        for (let c = 0; c < modules.size; c++) {
          if (modules.get(r, c))
            ctx.fillRect(left + c * row.moduleSize, top + r * row.moduleSize, row.moduleSize, row.moduleSize);
        }
      }
      return;
    }
    case 'barcode': {
      const width = row.runs.reduce((sum, run) => sum + run, 0) * row.moduleWidth;
      const left = alignedLeft(row.align, width, paperDots);
      const barsTop = top + (row.hriAbove ? HRI_DOTS : 0);
      let x = left;
      row.runs.forEach((run, index) => {
        if (index % 2 === 0) ctx.fillRect(x, barsTop, run * row.moduleWidth, row.heightDots);
        x += run * row.moduleWidth;
      });
      const drawHri = (hriTop: number) => {
        const textLeft = alignedLeft('center', row.text.length * CELL_WIDTH_DOTS, paperDots);
        [...row.text].forEach((char, i) =>
          drawChar(ctx, char, textLeft + i * CELL_WIDTH_DOTS, hriTop + 3, CELL_WIDTH_DOTS, 1, 1, false),
        );
      };
      if (row.hriAbove) drawHri(top);
      if (row.hriBelow) drawHri(barsTop + row.heightDots);
      return;
    }
    case 'image': {
      // The raster's bits are not kept; a grey block shows where it went.
      ctx.save();
      ctx.fillStyle = '#808080';
      ctx.fillRect(alignedLeft(row.align, row.widthDots, paperDots), top, row.widthDots, row.heightDots);
      ctx.restore();
      return;
    }
  }
}

function drawChar(
  ctx: SKRSContext2D,
  char: string,
  x: number,
  top: number,
  cell: number,
  widthScale: number,
  heightScale: number,
  bold: boolean,
): void {
  if (char === ' ') return;
  ctx.font = `${bold ? 'bold ' : ''}${FONT_HEIGHT_DOTS}px ${FONT_FAMILY}`;
  ctx.textBaseline = 'top';
  const natural = ctx.measureText(char).width * widthScale;
  // Proportional Latin glyphs can be wider than the 12-dot cell: squeeze them into it.
  const squeeze = natural > cell ? cell / natural : 1;
  const offset = natural < cell ? (cell - natural) / 2 : 0;
  ctx.save();
  ctx.translate(x + offset, top);
  ctx.scale(widthScale * squeeze, heightScale);
  ctx.fillText(char, 0, 0);
  ctx.restore();
}

const qrCache = new Map<string, QRCode.BitMatrix | null>();

/** The symbol the printer would draw, or null for data no QR version holds. */
function qrModules(data: string): QRCode.BitMatrix | null {
  const cached = qrCache.get(data);
  if (cached !== undefined) return cached;
  let modules: QRCode.BitMatrix | null;
  try {
    modules = QRCode.create(data, { errorCorrectionLevel: 'M' }).modules;
  } catch {
    modules = null;
  }
  if (qrCache.size > 64) qrCache.clear();
  qrCache.set(data, modules);
  return modules;
}
