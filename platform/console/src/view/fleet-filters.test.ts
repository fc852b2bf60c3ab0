import { describe, expect, it } from 'vitest';
import type { KioskSummary, StationView } from '../../../contract/console/fleet-views';
import { filtersFromSearch, searchFromFilters, sortKiosks, stationsFor, withFilter } from './fleet-filters';

const stations: StationView[] = [
  { stationId: 'ST-A', name: '景芝村', townshipCode: '370784107', location: { lat: 36.4, lng: 119.1 } },
  { stationId: 'ST-B', name: '河东社区', townshipCode: '370784108', location: null },
];

describe('fleet filters in the URL', () => {
  it('round-trips through the query string in a fixed order', () => {
    const filters = { state: 'offline', township: '370784107', station: 'ST-A' } as const;
    const search = searchFromFilters(filters);
    expect(search).toBe('?township=370784107&station=ST-A&state=offline');
    expect(filtersFromSearch(search)).toEqual(filters);
  });

  it('drops what the contract would refuse instead of sending it', () => {
    expect(filtersFromSearch('?township=12&state=broken&station=ST-A')).toEqual({ station: 'ST-A' });
  });

  it('is empty without filters', () => {
    expect(searchFromFilters({})).toBe('');
    expect(filtersFromSearch('')).toEqual({});
  });

  it('clears a station from another township when the township changes', () => {
    expect(withFilter({ station: 'ST-A' }, { township: '370784108' }, stations)).toEqual({ township: '370784108' });
    expect(withFilter({ station: 'ST-A' }, { township: '370784107' }, stations)).toEqual({
      station: 'ST-A',
      township: '370784107',
    });
  });

  it('removes a filter set to all', () => {
    expect(withFilter({ state: 'online', township: '370784107' }, { state: '' }, stations)).toEqual({
      township: '370784107',
    });
  });

  it('offers the stations of the chosen township', () => {
    expect(stationsFor(stations, '370784108').map((s) => s.stationId)).toEqual(['ST-B']);
    expect(stationsFor(stations, undefined)).toHaveLength(2);
  });
});

describe('sortKiosks', () => {
  const kiosk = (terminalId: string, state: KioskSummary['state'], stationId = 'ST-A'): KioskSummary => ({
    terminalId,
    stationId,
    state,
    problems: [],
    lastHeartbeatAt: null,
    appVersion: null,
    catalogVersion: null,
    paperDaysLeft: null,
    outboxPending: null,
    residentSessionActive: null,
    outOfService: false,
    openAlarms: 0,
  });
  it('puts the worst first and keeps a stable order within a state', () => {
    const sorted = sortKiosks([
      kiosk('K-3', 'online'),
      kiosk('K-2', 'missing'),
      kiosk('K-1', 'online'),
      kiosk('K-4', 'degraded'),
    ]);
    expect(sorted.map((k) => k.terminalId)).toEqual(['K-2', 'K-4', 'K-1', 'K-3']);
  });
});
