import { describe, expect, it } from 'vitest';
import { acknowledge } from './acknowledge';
import { AlarmConfig } from './config';
import { openAlarms } from './open-alarms';
import { alarmLines, FleetHarness, healthy, MINUTE, SECOND, T0 } from './testing/fleet-harness';

/** A kiosk on a bad line: heartbeats every 20 s, offline after 60 s, back at 120 s; 2 changes per cycle. */
function bounce(fleet: FleetHarness, cycles: number): void {
  for (let cycle = 0; cycle < cycles; cycle += 1) {
    fleet.heartbeat('k1', healthy(), 20);
    fleet.silence(2 * MINUTE);
  }
}

const printerFault = healthy({ devices: [{ device: 'printer', status: 'userError', action: 'clear' }] });

describe('flapping', () => {
  it('collapses 10 offline/online changes in 10 minutes into one flapping alarm and one end notice', () => {
    const fleet = new FleetHarness();
    bounce(fleet, 5);
    fleet.heartbeat('k1', healthy(), 20); // the 10th change: back online
    const lastChange = fleet.now;
    expect(lastChange - T0).toBe(10 * MINUTE);
    // Until the sixth change nobody can tell a flap from two outages, so those notify as usual.
    expect(alarmLines(fleet.all)).toEqual([
      'raised offline',
      'recovered offline',
      'raised offline',
      'recovered offline',
      'raised offline',
      'flapping-started offline',
    ]);
    expect(openAlarms(fleet.state)).toMatchObject([
      { key: 'k1/offline', flapping: true, raisedAt: T0 + 4 * MINUTE + MINUTE },
    ]);

    // Stable from here: nothing until the kiosk has been still for the whole window.
    const stable = fleet.steady('k1', 30 * MINUTE - 20 * SECOND, 20);
    expect(alarmLines(stable)).toEqual([]);
    const end = fleet.steady('k1', MINUTE, 20);
    expect(alarmLines(end)).toEqual(['flapping-ended offline']);
    expect(end.find((notice) => notice.kind === 'flapping-ended')).toMatchObject({
      stillActive: false,
      at: lastChange + 30 * MINUTE,
    });
    expect(openAlarms(fleet.state)).toEqual([]);
    // The episode ends when the kiosk really came back, not when we declared it still.
    expect(fleet.state.kiosks['k1']?.history.episodes.at(-1)).toEqual({
      ruleId: 'offline',
      raisedAt: T0 + 5 * MINUTE,
      clearedAt: lastChange,
    });
  });

  it('collapses sooner with a lower threshold', () => {
    const config = AlarmConfig.parse({ flapping: { moreThanChanges: 2, withinMinutes: 15 } });
    const fleet = new FleetHarness(config);
    bounce(fleet, 5);
    fleet.heartbeat('k1', healthy(), 20);
    fleet.steady('k1', 16 * MINUTE, 20);
    expect(alarmLines(fleet.all)).toEqual([
      'raised offline',
      'recovered offline',
      'flapping-started offline',
      'flapping-ended offline',
    ]);
  });

  it('stays one alarm for as long as the flapping goes on', () => {
    const fleet = new FleetHarness();
    bounce(fleet, 40); // 80 minutes of it
    expect(alarmLines(fleet.all).filter((line) => line.startsWith('flapping'))).toEqual(['flapping-started offline']);
    expect(openAlarms(fleet.state)).toHaveLength(1);
  });

  it('leaves an ordinary open alarm when the condition settles in the bad state, then recovers once', () => {
    const fleet = new FleetHarness();
    for (let flip = 0; flip < 6; flip += 1)
      fleet.advance(MINUTE).heartbeat('k1', flip % 2 === 0 ? printerFault : healthy());
    expect(alarmLines(fleet.all).at(-1)).toBe('flapping-started device-fault:printer');
    fleet.advance(MINUTE).heartbeat('k1', printerFault);
    const settled = fleet.steady('k1', 40 * MINUTE, 60, printerFault);
    expect(alarmLines(settled)).toEqual(['flapping-ended device-fault:printer']);
    expect(settled.find((notice) => notice.kind === 'flapping-ended')).toMatchObject({ stillActive: true });
    expect(openAlarms(fleet.state)).toMatchObject([{ ruleId: 'device-fault:printer', flapping: false }]);
    expect(alarmLines(fleet.steady('k1', 10 * MINUTE))).toEqual(['recovered device-fault:printer']);
  });

  it('keeps an acknowledgement when an open alarm turns into a flapping one and back into an ordinary one', () => {
    const fleet = new FleetHarness();
    // Changes 1 to 5: raised, recovered, raised, recovered, raised; the last one is acknowledged.
    for (let change = 1; change <= 5; change += 1)
      fleet.advance(MINUTE).heartbeat('k1', change % 2 === 1 ? printerFault : healthy());
    const acked = acknowledge(
      fleet.state,
      { kioskId: 'k1', ruleId: 'device-fault:printer', by: 'wang.tech' },
      new Date(fleet.now),
    );
    if (!acked.ok) throw new Error('acknowledge refused');
    fleet.state = acked.value.state;
    fleet.advance(MINUTE).heartbeat('k1'); // change 6: flapping
    fleet.advance(MINUTE).heartbeat('k1', printerFault); // and settles faulty
    expect(openAlarms(fleet.state)).toMatchObject([
      { flapping: true, acknowledged: { by: 'wang.tech', at: T0 + 5 * MINUTE } },
    ]);
    fleet.steady('k1', 31 * MINUTE, 60, printerFault);
    expect(openAlarms(fleet.state)).toMatchObject([{ flapping: false, acknowledged: { by: 'wang.tech' } }]);
  });

  it('counts only the changes inside the window', () => {
    const fleet = new FleetHarness();
    // A change every 10 minutes: at most 3 within any 30 minutes, however long it goes on.
    for (let change = 1; change <= 6; change += 1)
      fleet.steady('k1', 10 * MINUTE, 60, change % 2 === 1 ? printerFault : healthy());
    const flapping = () => alarmLines(fleet.all).filter((line) => line.startsWith('flapping'));
    expect(flapping()).toEqual([]);
    // Three quick changes on top make 5 within the window (minutes 40, 50, 60, 61, 62): not more than 5.
    fleet.heartbeat('k1', printerFault);
    fleet.advance(MINUTE).heartbeat('k1', healthy());
    fleet.advance(MINUTE).heartbeat('k1', printerFault);
    expect(flapping()).toEqual([]);
    fleet.advance(MINUTE).heartbeat('k1', healthy());
    expect(flapping()).toEqual(['flapping-started device-fault:printer']);
  });
});
