import { describe, expect, it } from 'vitest';
import { acknowledge } from './acknowledge';
import { openAlarms } from './open-alarms';
import { alarmLines, FleetHarness, healthy, MINUTE, T0 } from './testing/fleet-harness';

function offlineFleet(): FleetHarness {
  const fleet = new FleetHarness();
  fleet.heartbeat('k1');
  fleet.silence(5 * MINUTE);
  return fleet;
}

describe('acknowledging an alarm', () => {
  it('records who and when, tells the audit log, and leaves the alarm open', () => {
    const fleet = offlineFleet();
    const before = structuredClone(fleet.state);
    const result = acknowledge(
      fleet.state,
      { kioskId: 'k1', ruleId: 'offline', by: 'li.admin', note: 'on my way' },
      new Date(fleet.now),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.notice).toEqual({
      kind: 'acknowledged',
      key: 'k1/offline',
      kioskId: 'k1',
      ruleId: 'offline',
      severity: 'major',
      at: T0 + 5 * MINUTE,
      raisedAt: T0 + 3 * MINUTE,
      by: 'li.admin',
      note: 'on my way',
    });
    expect(openAlarms(result.value.state)).toMatchObject([
      { key: 'k1/offline', acknowledged: { by: 'li.admin', at: T0 + 5 * MINUTE, note: 'on my way' } },
    ]);
    expect(fleet.state).toEqual(before); // pure: the old state is untouched
  });

  it('refuses a second acknowledgement, naming the first', () => {
    const fleet = offlineFleet();
    const first = acknowledge(fleet.state, { kioskId: 'k1', ruleId: 'offline', by: 'li.admin' }, new Date(fleet.now));
    if (!first.ok) throw new Error('first acknowledgement refused');
    const second = acknowledge(
      first.value.state,
      { kioskId: 'k1', ruleId: 'offline', by: 'zhao.tech' },
      new Date(fleet.now + MINUTE),
    );
    expect(second).toEqual({
      ok: false,
      error: { code: 'alreadyAcknowledged', acknowledged: { by: 'li.admin', at: T0 + 5 * MINUTE } },
    });
  });

  it('refuses an alarm that is not open, an unknown kiosk and a nameless owner', () => {
    const fleet = offlineFleet();
    const now = new Date(fleet.now);
    expect(acknowledge(fleet.state, { kioskId: 'k1', ruleId: 'paper-low', by: 'li' }, now)).toEqual({
      ok: false,
      error: { code: 'noOpenAlarm', kioskId: 'k1', ruleId: 'paper-low' },
    });
    expect(acknowledge(fleet.state, { kioskId: 'k9', ruleId: 'offline', by: 'li' }, now)).toMatchObject({
      ok: false,
      error: { code: 'noOpenAlarm' },
    });
    expect(acknowledge(fleet.state, { kioskId: 'k1', ruleId: 'offline', by: '  ' }, now)).toMatchObject({
      ok: false,
      error: { code: 'invalidAcknowledgement' },
    });
  });

  it('ends with the alarm: the next raise of the rule needs a new acknowledgement', () => {
    const fleet = offlineFleet();
    const acked = acknowledge(fleet.state, { kioskId: 'k1', ruleId: 'offline', by: 'li.admin' }, new Date(fleet.now));
    if (!acked.ok) throw new Error('acknowledgement refused');
    fleet.state = acked.value.state;
    expect(alarmLines(fleet.heartbeat('k1', healthy()))).toEqual(['recovered offline']);
    fleet.silence(5 * MINUTE);
    expect(openAlarms(fleet.state)).toMatchObject([{ key: 'k1/offline', acknowledged: null }]);
  });
});
