import { detectPage, type PageDetection } from './detect-page';
import type { Quad } from './homography';
import { meanOf, toGray, downscaleGray, type RgbaImage } from './raster';
import { laplacianVariance } from './sharpness';
import { warpGray, warpRgba, pageSizeFor } from './warp';

export type RetakeReason = 'noPage' | 'cutOff' | 'blurry' | 'tooDark';
export type Verdict = { readonly ok: true } | { readonly ok: false; readonly retake: RetakeReason };

export interface FrameAssessment {
  readonly verdict: Verdict;
  readonly detection: PageDetection;
  /** Laplacian variance of the upright page at the analysis size; null when no page was found. */
  readonly sharpness: number | null;
}

/**
 * Calibrated on the synthetic frames (testing/synthetic-document.ts at 1280×720 and 1920×1080,
 * noise ±6, page turned −8°…8°): pages in focus measure 1 770–5 430; the same pages under a
 * 1 px box blur applied three times (σ ≈ 1.4 px, small print starts to smear) measure 88–117,
 * under a 2 px one 18–29. 300 leaves a wide margin on both sides; a real camera's figure has
 * still to be checked on station hardware (the technician's test frame reports it).
 */
export const BLUR_THRESHOLD = 300;
/** Mean brightness of the frame below which the lamp is off or the lid is closed. */
const TOO_DARK_FRAME_MEAN = 45;
/** White paper under normal light reads ≥ 180; a page this dim cannot be read in a scan. */
const TOO_DARK_PAGE_MEAN = 110;
/**
 * Sharpness is measured on the page warped to this long side, so the figure does not depend on
 * the camera's resolution or how much of the frame the page fills.
 */
const SHARPNESS_LONG_SIDE = 877;

/** The capture-quality gate (docs/design-anchors.md §6.3): may this frame become a page? */
export function assessFrame(frame: RgbaImage): FrameAssessment {
  const gray = toGray(frame);
  const detection = detectPage(gray);
  if (meanOf(downscaleGray(gray, 160).image) < TOO_DARK_FRAME_MEAN) {
    return { verdict: { ok: false, retake: 'tooDark' }, detection, sharpness: null };
  }
  if (!detection.found) {
    const retake = detection.reason === 'cutOff' ? 'cutOff' : 'noPage';
    return { verdict: { ok: false, retake }, detection, sharpness: null };
  }
  const size = pageSizeFor(detection.corners, SHARPNESS_LONG_SIDE);
  const page = warpGray(gray, detection.corners, size.width, size.height);
  if (meanOf(page) < TOO_DARK_PAGE_MEAN) {
    return { verdict: { ok: false, retake: 'tooDark' }, detection, sharpness: null };
  }
  const sharpness = laplacianVariance(page);
  const verdict: Verdict = sharpness < BLUR_THRESHOLD ? { ok: false, retake: 'blurry' } : { ok: true };
  return { verdict, detection, sharpness };
}

/**
 * The page as it goes into the PDF: upright, cropped, A4 proportions, at most 1754 px long
 * (A4 at 150 dpi — legible for forms and ID copies, ~300 kB as JPEG 0.85).
 */
export const PAGE_LONG_SIDE = 1754;

export function extractPage(frame: RgbaImage, corners: Quad): RgbaImage {
  const size = pageSizeFor(corners, PAGE_LONG_SIDE);
  return warpRgba(frame, corners, size.width, size.height);
}
