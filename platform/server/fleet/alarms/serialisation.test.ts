import { describe, expect, it } from 'vitest';
import { evaluate } from './engine';
import { pruneHistory } from './history';
import { DAY, FleetHarness, healthy, HOUR, MINUTE, T0 } from './testing/fleet-harness';

describe('the stored state', () => {
  it('survives JSON (as the database stores it) and goes on exactly as the original', () => {
    const fleet = new FleetHarness();
    fleet.heartbeat('k1', healthy({ paperDaysLeft: 1 }));
    fleet.heartbeat('k2');
    fleet.silence(10 * MINUTE);
    const stored = JSON.parse(JSON.stringify(fleet.state)) as typeof fleet.state;
    expect(stored).toEqual(fleet.state);
    const at = new Date(fleet.now + HOUR);
    const fact = { kind: 'heartbeat', kioskId: 'k1', health: healthy() };
    expect(evaluate(stored, fact, at, fleet.config)).toEqual(evaluate(fleet.state, fact, at, fleet.config));
  });

  it('forgets history before a time but keeps the status the kiosk had then', () => {
    const fleet = new FleetHarness();
    fleet.heartbeat('k1');
    fleet.advance(10 * MINUTE).tick();
    fleet.heartbeat('k1');
    fleet.advance(40 * DAY).tick();
    const pruned = pruneHistory(fleet.state, T0 + DAY);
    expect(pruned.kiosks['k1']?.history).toEqual({
      // Before: online at T0, offline at 3 min, online at 10 min, offline at 13 min, then missing.
      statusChanges: [
        { at: T0 + DAY, status: 'offline' },
        { at: T0 + 10 * MINUTE + 7 * DAY, status: 'missing' },
      ],
      episodes: [],
    });
    expect(fleet.state.kiosks['k1']?.history.statusChanges).toHaveLength(5);
  });
});
