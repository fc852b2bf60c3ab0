import { describe, expect, it } from 'vitest';
import { paintScene } from '../testing/synthetic-document';
import { assessFrame, BLUR_THRESHOLD, extractPage } from './assess-frame';
import { detectPage } from './detect-page';
import { toGray } from './raster';

const FRAME = { width: 1280, height: 720, noise: 6 } as const;

function cornerError(found: readonly { x: number; y: number }[], truth: readonly { x: number; y: number }[]) {
  return Math.max(...found.map((p, i) => Math.hypot(p.x - truth[i]!.x, p.y - truth[i]!.y)));
}

describe('page detection on synthetic frames', () => {
  it.each([-8, -3, 0, 5, 11])('finds a page turned %d° with every corner within 2 px', (angleDeg) => {
    const scene = paintScene({ ...FRAME, angleDeg, center: { x: 600 + angleDeg * 4, y: 370 }, seed: 7 + angleDeg });
    const detection = detectPage(toGray(scene.image));
    if (!detection.found) throw new Error(`not found: ${detection.reason}`);
    expect(cornerError(detection.corners, scene.corners)).toBeLessThan(2);
    expect(detection.confidence).toBeGreaterThan(0.9);
    expect(detection.areaFraction).toBeGreaterThan(0.2);
  });

  it('calls a page running off the frame edge cut off', () => {
    const scene = paintScene({ ...FRAME, angleDeg: 4, center: { x: 1120, y: 360 } });
    const assessment = assessFrame(scene.image);
    expect(assessment.verdict).toEqual({ ok: false, retake: 'cutOff' });
    expect(assessment.detection).toMatchObject({ found: false, reason: 'cutOff' });
  });

  it('calls a blurred page blurry, and the same page in focus ok', () => {
    const sharp = assessFrame(paintScene({ ...FRAME, angleDeg: 3, seed: 3 }).image);
    const blurred = assessFrame(paintScene({ ...FRAME, angleDeg: 3, seed: 3, blurRadius: 2 }).image);
    expect(sharp.verdict).toEqual({ ok: true });
    expect(blurred.verdict).toEqual({ ok: false, retake: 'blurry' });
    expect(sharp.sharpness).toBeGreaterThan(BLUR_THRESHOLD * 3);
    expect(blurred.sharpness).toBeLessThan(BLUR_THRESHOLD / 2);
  });

  it('finds no page on an empty desk', () => {
    const assessment = assessFrame(paintScene({ ...FRAME, emptyDesk: true, seed: 5 }).image);
    expect(assessment.verdict).toEqual({ ok: false, retake: 'noPage' });
    expect(assessment.detection).toMatchObject({ found: false, reason: 'noneFound' });
  });

  it('rejects a page that fills too little of the frame (held far away)', () => {
    const assessment = assessFrame(paintScene({ ...FRAME, pageWidth: 160, seed: 9 }).image);
    expect(assessment.detection).toMatchObject({ found: false, reason: 'tooSmall' });
    expect(assessment.verdict).toEqual({ ok: false, retake: 'noPage' });
  });

  it('says too dark when the lamp is off', () => {
    const assessment = assessFrame(paintScene({ ...FRAME, angleDeg: 2, light: 0.15 }).image);
    expect(assessment.verdict).toEqual({ ok: false, retake: 'tooDark' });
  });

  it('cuts the page out upright at A4 proportions: the desk is gone and the title bar is on top', () => {
    const scene = paintScene({ ...FRAME, angleDeg: -6, seed: 4 });
    const detection = detectPage(toGray(scene.image));
    if (!detection.found) throw new Error('not found');
    const page = extractPage(scene.image, detection.corners);
    expect(page.height / page.width).toBeCloseTo(297 / 210, 2);
    const pixel = (fx: number, fy: number) => {
      const o = (Math.floor(fy * page.height) * page.width + Math.floor(fx * page.width)) * 4;
      return [page.data[o]!, page.data[o + 1]!, page.data[o + 2]!] as const;
    };
    // Just inside each corner: paper, not wood (deskewed and cropped).
    for (const [fx, fy] of [
      [0.02, 0.02],
      [0.98, 0.02],
      [0.98, 0.98],
      [0.02, 0.98],
    ] as const) {
      expect(Math.min(...pixel(fx, fy))).toBeGreaterThan(200);
    }
    // The red title bar sits top-centre (synthetic-document.ts layout).
    const [r, g] = pixel(0.5, 0.085);
    expect(r - g).toBeGreaterThan(60);
  });
});
