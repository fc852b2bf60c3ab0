import { applyHomography, solveHomography, type Quad } from './homography';
import type { GrayImage, RgbaImage } from './raster';

/** A4 is 210 × 297 mm (ISO 216): the page we produce always has these proportions. */
export const A4_RATIO = 297 / 210;

/**
 * Cuts the page out of the frame and makes it upright (deskew + perspective correction): every
 * output pixel is mapped back into the frame by the homography from the output rectangle to the
 * detected quad (corners clockwise from top-left), and sampled bilinearly.
 */
export function warpRgba(source: RgbaImage, corners: Quad, width: number, height: number): RgbaImage {
  const data = new Uint8ClampedArray(width * height * 4);
  warpInto(source.data, source.width, source.height, 4, corners, width, height, data);
  return { width, height, data };
}

export function warpGray(source: GrayImage, corners: Quad, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  warpInto(source.data, source.width, source.height, 1, corners, width, height, data);
  return { width, height, data };
}

/**
 * Output size for a detected quad: A4 proportions, portrait unless the page lies sideways, as
 * wide as the page appears in the frame (no invented detail) but at most `maxWidth`.
 */
export function pageSizeFor(corners: Quad, maxLongSide: number): { width: number; height: number } {
  const [tl, tr, br, bl] = corners;
  const across = Math.max(Math.hypot(tr.x - tl.x, tr.y - tl.y), Math.hypot(br.x - bl.x, br.y - bl.y));
  const down = Math.max(Math.hypot(bl.x - tl.x, bl.y - tl.y), Math.hypot(br.x - tr.x, br.y - tr.y));
  const long = Math.min(maxLongSide, Math.round(Math.max(across * A4_RATIO, down, across, down / A4_RATIO)));
  const short = Math.round(long / A4_RATIO);
  return across > down ? { width: long, height: short } : { width: short, height: long };
}

function warpInto(
  src: ArrayLike<number>,
  srcWidth: number,
  srcHeight: number,
  channels: number,
  corners: Quad,
  width: number,
  height: number,
  out: Uint8Array | Uint8ClampedArray,
): void {
  // Pixel centres: output (0.5, 0.5) is the page's top-left corner region, hence the half-pixel shifts.
  const rect: Quad = [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
  const m = solveHomography(rect, corners);
  if (!m) throw new Error('warp: degenerate page corners');
  const maxX = srcWidth - 1;
  const maxY = srcHeight - 1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const p = applyHomography(m, { x: x + 0.5, y: y + 0.5 });
      const sx = Math.min(maxX, Math.max(0, p.x - 0.5));
      const sy = Math.min(maxY, Math.max(0, p.y - 0.5));
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(maxX, x0 + 1);
      const y1 = Math.min(maxY, y0 + 1);
      const fx = sx - x0;
      const fy = sy - y0;
      const o = (y * width + x) * channels;
      for (let c = 0; c < channels; c += 1) {
        const a = src[(y0 * srcWidth + x0) * channels + c]!;
        const b = src[(y0 * srcWidth + x1) * channels + c]!;
        const d = src[(y1 * srcWidth + x0) * channels + c]!;
        const e = src[(y1 * srcWidth + x1) * channels + c]!;
        out[o + c] = Math.round((a * (1 - fx) + b * fx) * (1 - fy) + (d * (1 - fx) + e * fx) * fy);
      }
    }
  }
}
