import { largestBrightComponent } from './components';
import type { Quad } from './homography';
import { otsu } from './otsu';
import { downscaleGray, type GrayImage, type Point } from './raster';
import { refineQuad } from './refine-edges';

export type PageRejection = 'noneFound' | 'tooSmall' | 'cutOff';

export type PageDetection =
  | {
      readonly found: true;
      /** Clockwise from top-left, in frame pixels. */
      readonly corners: Quad;
      /** 0…1: how quadrilateral the bright region is, how well it stands out, how straight its edges are. */
      readonly confidence: number;
      readonly areaFraction: number;
    }
  | {
      readonly found: false;
      readonly reason: PageRejection;
      /** The rough outline when there was a page-like region (drawn over the preview), else null. */
      readonly outline: Quad | null;
    };

/** Analysis runs on a copy whose long side is at most this (see downscaleGray). */
const ANALYSIS_SIDE = 320;
/**
 * Page and desk class means must be this far apart: white paper under the camera's LEDs reads
 * ≥ 200, a desk ≤ 150; wood grain alone splits into classes ~20–40 apart.
 */
const MIN_CONTRAST = 50;
/** A sheet filling less than this share of the frame is too far away or not a page (task brief: 20 %). */
const MIN_AREA_FRACTION = 0.2;
/** Filled region area / quad area: a page is a quadrilateral, a hand or a crumpled bag is not. */
const MIN_FILL = 0.85;

/**
 * Finds the document: the page is a bright quadrilateral on a darker desk. Otsu splits page from
 * desk on a downscaled copy, the largest bright region (holes filled) is the candidate, its four
 * corners are the extremes of x+y and x−y (valid for pages turned less than 45°), and the edges
 * are then refined on the full-resolution frame.
 */
export function detectPage(frame: GrayImage): PageDetection {
  const { image: small, factor } = downscaleGray(frame, ANALYSIS_SIDE);
  const split = otsu(small);
  const contrast = split.brightMean - split.darkMean;
  if (contrast < MIN_CONTRAST) return { found: false, reason: 'noneFound', outline: null };
  const component = largestBrightComponent(small, split.threshold);
  if (!component) return { found: false, reason: 'noneFound', outline: null };

  const coarse = extremeCorners(component.mask, small.width, small.height);
  const quadArea = polygonArea(coarse);
  const fill = Math.min(component.area, quadArea) / Math.max(component.area, quadArea, 1);
  const toFrame = (p: Point): Point => ({ x: (p.x + 0.5) * factor, y: (p.y + 0.5) * factor });
  const outline = coarse.map(toFrame) as unknown as Quad;
  if (fill < MIN_FILL) return { found: false, reason: 'noneFound', outline: null };
  const areaFraction = component.area / (small.width * small.height);
  if (areaFraction < MIN_AREA_FRACTION) return { found: false, reason: 'tooSmall', outline };
  if (component.touchesEdge) return { found: false, reason: 'cutOff', outline };

  const refined = refineQuad(frame, outline, split.threshold, factor);
  const confidence = fill * Math.min(1, contrast / 100) * refined.edgeSupport;
  return { found: true, corners: refined.corners, confidence, areaFraction };
}

/** Top-left = min(x+y), top-right = max(x−y), bottom-right = max(x+y), bottom-left = min(x−y). */
function extremeCorners(mask: Uint8Array, width: number, height: number): Quad {
  let tl = { x: 0, y: 0, v: Infinity };
  let br = { x: 0, y: 0, v: -Infinity };
  let tr = { x: 0, y: 0, v: -Infinity };
  let bl = { x: 0, y: 0, v: Infinity };
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (mask[y * width + x] !== 1) continue;
      const sum = x + y;
      const diff = x - y;
      if (sum < tl.v) tl = { x, y, v: sum };
      if (sum > br.v) br = { x, y, v: sum };
      if (diff > tr.v) tr = { x, y, v: diff };
      if (diff < bl.v) bl = { x, y, v: diff };
    }
  }
  const point = ({ x, y }: { x: number; y: number }): Point => ({ x, y });
  return [point(tl), point(tr), point(br), point(bl)];
}

/** Shoelace formula, in pixels² (pixel centres, so add the half-pixel rim back). */
export function polygonArea(quad: Quad): number {
  let twice = 0;
  let perimeter = 0;
  for (let i = 0; i < 4; i += 1) {
    const a = quad[i]!;
    const b = quad[(i + 1) % 4]!;
    twice += a.x * b.y - b.x * a.y;
    perimeter += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return Math.abs(twice) / 2 + perimeter / 2 + 1;
}
