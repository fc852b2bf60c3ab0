import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KioskDetail } from '../../../contract/console/fleet-views';
import type { SqlDb } from '../../db/sql';
import { ephemeralSealer } from '../../sealing/sealer';
import { consoleUser } from '../../statistics/testing/users';
import { at, D3, NOW, seedVideoCalls, STATION_1 } from '../../statistics/testing/video-calls';
import { openTestDatabase, type TestDatabase } from '../../testing/test-database';
import { DEFAULT_FLEET_SETTINGS } from '../settings';
import { createFleetConsoleHandlers } from './index';
import { kioskVideoCalls } from './kiosk-video-calls';

/**
 * The kiosk page's "视频帮办 · 近30天" block against the calls of statistics/testing/video-calls.ts
 * (now is noon of 3 March): kiosk k1 had seven calls since 1 February and one in January, k2 a
 * poor call and one still waiting, k3 none. The same expectations on both engines.
 */

let database: TestDatabase;
let db: SqlDb;

beforeEach(async () => {
  const sealer = ephemeralSealer();
  database = await openTestDatabase(sealer);
  db = database.db;
  await seedVideoCalls(db, sealer);
});
afterEach(() => database.close());

describe("a kiosk's video calls of the last 30 days", () => {
  it('counts the calls since then, their median wait and quality, and the last call, as worked out by hand', async () => {
    const calls = await kioskVideoCalls(db, 'k1', NOW);
    expect(calls.since).toBe(new Date(NOW.getTime() - 30 * 86_400_000).toISOString());
    // 1 March: four (three answered); 2 March: two unanswered; 3 March: one answered. January's is older.
    expect([calls.calls, calls.answered, calls.answeredRate]).toEqual([7, 4, 4 / 7]);
    // Waits 20, 50, 90 and 40 s: sorted 20, 40, 50, 90.
    expect(calls.medianWaitSeconds).toBe(45);
    expect(calls.qualityMeasured).toBe(3);
    // Loss 1, 3, 10 % and RTT 100, 200, 450 ms (January's 50 % and 2 s would raise both warnings).
    expect(calls.averagePacketLossPct).toBeCloseTo(14 / 3, 9);
    expect(calls.averageRttMs).toBeCloseTo(250, 9);
    // host, relay, relay.
    expect(calls.relayedRate).toBeCloseTo(2 / 3, 9);
    expect(calls.warnings).toEqual([]);
    expect(calls.lastCall).toEqual({
      callId: 'VC-20260303-0001',
      requestedAt: at(D3, 9),
      answered: true,
      status: 'ended',
      endReason: 'agentHungUp',
      qualitySamples: 5,
      packetLossPct: 10,
      rttMs: 450,
      kioskInboundKbps: 400,
      agentInboundKbps: 500,
      audioOnly: false,
      relayed: true,
    });
  });

  it('warns of loss over 5 % and RTT over 400 ms on average, and shows a last call still waiting unmeasured', async () => {
    const calls = await kioskVideoCalls(db, 'k2', NOW);
    expect([calls.calls, calls.answered, calls.medianWaitSeconds]).toEqual([2, 1, 10]);
    expect([calls.averagePacketLossPct, calls.averageRttMs, calls.relayedRate]).toEqual([8, 500, 0]);
    expect(calls.warnings).toEqual(['packetLoss', 'rtt']);
    expect(calls.lastCall).toMatchObject({
      callId: 'VC-20260302-0004',
      answered: false,
      status: 'waiting',
      endReason: null,
      qualitySamples: 0,
      packetLossPct: null,
      rttMs: null,
      relayed: null,
    });
  });

  it('answers nothing measured for a kiosk without calls, and forgets calls once older than 30 days', async () => {
    expect(await kioskVideoCalls(db, 'k3', NOW)).toEqual({
      since: new Date(NOW.getTime() - 30 * 86_400_000).toISOString(),
      calls: 0,
      answered: 0,
      answeredRate: null,
      medianWaitSeconds: null,
      qualityMeasured: 0,
      averagePacketLossPct: null,
      averageRttMs: null,
      relayedRate: null,
      lastCall: null,
      warnings: [],
    });
    const april = await kioskVideoCalls(db, 'k1', new Date('2026-04-10T00:00:00Z'));
    expect([april.calls, april.lastCall]).toEqual([0, null]);
  });

  it("is part of the kiosk page's detail, for users who may see the kiosk only", async () => {
    const handlers = createFleetConsoleHandlers({
      sql: db,
      sealer: ephemeralSealer(),
      fleet: DEFAULT_FLEET_SETTINGS,
      log: () => undefined,
    });
    const call = (user: ReturnType<typeof consoleUser>) =>
      handlers.getKiosk({ user, params: { terminalId: 'k2' }, query: undefined, body: undefined, now: NOW, ip: '::1' });
    const technician = await call(consoleUser('technician', { kind: 'county' }));
    if (!technician.ok) throw new Error(technician.error.detail);
    expect(KioskDetail.safeParse(technician.value).error).toBeUndefined();
    expect(technician.value.videoCalls.warnings).toEqual(['packetLoss', 'rtt']);
    const otherStation = await call(consoleUser('stationStaff', { kind: 'station', stationId: STATION_1 }));
    expect(otherStation).toMatchObject({ ok: false, error: { kind: 'notFound' } });
  });
});
