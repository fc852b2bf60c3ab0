import type { FrameAssessment } from './image/assess-frame';
import type { Quad } from './image/homography';

/**
 * Auto-capture: the page must be found, sharp and still (corners within STILL_PX of the previous
 * check) for STEADY_MS. After a shot it re-arms only once the page was taken away or moved by
 * more than MOVED_PX, so one page is not photographed twice while the resident turns it over.
 */
export const STEADY_MS = 1000;
const STILL_PX = 6;
const MOVED_PX = 40;

export interface Steadiness {
  readonly steadySince: number | null;
  readonly lastCorners: Quad | null;
  /** Corners of the last shot while waiting for the page to change; null = armed. */
  readonly shotCorners: Quad | null;
}

export const INITIAL_STEADINESS: Steadiness = { steadySince: null, lastCorners: null, shotCorners: null };

export function nextSteadiness(previous: Steadiness, assessment: FrameAssessment, now: number): Steadiness {
  const detection = assessment.detection;
  if (!detection.found) return { steadySince: null, lastCorners: null, shotCorners: null };
  const corners = detection.corners;
  const shotCorners =
    previous.shotCorners && maxShift(previous.shotCorners, corners) > MOVED_PX ? null : previous.shotCorners;
  const still = previous.lastCorners !== null && maxShift(previous.lastCorners, corners) <= STILL_PX;
  const steadySince =
    assessment.verdict.ok && still ? (previous.steadySince ?? now) : assessment.verdict.ok ? now : null;
  return { steadySince, lastCorners: corners, shotCorners };
}

export function shouldAutoCapture(state: Steadiness, now: number): boolean {
  return state.shotCorners === null && state.steadySince !== null && now - state.steadySince >= STEADY_MS;
}

export function markShot(state: Steadiness): Steadiness {
  return { ...state, steadySince: null, shotCorners: state.lastCorners };
}

function maxShift(a: Quad, b: Quad): number {
  return Math.max(...a.map((p, i) => Math.hypot(p.x - b[i]!.x, p.y - b[i]!.y)));
}
