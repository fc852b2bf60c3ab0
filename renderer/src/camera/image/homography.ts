import type { Point } from './raster';

/** Row-major 3×3 projective matrix [h11 h12 h13 h21 h22 h23 h31 h32 h33], h33 = 1. */
export type Homography = readonly [number, number, number, number, number, number, number, number, number];

export type Quad = readonly [Point, Point, Point, Point];

/**
 * Solves the homography mapping each `from[i]` to `to[i]` (four point pairs, no three collinear).
 * With h33 fixed to 1 each pair gives two linear equations in the other eight unknowns:
 *   u = (h11 x + h12 y + h13) / (h31 x + h32 y + 1), v likewise,
 * which we solve by Gaussian elimination with partial pivoting. Null when either quad is not a
 * proper convex quadrilateral (three corners on one line, or crossed): no page maps onto that.
 */
export function solveHomography(from: Quad, to: Quad): Homography | null {
  if (!isConvex(from) || !isConvex(to)) return null;
  const rows: number[][] = [];
  for (let i = 0; i < 4; i += 1) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    rows.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  const solution = solveLinear(rows, 8);
  if (!solution) return null;
  const [a, b, c, d, e, f, g, h] = solution as [number, number, number, number, number, number, number, number];
  return [a, b, c, d, e, f, g, h, 1];
}

export function applyHomography(m: Homography, p: Point): Point {
  const w = m[6] * p.x + m[7] * p.y + m[8];
  return { x: (m[0] * p.x + m[1] * p.y + m[2]) / w, y: (m[3] * p.x + m[4] * p.y + m[5]) / w };
}

/** Every turn along the corners has the same sign, and none is (nearly) straight. */
export function isConvex(quad: Quad): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i += 1) {
    const a = quad[i]!;
    const b = quad[(i + 1) % 4]!;
    const c = quad[(i + 2) % 4]!;
    const cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    const scale = Math.hypot(b.x - a.x, b.y - a.y) * Math.hypot(c.x - b.x, c.y - b.y);
    if (scale === 0 || Math.abs(cross) < 1e-6 * scale) return false;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}

/** Augmented matrix [A | b] with n unknowns; rows are modified in place. */
function solveLinear(rows: number[][], n: number): number[] | null {
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let r = col + 1; r < n; r += 1) {
      if (Math.abs(rows[r]![col]!) > Math.abs(rows[pivot]![col]!)) pivot = r;
    }
    if (Math.abs(rows[pivot]![col]!) < 1e-10) return null;
    [rows[col], rows[pivot]] = [rows[pivot]!, rows[col]!];
    const pivotRow = rows[col]!;
    for (let r = 0; r < n; r += 1) {
      if (r === col) continue;
      const row = rows[r]!;
      const factor = row[col]! / pivotRow[col]!;
      if (factor === 0) continue;
      for (let k = col; k <= n; k += 1) row[k] = row[k]! - factor * pivotRow[k]!;
    }
  }
  return rows.map((row, i) => row[n]! / row[i]!);
}
