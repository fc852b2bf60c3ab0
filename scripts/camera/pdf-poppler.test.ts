import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPage } from '../../renderer/src/camera/image/assess-frame';
import { detectPage } from '../../renderer/src/camera/image/detect-page';
import { toGray } from '../../renderer/src/camera/image/raster';
import { buildPdf } from '../../renderer/src/camera/pdf';
import { paintScene } from '../../renderer/src/camera/testing/synthetic-document';

/** poppler-utils is on development machines, not in CI: only the poppler checks are skipped there. */
function has(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('PDF writer output, read by poppler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'camera-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Two real pages: synthetic frames → detected → cropped upright → JPEG (the same quality as the kiosk).
  const pages = [-5, 7].map((angleDeg) => {
    const scene = paintScene({ width: 1280, height: 720, angleDeg, noise: 4, seed: 30 + angleDeg });
    const detection = detectPage(toGray(scene.image));
    if (!detection.found) throw new Error('synthetic page not found');
    const page = extractPage(scene.image, detection.corners);
    const canvas = createCanvas(page.width, page.height);
    const context = canvas.getContext('2d');
    const imageData = context.createImageData(page.width, page.height);
    imageData.data.set(page.data);
    context.putImageData(imageData, 0, 0);
    return { jpeg: new Uint8Array(canvas.encodeSync('jpeg', 85)), width: page.width, height: page.height };
  });
  const path = join(dir, 'material.pdf');
  writeFileSync(path, buildPdf(pages));

  it.skipIf(!has('pdfinfo'))('pdfinfo reads it without complaint: 2 A4 pages, PDF 1.4', () => {
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toMatch(/^PDF version:\s+1\.4$/m);
    // pdfinfo warns on stderr about a broken xref; execFileSync would still succeed, so check it too.
    const stderr = execFileSync('sh', ['-c', `pdfinfo "${path}" 2>&1 >/dev/null`], { encoding: 'utf8' });
    expect(stderr).toBe('');
  });

  it.skipIf(!has('pdftoppm'))(
    'pdftoppm renders page 1 with paper at the corners (cropped) and the red title bar on top',
    () => {
      const out = join(dir, 'render');
      mkdirSync(out, { recursive: true });
      execFileSync('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', '-png', path, join(out, 'page')]);
      const artifacts = join(process.cwd(), 'test-artifacts', 'screenshots');
      mkdirSync(artifacts, { recursive: true });
      execFileSync('pdftoppm', [
        '-r',
        '50',
        '-f',
        '1',
        '-l',
        '1',
        '-png',
        '-singlefile',
        path,
        join(artifacts, 'camera-pdf-page1'),
      ]);
      const ppm = execFileSync('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', '-singlefile', path]);
      const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 30).toString('latin1'));
      if (!header) throw new Error('no PPM header');
      const [width, height] = [Number(header[1]), Number(header[2])];
      const pixels = ppm.subarray(header[0].length);
      const rgb = (fx: number, fy: number) => {
        const o = (Math.floor(fy * height) * width + Math.floor(fx * width)) * 3;
        return [pixels[o]!, pixels[o + 1]!, pixels[o + 2]!] as const;
      };
      for (const [fx, fy] of [
        [0.03, 0.03],
        [0.97, 0.03],
        [0.97, 0.97],
        [0.03, 0.97],
      ] as const) {
        expect(Math.min(...rgb(fx, fy))).toBeGreaterThan(200);
      }
      const [r, g] = rgb(0.5, 0.085);
      expect(r - g).toBeGreaterThan(60);
    },
  );
});
