import type { RgbaImage } from './image/raster';

/** Turns an upright page into JPEG bytes; injected so tests run without a real canvas encoder. */
export type JpegEncoder = (page: RgbaImage) => Promise<Uint8Array>;

/** Quality 0.85: text stays crisp, an A4 page at 150 dpi is ~200–400 kB. */
const JPEG_QUALITY = 0.85;

/** The browser's encoder: a canvas the size of the page, `toBlob('image/jpeg', 0.85)`. */
export const encodeJpegWithCanvas: JpegEncoder = async (page) => {
  const canvas = document.createElement('canvas');
  canvas.width = page.width;
  canvas.height = page.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('encodeJpeg: no 2D canvas context');
  context.putImageData(new ImageData(new Uint8ClampedArray(page.data), page.width, page.height), 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  // Release the pixel buffer now: the page is personal data (docs/reliability.md §3).
  canvas.width = 0;
  canvas.height = 0;
  if (!blob) throw new Error('encodeJpeg: the canvas produced no JPEG');
  return new Uint8Array(await blob.arrayBuffer());
};
