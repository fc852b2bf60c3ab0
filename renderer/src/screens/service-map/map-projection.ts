/**
 * The offline map's geometry: no tiles, just the service points drawn around "you are here".
 * Over the few kilometres of a township an equirectangular projection centred on the station is
 * exact to well under a pixel, and it keeps north up and distances true in every direction.
 */
export interface LatLng {
  readonly lat: number;
  readonly lng: number;
}

export interface Offset {
  /** Kilometres east (negative: west). */
  readonly x: number;
  /** Kilometres north (negative: south). */
  readonly y: number;
}

const EARTH_RADIUS_KM = 6371.0088;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Where `point` lies from `origin`, in kilometres east and north. */
export function offsetKm(origin: LatLng, point: LatLng): Offset {
  return {
    x: toRadians(point.lng - origin.lng) * EARTH_RADIUS_KM * Math.cos(toRadians(origin.lat)),
    y: toRadians(point.lat - origin.lat) * EARTH_RADIUS_KM,
  };
}

/** Great-circle distance (haversine), for what the details say ("2.3 公里"). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface MapFrame {
  readonly width: number;
  readonly height: number;
  /** Room kept free at each edge for the symbols, legend and scale bar. */
  readonly padding: number;
}

export interface Projection {
  readonly pxPerKm: number;
  /** SVG coordinates (y grows downwards) of a point. */
  project(point: LatLng): { readonly x: number; readonly y: number };
}

/** Even a lone station gets a map a kilometre across, not an infinite zoom. */
const MIN_HALF_EXTENT_KM = 0.5;

/**
 * Fits every point into the frame with the origin in its centre, the same scale both ways (so
 * a circle stays a circle and the scale bar holds in every direction).
 */
export function fitProjection(origin: LatLng, points: readonly LatLng[], frame: MapFrame): Projection {
  const offsets = points.map((point) => offsetKm(origin, point));
  const halfX = Math.max(MIN_HALF_EXTENT_KM, ...offsets.map((offset) => Math.abs(offset.x)));
  const halfY = Math.max(MIN_HALF_EXTENT_KM, ...offsets.map((offset) => Math.abs(offset.y)));
  const pxPerKm = Math.min((frame.width / 2 - frame.padding) / halfX, (frame.height / 2 - frame.padding) / halfY);
  return {
    pxPerKm,
    project(point) {
      const offset = offsetKm(origin, point);
      return { x: frame.width / 2 + offset.x * pxPerKm, y: frame.height / 2 - offset.y * pxPerKm };
    },
  };
}

const NICE_LENGTHS_KM = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200] as const;

/** The longest round length (1, 2 or 5 × 10ⁿ km) whose bar fits in `maxPx`. */
export function scaleBar(pxPerKm: number, maxPx: number): { readonly km: number; readonly px: number } {
  let best: number = NICE_LENGTHS_KM[0];
  for (const km of NICE_LENGTHS_KM) if (km * pxPerKm <= maxPx) best = km;
  return { km: best, px: best * pxPerKm };
}

export interface Placed {
  readonly x: number;
  readonly y: number;
}

/**
 * Symbols closer than `minGap` px would cover each other (a hall and its 24-hour zone share an
 * address): each later one is moved round a small circle until it is clear, so every point stays
 * a separate target a finger can hit. Positions are only nudged, never reordered.
 */
export function separate(positions: readonly Placed[], minGap: number): Placed[] {
  const placed: Placed[] = [];
  for (const position of positions) {
    let candidate = position;
    for (
      let step = 0;
      step < 24 && placed.some((other) => Math.hypot(other.x - candidate.x, other.y - candidate.y) < minGap);
      step += 1
    ) {
      const angle = (step * Math.PI) / 4;
      const radius = minGap * (1 + Math.floor(step / 8));
      candidate = { x: position.x + radius * Math.cos(angle), y: position.y + radius * Math.sin(angle) };
    }
    placed.push(candidate);
  }
  return placed;
}
