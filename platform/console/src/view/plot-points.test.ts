import { describe, expect, it } from 'vitest';
import type { FleetOverview, KioskSummary } from '../../../contract/console/fleet-views';
import { kioskPoints } from './plot-points';

const kiosk = (terminalId: string, stationId: string, state: KioskSummary['state']): KioskSummary => ({
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

const fleet: FleetOverview = {
  generatedAt: '2026-03-01T08:00:00+08:00',
  heartbeatIntervalSeconds: 60,
  kiosks: [kiosk('K-1', 'ST-A', 'online'), kiosk('K-2', 'ST-A', 'offline'), kiosk('K-3', 'ST-B', 'online')],
  stations: [
    { stationId: 'ST-A', name: '景芝村', townshipCode: '370784107', location: { lat: 36.4, lng: 119.1 } },
    { stationId: 'ST-B', name: '河东社区', townshipCode: '370784108', location: null },
  ],
  townships: [],
  counts: { online: 2, degraded: 0, offline: 1, missing: 0, pending: 0 },
};

describe('kioskPoints', () => {
  it("places kiosks at their station's coordinates and counts stations without any", () => {
    const { points, unplaced } = kioskPoints(fleet);
    expect(points.map((p) => [p.terminalId, p.state])).toEqual([
      ['K-1', 'online'],
      ['K-2', 'offline'],
    ]);
    expect(points[0]).toMatchObject({ lat: 36.4, lng: 119.1, stationName: '景芝村' });
    expect(unplaced).toBe(1);
  });

  it('spreads kiosks of one station apart, but by less than 100 m', () => {
    const [first, second] = kioskPoints(fleet).points;
    const apart = Math.hypot((first?.lat ?? 0) - (second?.lat ?? 0), (first?.lng ?? 0) - (second?.lng ?? 0));
    expect(apart).toBeGreaterThan(0);
    expect(apart).toBeLessThan(0.001);
  });
});
