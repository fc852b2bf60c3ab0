import { afterEach, describe, expect, it } from 'vitest';
import type { SqlDb, SqlQueries } from '../db/sql';
import { listAlarmRows, recentTimeline } from '../store/fleet-alarms';
import { registerTerminal } from '../store/terminals';
import { heartbeatBody } from '../testing/bodies';
import { createTestPlatform, manualClock, type TestPlatform } from '../testing/harness';
import { evaluateHeartbeat, kioskRecord, tickFleet, type FleetMonitorDeps } from './fleet-monitor';
import { DEFAULT_FLEET_SETTINGS } from './settings';

/**
 * Two platform instances tick the alarm engine over one database at the same moment (each with
 * its own connection pool on PostgreSQL: TestDatabase.openSecond). Every overdue kiosk's alarm is
 * raised once, its notice (the timeline line) delivered once, and recovered once when the
 * kiosk's heartbeat reaches both instances at once.
 */

let platform: TestPlatform;
afterEach(() => platform.close());

const clock = manualClock('2026-03-02T10:00:00+08:00');
const KIOSKS = Array.from({ length: 8 }, (_, n) => `kiosk-overdue-${n}`);
/** A kiosk with nothing to complain about: only silence can raise an alarm. */
function healthy() {
  const body = heartbeatBody();
  return heartbeatBody({
    devices: body.devices.map((device) => ({ ...device, action: 'none', status: 'online', code: 'ok', warnings: [] })),
    paper: null,
  });
}
const deps = (db: SqlQueries): FleetMonitorDeps => ({ db, fleet: DEFAULT_FLEET_SETTINGS, log: () => undefined });

async function twoInstances(): Promise<[SqlDb, SqlDb]> {
  clock.set('2026-03-02T10:00:00+08:00');
  platform = await createTestPlatform({ now: clock.now });
  const second = await platform.database.openSecond();
  for (const [n, id] of KIOSKS.entries()) {
    const token = `token-of-${id}-${'x'.repeat(16)}`;
    const registered = await registerTerminal(platform.sql, { id, token, stationId: `station-${n % 3}` }, clock.now());
    expect(registered.ok).toBe(true);
    await evaluateHeartbeat(deps(platform.sql), id, healthy(), clock.now());
  }
  return [platform.sql, second];
}

/** Every alarm-change and state-change line of the kiosk's timeline, oldest first. */
async function lines(terminalId: string): Promise<string[]> {
  return (await recentTimeline(platform.sql, terminalId, 100))
    .reverse()
    .map((entry) =>
      entry.kind === 'alarm'
        ? `${entry.change} ${entry.rule}`
        : entry.kind === 'state'
          ? `${entry.from}→${entry.to}`
          : entry.kind,
    );
}

describe('two instances ticking one database', () => {
  it('raises each overdue kiosk’s offline alarm once and delivers its notice once, however many ticks run at once', async () => {
    const [a, b] = await twoInstances();
    clock.set('2026-03-02T10:05:00+08:00');
    // Four ticks at once, two on each instance, at slightly different instants (clocks differ).
    await Promise.all([
      tickFleet(deps(a), clock.now()),
      tickFleet(deps(b), clock.now()),
      tickFleet(deps(a), new Date(clock.now().getTime() + 700)),
      tickFleet(deps(b), new Date(clock.now().getTime() + 1_300)),
    ]);
    const open = await listAlarmRows(platform.sql, { openOnly: true, limit: 100 });
    expect(open.map((alarm) => [alarm.terminalId, alarm.rule, alarm.raisedAt]).sort()).toEqual(
      KIOSKS.map((id) => [id, 'offline', '2026-03-02T02:03:00.000Z']),
    );
    for (const id of KIOSKS) {
      expect(await lines(id)).toEqual(['null→online', 'raised offline', 'online→offline']);
      expect((await kioskRecord(platform.sql, id))?.state.status).toBe('offline');
    }
  });

  it('recovers each alarm once when the kiosk’s heartbeat reaches both instances at once, while both tick', async () => {
    const [a, b] = await twoInstances();
    clock.set('2026-03-02T10:05:00+08:00');
    await tickFleet(deps(a), clock.now());
    clock.set('2026-03-02T10:06:00+08:00');
    await Promise.all([
      ...KIOSKS.flatMap((id) => [
        a.transaction((tx) => evaluateHeartbeat(deps(tx), id, healthy(), clock.now())),
        b.transaction((tx) => evaluateHeartbeat(deps(tx), id, healthy(), clock.now())),
      ]),
      tickFleet(deps(a), clock.now()),
      tickFleet(deps(b), clock.now()),
    ]);
    expect(await listAlarmRows(platform.sql, { openOnly: true, limit: 100 })).toEqual([]);
    const all = await listAlarmRows(platform.sql, { limit: 100 });
    expect(all.map((alarm) => alarm.recoveredAt)).toEqual(KIOSKS.map(() => '2026-03-02T02:06:00.000Z'));
    for (const id of KIOSKS) {
      expect(await lines(id)).toEqual([
        'null→online',
        'raised offline',
        'online→offline',
        'recovered offline',
        'offline→online',
      ]);
    }
  });
});
