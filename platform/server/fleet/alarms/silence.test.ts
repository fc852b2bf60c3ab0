import { describe, expect, it } from 'vitest';
import { DEFAULT_ALARM_CONFIG } from './config';
import { evaluate, nextDeadline } from './engine';
import { emptyFleetState } from './state';
import { alarmLines, DAY, FleetHarness, healthy, MINUTE, SECOND, statusLines, T0 } from './testing/fleet-harness';

describe('a kiosk falling silent', () => {
  it('is offline after 3 missed heartbeats and not after 2', () => {
    const fleet = new FleetHarness();
    expect(statusLines(fleet.heartbeat('k1'))).toEqual(['-→online']);
    // Two intervals and a bit: a slow network, not a lost kiosk.
    expect(fleet.silence(2 * MINUTE + 59 * SECOND, SECOND)).toEqual([]);
    expect(fleet.state.kiosks['k1']?.state.status).toBe('online');
    const notices = fleet.silence(SECOND);
    expect(alarmLines(notices)).toEqual(['raised offline']);
    expect(notices[0]).toMatchObject({ key: 'k1/offline', severity: 'major', at: T0 + 3 * MINUTE });
    expect(statusLines(notices)).toEqual(['online→offline']);
  });

  it('uses the interval the kiosk says it heartbeats at', () => {
    const fleet = new FleetHarness();
    fleet.heartbeat('fast', healthy(), 20);
    expect(fleet.silence(59 * SECOND, SECOND)).toEqual([]);
    expect(alarmLines(fleet.silence(SECOND))).toEqual(['raised offline']);
  });

  it('dates the alarm at its deadline however late the tick comes', () => {
    const fleet = new FleetHarness();
    fleet.heartbeat('k1');
    const notices = fleet.advance(17 * MINUTE).tick();
    expect(notices.find((notice) => notice.kind === 'raised')?.at).toBe(T0 + 3 * MINUTE);
    expect(fleet.state.kiosks['k1']?.state).toEqual({ status: 'offline', since: T0 + 3 * MINUTE, lastHeartbeatAt: T0 });
  });

  it('is missing after 7 days of silence, and not a moment before', () => {
    const fleet = new FleetHarness();
    fleet.heartbeat('k1');
    fleet.advance(7 * DAY - 1).tick();
    expect(fleet.state.kiosks['k1']?.state.status).toBe('offline');
    const notices = fleet.advance(1).tick();
    expect(alarmLines(notices)).toEqual(['raised missing']);
    expect(notices[0]).toMatchObject({ key: 'k1/missing', severity: 'critical', at: T0 + 7 * DAY });
    expect(statusLines(notices)).toEqual(['offline→missing']);
  });

  it('sends one recovered notice when heartbeats resume, and nothing more while they continue', () => {
    const fleet = new FleetHarness();
    fleet.heartbeat('k1');
    const whileSilent = fleet.silence(30 * MINUTE);
    expect(alarmLines(whileSilent)).toEqual(['raised offline']);
    const back = fleet.heartbeat('k1');
    expect(alarmLines(back)).toEqual(['recovered offline']);
    expect(back[0]).toMatchObject({ at: T0 + 30 * MINUTE, raisedAt: T0 + 3 * MINUTE });
    expect(statusLines(back)).toEqual(['offline→online']);
    expect(fleet.steady('k1', 2 * 60 * MINUTE)).toEqual([]);
  });

  it('recovers both the missing and the offline alarm when a missing kiosk comes back, straight to online', () => {
    const fleet = new FleetHarness();
    fleet.heartbeat('k1');
    fleet.advance(8 * DAY).tick();
    const back = fleet.heartbeat('k1');
    expect(alarmLines(back)).toEqual(['recovered offline', 'recovered missing']);
    expect(statusLines(back)).toEqual(['missing→online']);
  });

  it('catches up on an outage no tick saw: raised at the deadline, recovered at the heartbeat', () => {
    const fleet = new FleetHarness();
    fleet.heartbeat('k1');
    const notices = fleet.advance(10 * MINUTE).heartbeat('k1');
    expect(alarmLines(notices)).toEqual(['raised offline', 'recovered offline']);
    expect(notices.map((notice) => notice.at)).toEqual([
      T0 + 3 * MINUTE,
      T0 + 3 * MINUTE,
      T0 + 10 * MINUTE,
      T0 + 10 * MINUTE,
    ]);
  });

  it('keeps one kiosk silence from touching another', () => {
    const fleet = new FleetHarness();
    fleet.heartbeat('quiet');
    const notices = fleet.steady('chatty', 10 * MINUTE);
    expect(notices.filter((notice) => notice.kioskId === 'chatty').map((notice) => notice.kind)).toEqual([
      'status-changed',
    ]);
    expect(alarmLines(notices)).toEqual(['raised offline']);
    expect(notices.find((notice) => notice.kind === 'raised')?.kioskId).toBe('quiet');
  });

  it('says when the next tick would change something', () => {
    const fleet = new FleetHarness();
    expect(nextDeadline(fleet.state, fleet.config)).toBeNull();
    fleet.heartbeat('k1');
    expect(nextDeadline(fleet.state, fleet.config)).toBe(T0 + 3 * MINUTE);
    fleet.advance(5 * MINUTE).tick();
    expect(nextDeadline(fleet.state, fleet.config)).toBe(T0 + 7 * DAY);
  });
});

describe('evaluate refuses', () => {
  const config = DEFAULT_ALARM_CONFIG;

  it('a fact that is not one, naming the field', () => {
    const result = evaluate(emptyFleetState(), { kind: 'heartbeat', kioskId: 'k1', health: {} }, new Date(T0), config);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalidFact');
    expect(result.error).toMatchObject({
      problems: expect.arrayContaining([expect.stringMatching(/^health\.devices: /)]),
    });
  });

  it('a clock that went back further than the skew instances may have, and absorbs a smaller one', () => {
    const first = evaluate(
      emptyFleetState(),
      { kind: 'heartbeat', kioskId: 'k1', health: healthy() },
      new Date(T0),
      config,
    );
    if (!first.ok) throw new Error('first heartbeat refused');
    const far = evaluate(first.value.state, { kind: 'tick' }, new Date(T0 - 6 * SECOND), config);
    expect(far).toEqual({ ok: false, error: { code: 'clockWentBack', now: T0 - 6 * SECOND, evaluatedAt: T0 } });
    const near = evaluate(first.value.state, { kind: 'tick' }, new Date(T0 - 4 * SECOND), config);
    expect(near.ok && near.value.state.evaluatedAt).toBe(T0);
  });
});
