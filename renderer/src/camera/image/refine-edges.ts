import type { Quad } from './homography';
import type { GrayImage, Point } from './raster';

interface Line {
  /** A point on the line and its unit direction. */
  readonly point: Point;
  readonly dir: Point;
}

const SAMPLES_PER_EDGE = 48;

/**
 * Sub-pixel corners: along each side of the coarse quad, walk inward from the desk along the
 * outward normal until the (full-resolution) brightness crosses the Otsu threshold, interpolate
 * the crossing, fit a line through the crossings (dropping outliers such as a finger on the edge)
 * and intersect neighbouring lines. The coarse quad came from a 1/factor copy, so it can be off by
 * about `factor` pixels; the search covers three times that.
 */
export function refineQuad(
  frame: GrayImage,
  coarse: Quad,
  threshold: number,
  factor: number,
): { corners: Quad; edgeSupport: number } {
  const reach = 3 * factor + 3;
  const lines: Line[] = [];
  let supported = 0;
  for (let side = 0; side < 4; side += 1) {
    const a = coarse[side]!;
    const b = coarse[(side + 1) % 4]!;
    const crossings = edgeCrossings(frame, a, b, threshold, reach);
    supported += crossings.length;
    const fitted = crossings.length >= SAMPLES_PER_EDGE / 4 ? fitLineRobust(crossings) : null;
    lines.push(fitted ?? lineThrough(a, b));
  }
  const corners: Point[] = [];
  for (let i = 0; i < 4; i += 1) {
    const corner = intersect(lines[(i + 3) % 4]!, lines[i]!);
    const rough = coarse[i]!;
    // A refined corner far from the rough one means the fit went wrong: keep the rough corner.
    const usable = corner && Math.hypot(corner.x - rough.x, corner.y - rough.y) <= reach;
    corners.push(usable ? corner : rough);
  }
  return { corners: corners as unknown as Quad, edgeSupport: supported / (4 * SAMPLES_PER_EDGE) };
}

function edgeCrossings(frame: GrayImage, a: Point, b: Point, threshold: number, reach: number): Point[] {
  const length = Math.hypot(b.x - a.x, b.y - a.y);
  if (length < 1) return [];
  const dir = { x: (b.x - a.x) / length, y: (b.y - a.y) / length };
  // Corners run clockwise on screen (y down), so the outward normal is the direction turned left.
  const normal = { x: dir.y, y: -dir.x };
  const found: Point[] = [];
  for (let k = 0; k < SAMPLES_PER_EDGE; k += 1) {
    const t = 0.12 + (0.76 * k) / (SAMPLES_PER_EDGE - 1);
    const base = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    let previous = sampleAcross(frame, base, normal, dir, reach);
    if (previous > threshold) continue; // no desk outside: something lies over the edge
    for (let s = reach - 0.5; s >= -reach; s -= 0.5) {
      const value = sampleAcross(frame, base, normal, dir, s);
      if (value > threshold) {
        const at = s + 0.5 * ((value - threshold) / (value - previous));
        found.push({ x: base.x + normal.x * at, y: base.y + normal.y * at });
        break;
      }
      previous = value;
    }
  }
  return found;
}

/** Brightness at distance `s` along the normal, averaged over 3 points along the edge against noise. */
function sampleAcross(frame: GrayImage, base: Point, normal: Point, dir: Point, s: number): number {
  let sum = 0;
  for (let u = -1; u <= 1; u += 1) {
    sum += bilinear(frame, base.x + normal.x * s + dir.x * u, base.y + normal.y * s + dir.y * u);
  }
  return sum / 3;
}

/** Frame coordinates have pixel (i, j) covering [i, i+1)×[j, j+1), so its value sits at the centre. */
function bilinear(frame: GrayImage, x: number, y: number): number {
  const sx = Math.min(frame.width - 1, Math.max(0, x - 0.5));
  const sy = Math.min(frame.height - 1, Math.max(0, y - 0.5));
  const x0 = Math.floor(sx);
  const y0 = Math.floor(sy);
  const x1 = Math.min(frame.width - 1, x0 + 1);
  const y1 = Math.min(frame.height - 1, y0 + 1);
  const fx = sx - x0;
  const fy = sy - y0;
  const at = (px: number, py: number) => frame.data[py * frame.width + px]!;
  return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
}

/** Total least squares, then once more without points more than 1.5 px (or 3 median residuals) off. */
function fitLineRobust(points: readonly Point[]): Line | null {
  const first = fitLine(points);
  if (!first) return null;
  const residuals = points.map((p) => distance(first, p));
  const median = [...residuals].sort((x, y) => x - y)[Math.floor(residuals.length / 2)] ?? 0;
  const limit = Math.max(1.5, 3 * median);
  const kept = points.filter((_, i) => residuals[i]! <= limit);
  return kept.length >= 2 ? fitLine(kept) : first;
}

function fitLine(points: readonly Point[]): Line | null {
  if (points.length < 2) return null;
  let mx = 0;
  let my = 0;
  for (const p of points) {
    mx += p.x;
    my += p.y;
  }
  mx /= points.length;
  my /= points.length;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    sxx += (p.x - mx) ** 2;
    sxy += (p.x - mx) * (p.y - my);
    syy += (p.y - my) ** 2;
  }
  // Principal axis of the 2×2 scatter matrix.
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { point: { x: mx, y: my }, dir: { x: Math.cos(angle), y: Math.sin(angle) } };
}

function lineThrough(a: Point, b: Point): Line {
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  return { point: a, dir: { x: (b.x - a.x) / length, y: (b.y - a.y) / length } };
}

function distance(line: Line, p: Point): number {
  return Math.abs((p.x - line.point.x) * line.dir.y - (p.y - line.point.y) * line.dir.x);
}

function intersect(l1: Line, l2: Line): Point | null {
  const det = l1.dir.x * l2.dir.y - l1.dir.y * l2.dir.x;
  if (Math.abs(det) < 1e-9) return null;
  const dx = l2.point.x - l1.point.x;
  const dy = l2.point.y - l1.point.y;
  const t = (dx * l2.dir.y - dy * l2.dir.x) / det;
  return { x: l1.point.x + l1.dir.x * t, y: l1.point.y + l1.dir.y * t };
}
