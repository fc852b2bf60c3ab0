import { describe, expect, it } from 'vitest';
import { DEFAULT_ALARM_CONFIG } from './config';
import { activeHealthRules } from './rules';
import { alarmLines, FleetHarness, healthy, HOUR, MINUTE, statusLines } from './testing/fleet-harness';

const config = DEFAULT_ALARM_CONFIG;

describe('health rules from the heartbeat summary', () => {
  it('raises paper low once while the forecast stays low over many heartbeats, and clears it once when refilled', () => {
    const fleet = new FleetHarness();
    fleet.steady('k1', 30 * MINUTE);
    const low = healthy({ paperDaysLeft: 2.5 });
    const goingLow = fleet.steady('k1', 6 * HOUR, 60, low);
    expect(alarmLines(goingLow)).toEqual(['raised paper-low']);
    expect(goingLow.find((notice) => notice.kind === 'raised')).toMatchObject({
      key: 'k1/paper-low',
      severity: 'minor',
    });
    expect(statusLines(goingLow)).toEqual(['online→degraded']);
    expect(fleet.state.kiosks['k1']?.state).toMatchObject({ status: 'degraded', reasons: ['paper-low'] });
    // The forecast moves but stays low: still the one alarm.
    expect(fleet.steady('k1', HOUR, 60, healthy({ paperDaysLeft: 0.4 }))).toEqual([]);
    const refilled = fleet.steady('k1', 6 * HOUR);
    expect(alarmLines(refilled)).toEqual(['recovered paper-low']);
    expect(statusLines(refilled)).toEqual(['degraded→online']);
  });

  it('raises each faulty device as its own alarm and clears them separately', () => {
    const fleet = new FleetHarness();
    fleet.heartbeat('k1');
    const bothBroken = healthy({
      devices: [
        { device: 'printer', status: 'userError', action: 'clear' },
        { device: 'idCardReader', status: 'hardwareError', action: 'maintenance' },
      ],
    });
    expect(alarmLines(fleet.advance(MINUTE).heartbeat('k1', bothBroken))).toEqual([
      'raised device-fault:idCardReader',
      'raised device-fault:printer',
    ]);
    const readerFixed = healthy({ devices: [{ device: 'printer', status: 'userError', action: 'clear' }] });
    expect(alarmLines(fleet.advance(MINUTE).heartbeat('k1', readerFixed))).toEqual([
      'recovered device-fault:idCardReader',
    ]);
    expect(fleet.state.kiosks['k1']?.state).toMatchObject({ status: 'degraded', reasons: ['device-fault:printer'] });
  });

  it('does not count a device the manager asks nothing for as a fault', () => {
    const optionalAbsent = healthy({ devices: [{ device: 'qrScanner', status: 'noDevice', action: 'none' }] });
    expect([...activeHealthRules(optionalAbsent, config)]).toEqual([]);
  });

  it('raises an outbox backlog on depth or on the oldest item, each strictly above its threshold', () => {
    const outbox = (depth: number, oldestAgeSeconds: number | null) => healthy({ outbox: { depth, oldestAgeSeconds } });
    expect(activeHealthRules(outbox(50, 30 * 60), config).has('outbox-backlog')).toBe(false);
    expect(activeHealthRules(outbox(51, 10), config).has('outbox-backlog')).toBe(true);
    expect(activeHealthRules(outbox(1, 30 * 60 + 1), config).has('outbox-backlog')).toBe(true);
  });

  it('calls a catalog stale after the threshold, and a kiosk without any catalog stale at once', () => {
    expect(activeHealthRules(healthy({ catalogAgeSeconds: 24 * 3600 }), config).has('catalog-stale')).toBe(false);
    expect(activeHealthRules(healthy({ catalogAgeSeconds: 24 * 3600 + 1 }), config).has('catalog-stale')).toBe(true);
    expect(activeHealthRules(healthy({ catalogAgeSeconds: null }), config).has('catalog-stale')).toBe(true);
  });

  it('treats paper just at the threshold as enough, and an unknown forecast as no alarm', () => {
    expect(activeHealthRules(healthy({ paperDaysLeft: 3 }), config).has('paper-low')).toBe(false);
    expect(activeHealthRules(healthy({ paperDaysLeft: 2.99 }), config).has('paper-low')).toBe(true);
    expect(activeHealthRules(healthy({ paperDaysLeft: null }), config).has('paper-low')).toBe(false);
  });

  it('raises what a kiosk arrives with at its first heartbeat', () => {
    const fleet = new FleetHarness();
    const notices = fleet.heartbeat('new', healthy({ paperDaysLeft: 1 }));
    expect(alarmLines(notices)).toEqual(['raised paper-low']);
    expect(statusLines(notices)).toEqual(['-→degraded']);
  });

  it('keeps a health alarm open while the kiosk is silent: silence is not a refill', () => {
    const fleet = new FleetHarness();
    fleet.heartbeat('k1', healthy({ paperDaysLeft: 1 }));
    const silent = fleet.silence(HOUR);
    expect(alarmLines(silent)).toEqual(['raised offline']);
    expect(statusLines(silent)).toEqual(['degraded→offline']);
    // Back, still low: only offline recovers, and the kiosk is degraded again, not online.
    const back = fleet.heartbeat('k1', healthy({ paperDaysLeft: 1 }));
    expect(alarmLines(back)).toEqual(['recovered offline']);
    expect(statusLines(back)).toEqual(['offline→degraded']);
  });
});
