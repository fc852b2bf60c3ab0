import { readFileSync } from 'node:fs';

/**
 * What the X server shows, read from Xvfb's own framebuffer file (`Xvfb -fbdir DIR` keeps screen 0
 * in DIR/Xvfb_screen0 as an XWD image, X11's xwd dump format: a big-endian header, the colour map,
 * then the pixels). It is the screen as a resident would see it, whatever window is on top, and
 * needs nothing from the browser under test.
 */
export interface Screen {
  readonly width: number;
  readonly height: number;
  /** 32-bit pixels, row by row, as Xvfb stores them (BGRX on little-endian machines). */
  pixel(x: number, y: number): number;
}

export function readXvfbScreen(file: string): Screen {
  const data = readFileSync(file);
  const header = (index: number) => data.readUInt32BE(index * 4);
  const headerSize = header(0);
  const width = header(4);
  const height = header(5);
  const bitsPerPixel = header(11);
  const bytesPerLine = header(12);
  const colourCount = header(19);
  if (bitsPerPixel !== 32)
    throw new Error(`Xvfb screen has ${bitsPerPixel} bits per pixel; start it with a 24-bit depth`);
  // Each XWD colour map entry is 12 bytes.
  const pixelsAt = headerSize + colourCount * 12;
  return {
    width,
    height,
    pixel: (x, y) => data.readUInt32LE(pixelsAt + y * bytesPerLine + x * 4) & 0xffffff,
  };
}

/**
 * The share of pixels that differ between two screens, sampled on a grid every `step` pixels. The
 * clock in the header changes a few hundred pixels a minute; a different screen, an error page or
 * a window on top changes most of them.
 */
export function screenDifference(a: Screen, b: Screen, step = 4): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  let sampled = 0;
  for (let y = 0; y < a.height; y += step) {
    for (let x = 0; x < a.width; x += step) {
      sampled += 1;
      if (a.pixel(x, y) !== b.pixel(x, y)) differing += 1;
    }
  }
  return differing / sampled;
}

/** The screen as a PNG-ready RGBA buffer, for a saved screenshot next to a failure. */
export function screenToRgba(screen: Screen): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(screen.width * screen.height * 4);
  for (let y = 0; y < screen.height; y += 1) {
    for (let x = 0; x < screen.width; x += 1) {
      const value = screen.pixel(x, y);
      const at = (y * screen.width + x) * 4;
      rgba[at] = (value >> 16) & 0xff;
      rgba[at + 1] = (value >> 8) & 0xff;
      rgba[at + 2] = value & 0xff;
      rgba[at + 3] = 0xff;
    }
  }
  return rgba;
}
