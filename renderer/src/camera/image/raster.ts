/**
 * The pixel shapes the image code works on. Plain arrays (the same layout as the DOM's ImageData)
 * so every step is testable in Node without a browser or a canvas.
 */

/** RGBA, 4 bytes per pixel, row-major: structurally compatible with DOM `ImageData`. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** One luminance byte per pixel, row-major. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Luma with the BT.601 weights (the same as a UVC camera's Y plane), in integer arithmetic. */
export function toGray(image: RgbaImage): GrayImage {
  const { width, height, data } = image;
  const gray = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < gray.length; i += 1, p += 4) {
    gray[i] = (77 * (data[p] ?? 0) + 150 * (data[p + 1] ?? 0) + 29 * (data[p + 2] ?? 0)) >> 8;
  }
  return { width, height, data: gray };
}

/**
 * Box-filter downscale by an integer factor so the longer side is at most `maxSide`: analysis
 * on a 1920×1080 frame ten times a second is too slow on a kiosk's Celeron, and the averaging
 * also removes sensor noise before thresholding.
 */
export function downscaleGray(image: GrayImage, maxSide: number): { image: GrayImage; factor: number } {
  const factor = Math.max(1, Math.ceil(Math.max(image.width, image.height) / maxSide));
  if (factor === 1) return { image, factor };
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const out = new Uint8Array(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy += 1) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx += 1) sum += image.data[row + dx] ?? 0;
      }
      out[y * width + x] = Math.round(sum / area);
    }
  }
  return { image: { width, height, data: out }, factor };
}

export function meanOf(image: GrayImage): number {
  let sum = 0;
  for (const value of image.data) sum += value;
  return image.data.length === 0 ? 0 : sum / image.data.length;
}
