import type { Quad } from '../image/homography';
import type { RgbaImage } from '../image/raster';

/**
 * Paints what a document camera sees: a white A4 page (title bar, lines of "text", a table) on a
 * wood-coloured desk, optionally turned, shifted, blurred, darkened and noisy. Used by the unit
 * tests and by the emulator's fake video (scripts/camera), so both exercise the same scene.
 */
export interface SceneOptions {
  readonly width: number;
  readonly height: number;
  /** Page centre in frame pixels; default the frame centre. */
  readonly center?: { x: number; y: number };
  /** Page width in pixels (height follows A4); default 42 % of the frame's height × √2⁻¹… see below. */
  readonly pageWidth?: number;
  /** Clockwise turn of the page in degrees. */
  readonly angleDeg?: number;
  /** Box-blur radius in pixels, applied three times (≈ Gaussian): a page out of focus. */
  readonly blurRadius?: number;
  /** Uniform noise amplitude (±) per channel, like a webcam sensor's. */
  readonly noise?: number;
  /** Multiplies every colour: 1 = normal light, 0.2 = the lamp is off. */
  readonly light?: number;
  /** No page at all: the empty desk. */
  readonly emptyDesk?: boolean;
  readonly seed?: number;
}

export interface Scene {
  readonly image: RgbaImage;
  /** The page's true corners, clockwise from top-left (meaningless for an empty desk). */
  readonly corners: Quad;
}

const A4 = 297 / 210;
const DESK: readonly [number, number, number] = [150, 104, 62];
const PAPER: readonly [number, number, number] = [246, 245, 240];
const INK: readonly [number, number, number] = [40, 40, 48];
const TITLE: readonly [number, number, number] = [150, 30, 30];
const SUBSAMPLES = [
  [0.25, 0.25],
  [0.75, 0.25],
  [0.25, 0.75],
  [0.75, 0.75],
] as const;

export function paintScene(options: SceneOptions): Scene {
  const { width, height } = options;
  const center = options.center ?? { x: width / 2, y: height / 2 };
  const pageWidth = options.pageWidth ?? Math.round((height * 0.8) / A4);
  const pageHeight = pageWidth * A4;
  const angle = ((options.angleDeg ?? 0) * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const toFrame = (u: number, v: number) => ({
    x: center.x + (u - pageWidth / 2) * cos - (v - pageHeight / 2) * sin,
    y: center.y + (u - pageWidth / 2) * sin + (v - pageHeight / 2) * cos,
  });
  const corners: Quad = [toFrame(0, 0), toFrame(pageWidth, 0), toFrame(pageWidth, pageHeight), toFrame(0, pageHeight)];
  const random = mulberry32(options.seed ?? 1);
  const light = options.light ?? 1;
  const noise = options.noise ?? 0;
  const data = new Uint8ClampedArray(width * height * 4);
  const colour: [number, number, number] = [0, 0, 0];
  const inPage = (u: number, v: number) => !options.emptyDesk && u >= 0 && u < pageWidth && v >= 0 && v < pageHeight;
  const paint = (fx: number, fy: number) => {
    const px = fx - center.x;
    const py = fy - center.y;
    const u = px * cos + py * sin + pageWidth / 2;
    const v = -px * sin + py * cos + pageHeight / 2;
    if (inPage(u, v)) pageColour(u / pageWidth, v / pageHeight, colour);
    else deskColour(fx, fy, colour);
  };
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const px = x + 0.5 - center.x;
      const py = y + 0.5 - center.y;
      const u = px * cos + py * sin + pageWidth / 2;
      const v = -px * sin + py * cos + pageHeight / 2;
      const nearEdge =
        !options.emptyDesk && Math.min(Math.abs(u), Math.abs(u - pageWidth), Math.abs(v), Math.abs(v - pageHeight)) < 1;
      let r = 0;
      let g = 0;
      let b = 0;
      if (nearEdge) {
        // 2×2 supersampling on the page's edge: anti-aliased, as a lens would render it.
        for (const [sx, sy] of SUBSAMPLES) {
          paint(x + sx, y + sy);
          r += colour[0] / 4;
          g += colour[1] / 4;
          b += colour[2] / 4;
        }
      } else {
        paint(x + 0.5, y + 0.5);
        [r, g, b] = colour;
      }
      const o = (y * width + x) * 4;
      data[o] = r * light + (noise === 0 ? 0 : (random() * 2 - 1) * noise);
      data[o + 1] = g * light + (noise === 0 ? 0 : (random() * 2 - 1) * noise);
      data[o + 2] = b * light + (noise === 0 ? 0 : (random() * 2 - 1) * noise);
      data[o + 3] = 255;
    }
  }
  const image: RgbaImage = { width, height, data };
  return { image: options.blurRadius ? boxBlur3(image, options.blurRadius) : image, corners };
}

/** Wood: warm brown with slow grain stripes. */
function deskColour(x: number, y: number, out: [number, number, number]): void {
  const grain = 12 * Math.sin(y / 9 + Math.sin(x / 140) * 3) + 6 * Math.sin(y / 2.7 + x / 400);
  out[0] = DESK[0] + grain;
  out[1] = DESK[1] + grain * 0.7;
  out[2] = DESK[2] + grain * 0.4;
}

/** Page layout in page fractions (u across, v down): margins, a title bar, text lines, a table. */
function pageColour(u: number, v: number, out: [number, number, number]): void {
  const set = (c: readonly [number, number, number]) => {
    out[0] = c[0];
    out[1] = c[1];
    out[2] = c[2];
  };
  set(PAPER);
  if (u < 0.08 || u > 0.92 || v < 0.06 || v > 0.94) return;
  if (v < 0.11) {
    if (u > 0.25 && u < 0.75) set(TITLE);
    return;
  }
  if (v > 0.14 && v < 0.5) {
    // Text lines: 0.024 pitch, 55 % ink, ragged "words" and a short last line per paragraph.
    const line = Math.floor((v - 0.14) / 0.024);
    const inLine = ((v - 0.14) / 0.024) % 1;
    const lineEnd = line % 5 === 4 ? 0.55 : 0.92;
    const word = Math.floor(u * 40 + line * 7) % 9 === 0;
    if (inLine < 0.55 && u < lineEnd && !word) set(INK);
    return;
  }
  if (v > 0.55 && v < 0.88) {
    // Table: 4 columns × 8 rows of thin rules.
    const row = ((v - 0.55) / (0.33 / 8)) % 1;
    const col = ((u - 0.08) / (0.84 / 4)) % 1;
    if (row < 0.08 || col < 0.02 || v > 0.875 || u > 0.915) set(INK);
  }
}

function boxBlur3(image: RgbaImage, radius: number): RgbaImage {
  let data = image.data;
  for (let pass = 0; pass < 3; pass += 1) {
    data = blurAxis(blurAxis(data, image.width, image.height, radius, true), image.width, image.height, radius, false);
  }
  return { width: image.width, height: image.height, data };
}

/** One box-blur pass along rows or columns, with a running sum (edges clamp). */
function blurAxis(
  src: Uint8ClampedArray,
  width: number,
  height: number,
  radius: number,
  horizontal: boolean,
): Uint8ClampedArray {
  const out = new Uint8ClampedArray(src.length);
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const step = (horizontal ? 1 : width) * 4;
  const span = 2 * radius + 1;
  for (let line = 0; line < lines; line += 1) {
    const start = (horizontal ? line * width : line) * 4;
    for (let c = 0; c < 4; c += 1) {
      const at = (k: number) => src[start + Math.min(length - 1, Math.max(0, k)) * step + c]!;
      let sum = 0;
      for (let d = -radius; d <= radius; d += 1) sum += at(d);
      for (let k = 0; k < length; k += 1) {
        out[start + k * step + c] = sum / span;
        sum += at(k + radius + 1) - at(k - radius);
      }
    }
  }
  return out;
}

/** A small seeded PRNG so scenes (and test failures) are reproducible. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
