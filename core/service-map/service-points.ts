import type { Station } from '../../kiosk-config/station';
import type { ServicePoint } from '../../platform/contract/service-points';
import type { PlatformDocumentSpec } from '../platform-documents/fetch';

export const SERVICE_POINTS: PlatformDocumentSpec<'listServicePoints'> = {
  kind: 'servicePoints',
  operation: 'listServicePoints',
  keepOlder: false,
};

/** Beyond this the nearest point is somewhere else, not "here". */
const HERE_RADIUS_M = 1_000;

/**
 * The map's "you are here": the point registered under this station's id, else the nearest one
 * within 1 km of the station's configured position. The station's position has no coordinate
 * system; WGS-84 and GCJ-02 differ by a few hundred metres in Shandong, well inside the radius.
 */
export function herePointId(points: readonly ServicePoint[], station: Pick<Station, 'id' | 'location'>): string | null {
  const byId = points.find((point) => point.id === station.id);
  if (byId) return byId.id;
  let nearest: { id: string; metres: number } | null = null;
  for (const point of points) {
    const metres = distanceMetres(station.location, point.location);
    if (metres <= HERE_RADIUS_M && (nearest === null || metres < nearest.metres)) nearest = { id: point.id, metres };
  }
  return nearest?.id ?? null;
}

/** Great-circle distance (haversine); plenty for "within a kilometre". */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const earthRadiusM = 6_371_000;
  const rad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusM * Math.asin(Math.min(1, Math.sqrt(h)));
}
