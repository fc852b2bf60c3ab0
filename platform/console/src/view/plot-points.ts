import type { FleetOverview, KioskState } from '../../../contract/console/fleet-views';

export type KioskPoint = {
  readonly terminalId: string;
  readonly stationName: string;
  readonly state: KioskState;
  readonly lat: number;
  readonly lng: number;
};

/** Kiosk dots at their station's coordinates; several kiosks of one station are spread a little so each can be clicked. */
export function kioskPoints(fleet: FleetOverview): { points: KioskPoint[]; unplaced: number } {
  const stations = new Map(fleet.stations.map((station) => [station.stationId, station]));
  const perStation = new Map<string, number>();
  const points: KioskPoint[] = [];
  const unplacedStations = new Set<string>();
  for (const kiosk of fleet.kiosks) {
    const station = stations.get(kiosk.stationId);
    if (!station?.location) {
      unplacedStations.add(kiosk.stationId);
      continue;
    }
    const index = perStation.get(kiosk.stationId) ?? 0;
    perStation.set(kiosk.stationId, index + 1);
    // ~30 m apart on a small circle: invisible on a county map, enough to click each dot apart.
    const angle = index * 2.4;
    const offset = index === 0 ? 0 : 0.0003;
    points.push({
      terminalId: kiosk.terminalId,
      stationName: station.name,
      state: kiosk.state,
      lat: station.location.lat + offset * Math.sin(angle),
      lng: station.location.lng + offset * Math.cos(angle),
    });
  }
  return { points, unplaced: unplacedStations.size };
}
