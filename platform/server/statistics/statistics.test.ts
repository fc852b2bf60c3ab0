import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instantAt } from '../../contract/china-time';
import type { SqlDb } from '../db/sql';
import { ephemeralSealer } from '../sealing/sealer';
import { openTestDatabase, type TestDatabase } from '../testing/test-database';
import { statisticsReport } from './report';
import { resolveScope } from './scope';
import { index64, seeder } from './testing/seed';
import { consoleUser } from './testing/users';

/**
 * Every figure of the statistics against values worked out by hand from a small seeded day pair
 * (2026-03-01 and 02, China time) at two stations, plus what lies just outside the range. The
 * same expectations on both engines (testing/test-database.ts picks the engine).
 */

const county = consoleUser('countyAdmin', { kind: 'county' });
const at = (day: string, hour: number, minute = 0, second = 0) =>
  new Date(instantAt(day, hour * 60 + minute).getTime() + second * 1000).toISOString();
const NOW = new Date(instantAt('2026-03-03', 0));

let database: TestDatabase;
let db: SqlDb;

beforeEach(async () => {
  const sealer = ephemeralSealer();
  database = await openTestDatabase(sealer);
  db = database.db;
  const seed = seeder(db, sealer);
  await seed.terminal('k1', 'station-1');
  await seed.terminal('k2', 'station-2');
  const app = (caseNo: string, day: string, seq: number, stationId: string, person: string, matterCode = 'M-000001') =>
    seed.application({
      caseNo,
      day,
      seq,
      terminalId: stationId === 'station-1' ? 'k1' : 'k2',
      stationId,
      matterCode,
      applicantIndex: index64(person),
      acceptedAt: at(day, 9),
    });
  await app('C1', '2026-03-01', 1, 'station-1', 'P1');
  await app('C2', '2026-03-01', 2, 'station-1', 'P1', 'M-000002');
  await app('C3', '2026-03-01', 3, 'station-1', 'P2');
  await app('C4', '2026-03-03', 1, 'station-1', 'P9'); // the day after the range
  await app('C5', '2026-03-02', 1, 'station-2', 'P1');

  // Station 1, 1 March: ten tickets called after 60, 120 … 600 s; the first seven served for
  // 100 … 700 s, the next two no-shows, the last still at the window; two more never called.
  for (let i = 1; i <= 12; i += 1) {
    const issuedAt = at('2026-03-01', 9);
    const called = i <= 10 ? at('2026-03-01', 9, 0, i * 60) : undefined;
    const served = i <= 7;
    await seed.ticket({
      ticketId: `T${i}`,
      day: '2026-03-01',
      seq: i,
      terminalId: 'k1',
      stationId: 'station-1',
      number: i,
      issuedAt,
      status: served ? 'finished' : i <= 9 ? 'noShow' : i === 10 ? 'called' : 'waiting',
      firstCalledAt: called,
      startedAt: served ? at('2026-03-01', 10) : undefined,
      finishedAt: served ? at('2026-03-01', 10, 0, i * 100) : undefined,
      noShowAt: i === 8 || i === 9 ? at('2026-03-01', 10) : undefined,
    });
  }

  for (const [index, level] of [5, 5, 4, 3, 2, 1].entries())
    await seed.rating({
      ratingId: `R${index + 1}`,
      day: '2026-03-01',
      seq: index + 1,
      terminalId: 'k1',
      stationId: 'station-1',
      level,
      subjectKind: 'ticket',
      subjectRef: `T${index + 1}`,
      at: at('2026-03-01', 11),
    });
  await seed.workOrder({ workOrderNo: 'WO1', day: '2026-03-01', seq: 1, ratingId: 'R5', followUpBy: '2026-03-20' });
  await seed.workOrder({
    workOrderNo: 'WO2',
    day: '2026-03-01',
    seq: 2,
    ratingId: 'R6',
    followUpBy: '2026-03-20',
    callbackAt: at('2026-03-02', 9),
    satisfied: true,
  });

  await seed.help({
    requestId: 'H1',
    day: '2026-03-01',
    seq: 1,
    terminalId: 'k1',
    stationId: 'station-1',
    kind: 'callback',
    receivedAt: at('2026-03-01', 8),
    completedAt: at('2026-03-01', 10),
    requesterIndex: index64('P3'),
  });
  await seed.help({
    requestId: 'H2',
    day: '2026-03-02',
    seq: 1,
    terminalId: 'k1',
    stationId: 'station-1',
    kind: 'homeVisit',
    receivedAt: at('2026-03-02', 8),
    completedAt: at('2026-03-03', 8),
  });
  await seed.help({
    requestId: 'H3',
    day: '2026-03-02',
    seq: 2,
    terminalId: 'k1',
    stationId: 'station-1',
    kind: 'agentAtStation',
    receivedAt: at('2026-03-02', 9),
  });

  // Kiosk k1 online from the start of 1 March, offline 12:00–18:00 that day: 42 h of 48 up.
  const history = {
    statusChanges: [
      { at: instantAt('2026-03-01', 0).getTime(), status: 'online' },
      { at: instantAt('2026-03-01', 12 * 60).getTime(), status: 'offline' },
      { at: instantAt('2026-03-01', 18 * 60).getTime(), status: 'online' },
    ],
    episodes: [],
  };
  await db.run('INSERT INTO fleet_kiosk_state (terminal_id, evaluated_at, record) VALUES (?, 0, ?)', [
    'k1',
    JSON.stringify({ kioskId: 'k1', history }),
  ]);
});
afterEach(() => database.close());

async function report(user = county, query: { station?: string; township?: string; from: string; to: string }) {
  const scope = await resolveScope(db, user, query);
  if (!scope.ok) throw new Error(scope.error.detail);
  return statisticsReport(db, scope.value, NOW);
}

describe('statistics of a range', () => {
  it('counts every figure of the county as worked out by hand', async () => {
    const { totals, applicationsByMatter, applicationsByState, helpByKind } = await report(county, {
      from: '2026-03-01',
      to: '2026-03-02',
    });
    expect(totals).toEqual({
      // P1, P2 (applicants), P3 (a signed-in help request) + 7 finished tickets + 1 anonymous help request.
      residentsServed: 11,
      applications: 4,
      ticketsIssued: 12,
      ticketsCalled: 10,
      ticketsNoShow: 2,
      ticketsFinished: 7,
      waiting: { measured: 10, averageSeconds: 330, p90Seconds: 540 },
      service: { measured: 7, averageSeconds: 400, p90Seconds: 700 },
      ratings: 6,
      ratingsByLevel: [1, 1, 1, 1, 2],
      satisfactionRate: 0.5,
      badRatings: 2,
      calledBack: 1,
      callbackRate: 0.5,
      helpRequests: 3,
      helpCompleted: 2,
      helpCompletion: { measured: 2, averageSeconds: 46_800, p90Seconds: 86_400 },
      kioskUptime: 42 / 48,
    });
    expect(applicationsByMatter).toEqual([
      { matterCode: 'M-000001', matterName: 'M-000001', count: 3 },
      { matterCode: 'M-000002', matterName: 'M-000002', count: 1 },
    ]);
    expect(applicationsByState).toContainEqual({ state: 'completed', count: 4 });
    expect(helpByKind).toEqual([
      { kind: 'callback', received: 1, completed: 1 },
      { kind: 'homeVisit', received: 1, completed: 1 },
      { kind: 'agentAtStation', received: 1, completed: 0 },
      { kind: 'video', received: 0, completed: 0 },
    ]);
  });

  it('gives a series with every day of the range and a row per station', async () => {
    const { days, stations } = await report(county, { from: '2026-03-01', to: '2026-03-02' });
    expect(days).toEqual([
      {
        day: '2026-03-01',
        applications: 3,
        ticketsIssued: 12,
        ticketsCalled: 10,
        ticketsNoShow: 2,
        ratings: 6,
        helpRequests: 1,
      },
      {
        day: '2026-03-02',
        applications: 1,
        ticketsIssued: 0,
        ticketsCalled: 0,
        ticketsNoShow: 0,
        ratings: 0,
        helpRequests: 2,
      },
    ]);
    expect(stations.map((station) => [station.stationId, station.applications, station.residentsServed])).toEqual([
      ['station-1', 3, 11],
      ['station-2', 1, 1],
    ]);
    expect(stations[1]?.waiting).toEqual({ measured: 0, averageSeconds: null, p90Seconds: null });
    expect(stations[1]?.kioskUptime).toBeNull();
  });

  it('answers zeros and nulls for a range with nothing in it', async () => {
    const { totals, days, applicationsByMatter } = await report(county, { from: '2025-01-01', to: '2025-01-03' });
    expect(days).toHaveLength(3);
    expect(days.every((day) => day.applications === 0 && day.ticketsIssued === 0)).toBe(true);
    expect(applicationsByMatter).toEqual([]);
    expect(totals.residentsServed).toBe(0);
    expect(totals.waiting).toEqual({ measured: 0, averageSeconds: null, p90Seconds: null });
    expect(totals.satisfactionRate).toBeNull();
    expect(totals.callbackRate).toBeNull();
    expect(totals.kioskUptime).toBeNull();
  });

  it('keeps station staff to their own station, and a range to a year', async () => {
    const staff = consoleUser('stationStaff', { kind: 'station', stationId: 'station-2' });
    expect((await report(staff, { from: '2026-03-01', to: '2026-03-02' })).totals.applications).toBe(1);
    expect(await resolveScope(db, staff, { station: 'station-1', from: '2026-03-01', to: '2026-03-02' })).toMatchObject(
      {
        ok: false,
        error: { kind: 'notFound' },
      },
    );
    expect(
      await resolveScope(db, staff, { township: '370784107', from: '2026-03-01', to: '2026-03-02' }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'notFound' },
    });
    expect(await resolveScope(db, county, { from: '2025-01-01', to: '2026-01-02' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    expect(await resolveScope(db, county, { from: '2026-03-02', to: '2026-03-01' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    });
    expect((await resolveScope(db, county, { from: '2024-01-01', to: '2024-12-31' })).ok).toBe(true);
  });

  it('gives a township admin its own township only', async () => {
    const township = consoleUser('townshipAdmin', { kind: 'township', townshipCode: '000000000' });
    expect((await report(township, { from: '2026-03-01', to: '2026-03-02' })).totals.applications).toBe(4);
    const other = consoleUser('townshipAdmin', { kind: 'township', townshipCode: '370784107' });
    expect((await report(other, { from: '2026-03-01', to: '2026-03-02' })).totals.applications).toBe(0);
    expect((await resolveScope(db, other, { station: 'station-1', from: '2026-03-01', to: '2026-03-02' })).ok).toBe(
      false,
    );
  });
});
