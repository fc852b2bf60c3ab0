import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatisticsReport, type VideoCallFigures } from '../../contract/console/statistics-views';
import type { ConsoleUser } from '../../contract/console/users';
import type { SqlDb } from '../db/sql';
import { ephemeralSealer } from '../sealing/sealer';
import { openTestDatabase, type TestDatabase } from '../testing/test-database';
import { statisticsReport } from './report';
import { resolveScope } from './scope';
import { consoleUser } from './testing/users';
import { D1, D2, NOW, seedVideoCalls, STATION_1, STATION_2, TOWNSHIP_1, TOWNSHIP_2 } from './testing/video-calls';

/**
 * The 视频帮办 figures of the statistics page against values worked out by hand from the calls in
 * testing/video-calls.ts (eight calls on 1–2 March at two stations in two townships, one on
 * 3 March and one in January outside the range). The same expectations on both engines.
 */

const county = consoleUser('countyAdmin', { kind: 'county' });
const RANGE = { from: D1, to: D2 };

let database: TestDatabase;
let db: SqlDb;

beforeEach(async () => {
  const sealer = ephemeralSealer();
  database = await openTestDatabase(sealer);
  db = database.db;
  await seedVideoCalls(db, sealer);
});
afterEach(() => database.close());

async function report(user: ConsoleUser, query: { station?: string; township?: string; from: string; to: string }) {
  const scope = await resolveScope(db, user, query);
  if (!scope.ok) throw new Error(scope.error.detail);
  const made = await statisticsReport(db, scope.value, NOW);
  // What the console receives must match the contract.
  expect(StatisticsReport.safeParse(made).error).toBeUndefined();
  return made;
}

/** Averages of decimals differ in the last bits between the engines: compared to 9 places. */
const rounded = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(9)) : v)));
function expectFigures(actual: VideoCallFigures | undefined, expected: VideoCallFigures) {
  expect(actual).toBeDefined();
  expect(rounded(actual)).toEqual(rounded(expected));
}

const NOTHING = { measured: 0, averageSeconds: null, medianSeconds: null, p90Seconds: null };

describe('视频帮办 statistics', () => {
  it('counts every figure of the county as worked out by hand', async () => {
    const { videoCalls } = await report(county, RANGE);
    expectFigures(videoCalls.totals, {
      requested: 8,
      answered: 4,
      // Waits 20, 50, 90 (from the timestamps) and 10 s: three within 60 s, of eight requested.
      answeredInTarget: 3,
      answeredInTargetRate: 3 / 8,
      cancelled: 1,
      noAnswer: 1,
      calledBack: 1,
      // Sorted 10, 20, 50, 90: median (20 + 50) / 2, p90 the 4th, average 170 / 4.
      wait: { measured: 4, averageSeconds: 42.5, medianSeconds: 35, p90Seconds: 90 },
      // Sorted 60, 120, 300, 600.
      talk: { measured: 4, averageSeconds: 270, medianSeconds: 210, p90Seconds: 600 },
      // 1, 1.5, 2.5: the middle one; p90 the 3rd.
      setup: { measured: 3, averageSeconds: 5 / 3, medianSeconds: 1.5, p90Seconds: 2.5 },
      audioOnlyRate: 1 / 4,
      qualityMeasured: 3,
      averagePacketLossPct: (1 + 3 + 8) / 3,
      averageRttMs: (100 + 200 + 500) / 3,
      averageKioskInboundKbps: (800 + 600 + 300) / 3,
      averageAgentInboundKbps: (900 + 700 + 200) / 3,
      // host, relay, srflx.
      relayedRate: 1 / 3,
    });
  });

  it('gives every day of the range, the topics most requested first with their theme names, and each station', async () => {
    const { videoCalls, helpByKind } = await report(county, RANGE);
    expect(videoCalls.days).toEqual([
      { day: D1, requested: 4, answered: 3 },
      { day: D2, requested: 4, answered: 1 },
    ]);
    expect(
      videoCalls.byTopic.map((t) => [t.topic, t.topicName, t.requested, t.answered, t.wait.medianSeconds]),
    ).toEqual([
      ['socialSecurity', '社会保障', 4, 3, 50],
      ['civilAffairs', '民政服务', 2, 1, 10],
      ['general', null, 2, 0, null],
    ]);
    const general = videoCalls.byTopic.find((t) => t.topic === 'general');
    expect([general?.noAnswer, general?.calledBack, general?.answeredInTargetRate]).toEqual([1, 1, 0]);

    const station = (id: string) => videoCalls.stations.find((s) => s.stationId === id);
    const { stationId, name, townshipCode, ...second } = station(STATION_2) ?? {
      stationId: '',
      name: '',
      townshipCode: '',
    };
    expect([stationId, name, townshipCode]).toEqual([STATION_2, '官庄镇小庄村便民服务站', TOWNSHIP_2]);
    expectFigures(second as VideoCallFigures, {
      requested: 2,
      answered: 1,
      answeredInTarget: 1,
      answeredInTargetRate: 1 / 2,
      cancelled: 0,
      noAnswer: 0,
      calledBack: 0,
      wait: { measured: 1, averageSeconds: 10, medianSeconds: 10, p90Seconds: 10 },
      talk: { measured: 1, averageSeconds: 60, medianSeconds: 60, p90Seconds: 60 },
      setup: { measured: 1, averageSeconds: 1, medianSeconds: 1, p90Seconds: 1 },
      audioOnlyRate: 0,
      qualityMeasured: 1,
      averagePacketLossPct: 8,
      averageRttMs: 500,
      averageKioskInboundKbps: 300,
      averageAgentInboundKbps: 200,
      relayedRate: 0,
    });
    expect([station(STATION_1)?.requested, station(STATION_1)?.wait.medianSeconds]).toEqual([6, 50]);
    // Every other station of the map is listed with nothing.
    const others = videoCalls.stations.filter((s) => s.stationId !== STATION_1 && s.stationId !== STATION_2);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((s) => s.requested === 0 && s.wait.medianSeconds === null && s.relayedRate === null)).toBe(
      true,
    );
    // The calls' help requests show among help requests by kind: four answered and ended are done.
    expect(helpByKind.find((entry) => entry.kind === 'video')).toEqual({ kind: 'video', received: 8, completed: 4 });
  });

  it('answers zeros and nulls for a range with no calls', async () => {
    const { videoCalls } = await report(county, { from: '2025-01-01', to: '2025-01-03' });
    expectFigures(videoCalls.totals, {
      requested: 0,
      answered: 0,
      answeredInTarget: 0,
      answeredInTargetRate: null,
      cancelled: 0,
      noAnswer: 0,
      calledBack: 0,
      wait: NOTHING,
      talk: NOTHING,
      setup: NOTHING,
      audioOnlyRate: null,
      qualityMeasured: 0,
      averagePacketLossPct: null,
      averageRttMs: null,
      averageKioskInboundKbps: null,
      averageAgentInboundKbps: null,
      relayedRate: null,
    });
    expect(videoCalls.days).toEqual([
      { day: '2025-01-01', requested: 0, answered: 0 },
      { day: '2025-01-02', requested: 0, answered: 0 },
      { day: '2025-01-03', requested: 0, answered: 0 },
    ]);
    expect(videoCalls.byTopic).toEqual([]);
  });

  it("gives a township admin its township's stations only", async () => {
    const jingzhi = consoleUser('townshipAdmin', { kind: 'township', townshipCode: TOWNSHIP_1 });
    const mine = (await report(jingzhi, RANGE)).videoCalls;
    expect([mine.totals.requested, mine.totals.answered, mine.totals.wait.medianSeconds]).toEqual([6, 3, 50]);
    expect(mine.stations.map((s) => s.stationId)).toContain(STATION_1);
    expect(mine.stations.map((s) => s.stationId)).not.toContain(STATION_2);
    expect(mine.byTopic.map((t) => t.topic)).toEqual(['socialSecurity', 'general']);
    expect(mine.days.map((d) => d.requested)).toEqual([4, 2]);

    const guanzhuang = consoleUser('townshipAdmin', { kind: 'township', townshipCode: TOWNSHIP_2 });
    expect((await report(guanzhuang, RANGE)).videoCalls.totals.requested).toBe(2);
    expect(await resolveScope(db, guanzhuang, { ...RANGE, station: STATION_1 })).toMatchObject({
      ok: false,
      error: { kind: 'notFound' },
    });
  });

  it('keeps station staff to their own station, and a county admin to the station asked for', async () => {
    const staff = consoleUser('stationStaff', { kind: 'station', stationId: STATION_2 });
    const theirs = (await report(staff, RANGE)).videoCalls;
    expect([theirs.totals.requested, theirs.totals.answered]).toEqual([2, 1]);
    expect(theirs.stations.map((s) => s.stationId)).toEqual([STATION_2]);
    expect(theirs.byTopic.map((t) => t.topic)).toEqual(['civilAffairs']);
    expect(await resolveScope(db, staff, { ...RANGE, township: TOWNSHIP_1 })).toMatchObject({ ok: false });

    const one = (await report(county, { ...RANGE, station: STATION_1 })).videoCalls;
    expect([one.totals.requested, one.totals.cancelled, one.totals.noAnswer, one.totals.calledBack]).toEqual([
      6, 1, 1, 1,
    ]);
  });
});
