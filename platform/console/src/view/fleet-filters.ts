import { FleetQuery, KioskState } from '../../../contract/console/fleet-views';
import type { KioskSummary, StationView } from '../../../contract/console/fleet-views';

/**
 * The fleet overview's filters live in the URL (?township=&station=&state=), so a filtered view
 * can be bookmarked, shared and survives the 15 s refresh and the back button.
 */
export type FleetFilters = {
  readonly township?: string;
  readonly station?: string;
  readonly state?: KioskState;
};

/** Reads the filters from a query string; a value the contract would refuse is dropped, not sent. */
export function filtersFromSearch(search: string): FleetFilters {
  const params = new URLSearchParams(search);
  const filters: Record<string, string> = {};
  for (const key of ['township', 'station', 'state'] as const) {
    const value = params.get(key);
    if (value === null || value === '') continue;
    const checked = FleetQuery.shape[key].safeParse(value);
    if (checked.success && checked.data !== undefined) filters[key] = checked.data;
  }
  return filters;
}

/** The query string for the filters, in a fixed order; empty filters are left out. */
export function searchFromFilters(filters: FleetFilters): string {
  const params = new URLSearchParams();
  if (filters.township) params.set('township', filters.township);
  if (filters.station) params.set('station', filters.station);
  if (filters.state) params.set('state', filters.state);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Changing the township clears a station outside it (a station filter from another township
 * would show nothing, and the user would not see why).
 */
export function withFilter(
  filters: FleetFilters,
  change: Partial<Record<keyof FleetFilters, string>>,
  stations: readonly StationView[],
): FleetFilters {
  const next: Record<string, string | undefined> = { ...filters };
  for (const [key, value] of Object.entries(change)) next[key] = value === '' ? undefined : value;
  if (next['township'] && next['station']) {
    const station = stations.find((s) => s.stationId === next['station']);
    if (station && station.townshipCode !== next['township']) next['station'] = undefined;
  }
  if (next['state'] !== undefined && !KioskState.safeParse(next['state']).success) next['state'] = undefined;
  return Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined));
}

/** The stations the station filter offers: those of the chosen township, or all. */
export function stationsFor(stations: readonly StationView[], township: string | undefined): StationView[] {
  return stations.filter((station) => township === undefined || station.townshipCode === township);
}

/** States in the order an operator triages them: the worst first. */
export const STATE_ORDER: readonly KioskState[] = ['missing', 'offline', 'degraded', 'pending', 'online'];

/** The table's order: worst state first, then by station and kiosk id, so a refresh does not shuffle rows. */
export function sortKiosks(kiosks: readonly KioskSummary[]): KioskSummary[] {
  return [...kiosks].sort(
    (a, b) =>
      STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) ||
      a.stationId.localeCompare(b.stationId) ||
      a.terminalId.localeCompare(b.terminalId),
  );
}
