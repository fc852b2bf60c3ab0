import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleUser } from '../../contract/console/users';
import type { ServicePointList } from '../../contract/service-points';
import type { Heartbeat } from '../../contract/terminals';
import { SAMPLE_SERVICE_POINTS } from '../sample/service-points';
import { publishServicePoints } from '../store/reference-data';
import { listAlarmRows, recentTimeline } from '../store/fleet-alarms';
import { heartbeatBody } from '../testing/bodies';
import { conformance, createTestPlatform, KIOSK_1, KIOSK_2, manualClock, type TestPlatform } from '../testing/harness';
import { createFleetConsoleHandlers } from './console';
import { kioskRecord, tickFleet } from './fleet-monitor';
import { DEFAULT_FLEET_SETTINGS } from './settings';

let platform: TestPlatform;
// The OpenAPI checker is loaded once per file (seconds on a busy machine): not in a test's time.
beforeAll(() => void conformance(), 60_000);
afterEach(() => platform.close());
const clock = manualClock('2026-03-02T10:00:00+08:00');
const deps = () => ({ db: platform.sql, fleet: DEFAULT_FLEET_SETTINGS, log: () => undefined });

/** A kiosk with nothing to complain about. */
function healthy(overrides: Partial<Heartbeat> = {}): Heartbeat {
  const body = heartbeatBody();
  return heartbeatBody({
    devices: body.devices.map((device) => ({ ...device, action: 'none', status: 'online', code: 'ok', warnings: [] })),
    paper: null,
    ...overrides,
  });
}
const paperOut = (): Heartbeat => {
  const body = healthy();
  const [printer, ...rest] = body.devices;
  if (!printer) throw new Error('the fixture has a printer');
  return {
    ...body,
    devices: [{ ...printer, status: 'userError', action: 'clear', code: 'paperOut', paper: 'out' }, ...rest],
  };
};

async function beat(terminal = KIOSK_1, body: Heartbeat = healthy()) {
  const response = await platform.request('POST', `/api/v1/terminals/${terminal.id}/heartbeats`, {
    token: terminal.token,
    body,
  });
  expect(response.status).toBe(202);
}

const lines = async (terminalId = KIOSK_1.id) =>
  (await recentTimeline(platform.sql, terminalId, 100))
    .reverse()
    .map((entry) =>
      entry.kind === 'alarm'
        ? `${entry.change} ${entry.rule}`
        : entry.kind === 'state'
          ? `${entry.from}→${entry.to}`
          : entry.kind,
    );

describe('heartbeats through the alarm engine', () => {
  it('raises one device-fault:printer alarm for paper out over many heartbeats, and recovers it once on refill', async () => {
    clock.set('2026-03-02T10:00:00+08:00');
    platform = await createTestPlatform({ now: clock.now });
    await beat();
    for (let minute = 1; minute <= 5; minute += 1) {
      clock.set(new Date(Date.parse('2026-03-02T02:00:00Z') + minute * 60_000).toISOString());
      await beat(KIOSK_1, paperOut());
    }
    const raised = await listAlarmRows(platform.sql, { limit: 10 });
    expect(raised.map((alarm) => [alarm.rule, alarm.severity, alarm.recoveredAt])).toEqual([
      ['device-fault:printer', 'major', null],
    ]);
    expect(raised[0]?.alarmId).toMatch(/^ALM-[0-9]+$/);
    clock.set('2026-03-02T10:07:00+08:00');
    await beat();
    await beat();
    const after = await listAlarmRows(platform.sql, { limit: 10 });
    expect(after).toHaveLength(1);
    expect(after[0]?.recoveredAt).toBe('2026-03-02T02:07:00.000Z');
    expect(await lines()).toEqual([
      'null→online',
      'raised device-fault:printer',
      'online→degraded',
      'recovered device-fault:printer',
      'degraded→online',
    ]);
  });

  it('turns silence into offline after three intervals and missing after seven days, by ticks; one alarm each', async () => {
    clock.set('2026-03-02T10:00:00+08:00');
    platform = await createTestPlatform({ now: clock.now });
    await beat();
    expect(await tickFleet(deps(), clock.now())).toBe(Date.parse('2026-03-02T02:03:00Z'));
    clock.set('2026-03-02T10:02:59+08:00');
    await tickFleet(deps(), clock.now());
    expect((await kioskRecord(platform.sql, KIOSK_1.id))?.state.status).toBe('online');
    clock.set('2026-03-02T10:05:00+08:00');
    await tickFleet(deps(), clock.now());
    await tickFleet(deps(), clock.now());
    expect((await kioskRecord(platform.sql, KIOSK_1.id))?.state.status).toBe('offline');
    clock.set('2026-03-09T10:00:00+08:00');
    await tickFleet(deps(), clock.now());
    expect((await kioskRecord(platform.sql, KIOSK_1.id))?.state.status).toBe('missing');
    const open = await listAlarmRows(platform.sql, { openOnly: true, limit: 10 });
    expect(open.map((alarm) => [alarm.rule, alarm.raisedAt])).toEqual([
      ['missing', '2026-03-09T02:00:00.000Z'],
      ['offline', '2026-03-02T02:03:00.000Z'],
    ]);
    await beat();
    expect(await listAlarmRows(platform.sql, { openOnly: true, limit: 10 })).toEqual([]);
  });
});

describe('console scope', () => {
  const user = (role: ConsoleUser['role'], scope: ConsoleUser['scope']): ConsoleUser => ({
    userId: 'U-2',
    username: 'someone',
    displayName: '某人',
    role,
    scope,
    disabled: false,
    createdAt: '2026-01-01T00:00:00Z',
    lastLoginAt: null,
  });
  const call = (who: ConsoleUser) => ({ user: who, ip: '127.0.0.1', now: clock.now(), body: undefined });

  async function setUp() {
    clock.set('2026-03-02T10:00:00+08:00');
    platform = await createTestPlatform({ now: clock.now });
    // kiosk-1 at a village station of 景芝镇 (370784107), kiosk-2 at station-2 (no service point).
    const withCodes: ServicePointList = {
      ...SAMPLE_SERVICE_POINTS,
      version: '2026.1-codes',
      servicePoints: SAMPLE_SERVICE_POINTS.servicePoints.map((point) =>
        point.id === 'aq-jingzhi-dongjingzhi'
          ? { ...point, regionCode: '370784107201' }
          : point.id === 'aq-jingzhi-centre'
            ? { ...point, regionCode: '370784107' }
            : point,
      ),
    };
    expect((await publishServicePoints(platform.sql, withCodes, clock.now())).ok).toBe(true);
    await platform.sql.run("UPDATE terminals SET station_id = 'aq-jingzhi-dongjingzhi' WHERE terminal_id = ?", [
      KIOSK_1.id,
    ]);
    await beat(KIOSK_1, paperOut());
    await beat(KIOSK_2);
    return createFleetConsoleHandlers({ ...platform, fleet: DEFAULT_FLEET_SETTINGS, log: () => undefined });
  }

  it("lets station staff see their station's kiosk and nothing of another station", async () => {
    const handlers = await setUp();
    const staff = user('stationStaff', { kind: 'station', stationId: 'station-2' });
    const fleet = await handlers.getFleet({ ...call(staff), params: undefined, query: {} });
    expect(fleet.ok && fleet.value.kiosks.map((kiosk) => kiosk.terminalId)).toEqual([KIOSK_2.id]);
    const other = await handlers.getKiosk({ ...call(staff), params: { terminalId: KIOSK_1.id }, query: undefined });
    expect(other).toMatchObject({ ok: false, error: { kind: 'notFound' } });
    const alarms = await handlers.listAlarms({ ...call(staff), params: undefined, query: {} });
    expect(alarms.ok && alarms.value.alarms).toEqual([]);
    const command = await handlers.issueCommand({
      ...call(staff),
      params: { terminalId: KIOSK_1.id },
      query: undefined,
      body: { kind: 'restartApp' },
    });
    expect(command).toMatchObject({ ok: false, error: { kind: 'notFound' } });
  });

  it('lets a township admin see its township and not another', async () => {
    const handlers = await setUp();
    const jingzhi = user('townshipAdmin', { kind: 'township', townshipCode: '370784107' });
    const other = user('townshipAdmin', { kind: 'township', townshipCode: '370784108' });
    const own = await handlers.getKiosk({ ...call(jingzhi), params: { terminalId: KIOSK_1.id }, query: undefined });
    expect(own.ok && own.value.station).toMatchObject({ townshipCode: '370784107', name: '景芝镇东景芝村便民服务站' });
    const fleet = await handlers.getFleet({ ...call(jingzhi), params: undefined, query: {} });
    expect(fleet.ok && fleet.value.townships).toEqual([{ townshipCode: '370784107', name: '景芝镇便民服务中心' }]);
    expect(own.ok && own.value.summary).toMatchObject({ state: 'degraded', problems: ['device-fault:printer'] });
    const foreign = await handlers.getKiosk({ ...call(other), params: { terminalId: KIOSK_1.id }, query: undefined });
    expect(foreign).toMatchObject({ ok: false, error: { kind: 'notFound' } });
    const [alarm] = await listAlarmRows(platform.sql, { limit: 1 });
    if (!alarm) throw new Error('paper out raised an alarm');
    const stolen = await handlers.acknowledgeAlarm({
      ...call(other),
      params: { alarmId: alarm.alarmId },
      query: undefined,
      body: {},
    });
    expect(stolen).toMatchObject({ ok: false, error: { kind: 'notFound' } });
    const owned = await handlers.acknowledgeAlarm({
      ...call(jingzhi),
      params: { alarmId: alarm.alarmId },
      query: undefined,
      body: { note: '已派人送纸' },
    });
    expect(owned).toMatchObject({ ok: true, value: { acknowledged: { by: 'someone', note: '已派人送纸' } } });
  });

  it('lets county admins and technicians see every kiosk, with counts by state', async () => {
    const handlers = await setUp();
    for (const who of [user('countyAdmin', { kind: 'county' }), user('technician', { kind: 'county' })]) {
      const fleet = await handlers.getFleet({ ...call(who), params: undefined, query: {} });
      expect(fleet.ok && fleet.value.counts).toEqual({ online: 1, degraded: 1, offline: 0, missing: 0, pending: 0 });
    }
  });
});
