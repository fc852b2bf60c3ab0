import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyHomography, solveHomography, type Quad } from './homography';

const rect: Quad = [
  { x: 0, y: 0 },
  { x: 210, y: 0 },
  { x: 210, y: 297 },
  { x: 0, y: 297 },
];

describe('homography', () => {
  it('maps the four source corners onto the four targets and back (round trip)', () => {
    const jitter = fc.double({ min: -60, max: 60, noNaN: true });
    fc.assert(
      fc.property(fc.array(jitter, { minLength: 8, maxLength: 8 }), (d) => {
        const quad: Quad = [
          { x: 300 + d[0]!, y: 100 + d[1]! },
          { x: 700 + d[2]!, y: 120 + d[3]! },
          { x: 690 + d[4]!, y: 650 + d[5]! },
          { x: 310 + d[6]!, y: 640 + d[7]! },
        ];
        const forward = solveHomography(rect, quad);
        const backward = solveHomography(quad, rect);
        if (!forward || !backward) throw new Error('degenerate');
        for (let i = 0; i < 4; i += 1) {
          const mapped = applyHomography(forward, rect[i]!);
          expect(mapped.x).toBeCloseTo(quad[i]!.x, 6);
          expect(mapped.y).toBeCloseTo(quad[i]!.y, 6);
        }
        // Any inner point survives forward then backward.
        const inner = { x: 37 + d[0]! / 2, y: 150 + d[1]! };
        const back = applyHomography(backward, applyHomography(forward, inner));
        expect(back.x).toBeCloseTo(inner.x, 6);
        expect(back.y).toBeCloseTo(inner.y, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('is a pure rotation for a rotated rectangle (lines stay straight, no perspective terms)', () => {
    const a = (8 * Math.PI) / 180;
    const turned = rect.map((p) => ({
      x: p.x * Math.cos(a) - p.y * Math.sin(a),
      y: p.x * Math.sin(a) + p.y * Math.cos(a),
    }));
    const m = solveHomography(rect, turned as unknown as Quad);
    expect(m).not.toBeNull();
    expect(m![6]).toBeCloseTo(0, 9);
    expect(m![7]).toBeCloseTo(0, 9);
    expect(m![0]).toBeCloseTo(Math.cos(a), 9);
  });

  it('refuses degenerate corners (three on one line)', () => {
    const collinear: Quad = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
      { x: 0, y: 5 },
    ];
    expect(solveHomography(rect, collinear)).toBeNull();
  });
});
