import type { SqlQueries } from '../db/sql';
import type { ConsoleUser } from '../../contract/console/users';
import type { StationView, TownshipView } from '../../contract/console/fleet-views';
import { currentServicePoints } from '../store/published';
import { activeTerminals } from '../store/fleet-kiosks';

/**
 * Stations and townships, from the published service points: a station is the service point
 * whose id is a terminal's stationId; its township is the first 9 digits of a 12-digit village
 * regionCode (a 9-digit code is the township itself), named after the townServiceCentre of that
 * code. A station that is no service point, or whose code names no township, belongs to the
 * placeholder township 000000000 ("未归属乡镇"): only county-wide users see it.
 */

export const UNASSIGNED_TOWNSHIP = '000000000';

export interface StationDirectory {
  readonly stations: ReadonlyMap<string, StationView>;
  readonly townships: ReadonlyMap<string, TownshipView>;
}

function townshipOf(regionCode: string): string | undefined {
  return regionCode.length >= 9 ? regionCode.slice(0, 9) : undefined;
}

export async function stationDirectory(db: SqlQueries): Promise<StationDirectory> {
  const points = await currentServicePoints(db);
  const townshipNames = new Map<string, string>();
  for (const point of points) {
    const code = townshipOf(point.regionCode);
    if (point.kind === 'townServiceCentre' && code && !townshipNames.has(code)) townshipNames.set(code, point.name);
  }
  const stations = new Map<string, StationView>();
  const townships = new Map<string, TownshipView>();
  const stationIds = new Set([
    ...points.map((point) => point.id),
    ...(await activeTerminals(db)).map((t) => t.stationId),
  ]);
  for (const stationId of stationIds) {
    const point = points.find((candidate) => candidate.id === stationId);
    const townshipCode = (point && townshipOf(point.regionCode)) ?? UNASSIGNED_TOWNSHIP;
    stations.set(stationId, {
      stationId,
      name: point?.name ?? stationId,
      townshipCode,
      location: point ? { lat: point.location.lat, lng: point.location.lng } : null,
    });
    if (!townships.has(townshipCode)) {
      const name =
        townshipCode === UNASSIGNED_TOWNSHIP ? '未归属乡镇' : (townshipNames.get(townshipCode) ?? townshipCode);
      townships.set(townshipCode, { townshipCode, name });
    }
  }
  return { stations, townships };
}

/** A station's name as people know it, or its id when the directory has none (a kiosk's own station). */
export function stationName(directory: StationDirectory, stationId: string): string {
  return directory.stations.get(stationId)?.name ?? stationId;
}

/**
 * Whether the user may see a station: county admins and technicians every one; a township
 * admin those of its township; station staff its own. Scope is data (the user's scope), the
 * role only decides whether it is county-wide.
 */
export function maySeeStation(user: ConsoleUser, station: StationView | undefined, stationId: string): boolean {
  if (user.role === 'countyAdmin' || user.role === 'technician') return true;
  const scope = user.scope;
  switch (scope.kind) {
    case 'county':
      // A township admin or station staff with a county-wide scope is a misconfigured user: nothing.
      return false;
    case 'township':
      return station !== undefined && station.townshipCode === scope.townshipCode;
    case 'station':
      return scope.stationId === stationId;
  }
}
