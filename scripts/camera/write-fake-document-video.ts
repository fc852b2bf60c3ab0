import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32, paintScene } from '../../renderer/src/camera/testing/synthetic-document';
import type { RgbaImage } from '../../renderer/src/camera/image/raster';

/**
 * The document camera's emulator: a short YUV4MPEG2 clip that Chromium's fake capture device
 * (--use-file-for-fake-video-capture) loops as if a 高拍仪 were looking at a page on a desk.
 * Same painter as the unit tests, so the e2e test sees the scene the detector was tuned on.
 */
export const FAKE_VIDEO = { width: 1280, height: 720, frames: 10, fps: 10 } as const;
/** Bump when the scene changes, so an old cached clip is not reused. */
const FILE_NAME = 'fake-document-v1.y4m';

/** Writes the clip into `dir` once (atomically) and returns its path. */
export function ensureFakeDocumentVideo(dir: string): string {
  const path = join(dir, FILE_NAME);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, fakeDocumentVideo());
  renameSync(partial, path);
  return path;
}

/**
 * YUV4MPEG2 with 4:2:0 chroma ("C420"): a header line, then per frame "FRAME\n", the full-size Y
 * plane and the quarter-size U and V planes. The page is steady (a resident holding still); only
 * the sensor noise changes from frame to frame.
 */
export function fakeDocumentVideo(): Buffer {
  const { width, height, frames, fps } = FAKE_VIDEO;
  const scene = paintScene({ width, height, angleDeg: -4, center: { x: 655, y: 365 }, seed: 11 });
  const planes = toI420(scene.image);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420\n`, 'ascii');
  const frameHeader = Buffer.from('FRAME\n', 'ascii');
  const parts: Buffer[] = [header];
  const random = mulberry32(99);
  for (let f = 0; f < frames; f += 1) {
    const y = Buffer.from(planes.y);
    // Mild luma noise (±3 codes), like a webcam's sensor under the camera's LED lamp.
    for (let i = 0; i < y.length; i += 1) y[i] = Math.max(16, Math.min(235, y[i]! + Math.round((random() - 0.5) * 6)));
    parts.push(frameHeader, y, Buffer.from(planes.u), Buffer.from(planes.v));
  }
  return Buffer.concat(parts);
}

/** RGB → BT.601 limited-range YCbCr (what Chromium assumes for I420 frames), chroma averaged 2×2. */
function toI420(image: RgbaImage): { y: Uint8Array; u: Uint8Array; v: Uint8Array } {
  const { width, height, data } = image;
  const y = new Uint8Array(width * height);
  const u = new Uint8Array((width / 2) * (height / 2));
  const v = new Uint8Array((width / 2) * (height / 2));
  for (let i = 0; i < width * height; i += 1) {
    const [r, g, b] = [data[i * 4]!, data[i * 4 + 1]!, data[i * 4 + 2]!];
    y[i] = Math.round(16 + (65.481 * r + 128.553 * g + 24.966 * b) / 255);
  }
  for (let cy = 0; cy < height / 2; cy += 1) {
    for (let cx = 0; cx < width / 2; cx += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const o = ((cy * 2 + dy) * width + cx * 2 + dx) * 4;
        r += data[o]! / 4;
        g += data[o + 1]! / 4;
        b += data[o + 2]! / 4;
      }
      const c = cy * (width / 2) + cx;
      u[c] = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
      v[c] = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
    }
  }
  return { y, u, v };
}
