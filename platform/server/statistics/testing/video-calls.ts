import { instantAt } from '../../../contract/china-time';
import type { SqlQueries } from '../../db/sql';
import { SAMPLE_SERVICE_POINTS } from '../../sample/service-points';
import type { PlatformSealer } from '../../sealing/sealer';
import { publishCatalog } from '../../store/catalogs';
import { publishServicePoints } from '../../store/reference-data';
import { catalogFixture } from '../../testing/catalog-fixture';
import { seeder } from './seed';

/**
 * 视频帮办 calls for the statistics and kiosk-page tests, with their figures worked out by hand in
 * those tests. Two village stations in two townships of the sample service map (景芝镇 370784107,
 * 官庄镇 370784103), one kiosk each (a third kiosk has no calls), the catalog fixture's themes as
 * topics. 1 and 2 March 2026 (China time) are the range the statistics tests ask for; a call on
 * 3 March and one in January lie outside it.
 */

export const STATION_1 = 'aq-jingzhi-dongjingzhi';
export const STATION_2 = 'aq-guanzhuang-xiaozhuang';
export const TOWNSHIP_1 = '370784107';
export const TOWNSHIP_2 = '370784103';
export const D1 = '2026-03-01';
export const D2 = '2026-03-02';
export const D3 = '2026-03-03';
/** Noon of 3 March, China time: the kiosk page's "last 30 days" reach back to noon of 1 February. */
export const NOW = instantAt(D3, 12 * 60);

export const at = (day: string, hour: number, minute = 0, second = 0): string =>
  new Date(instantAt(day, hour * 60 + minute).getTime() + second * 1000).toISOString();

const GOOD = { samples: 10, packetLossPct: 1, rttMs: 100, kioskInboundKbps: 800, agentInboundKbps: 900 };

export async function seedVideoCalls(db: SqlQueries, sealer: PlatformSealer): Promise<void> {
  const published = new Date('2026-01-01T00:00:00Z');
  const points = await publishServicePoints(db, SAMPLE_SERVICE_POINTS, published);
  const catalog = await publishCatalog(db, catalogFixture(), published);
  if (!points.ok || !catalog.ok) throw new Error('the sample service points and catalog publish');
  const seed = seeder(db, sealer);
  await seed.terminal('k1', STATION_1);
  await seed.terminal('k2', STATION_2);
  await seed.terminal('k3', STATION_2);
  const k1 = { terminalId: 'k1', stationId: STATION_1 };
  const k2 = { terminalId: 'k2', stationId: STATION_2 };

  // Station 1, 1 March, 社会保障: three answered calls and one the resident cancelled.
  await seed.videoCall({
    ...k1,
    callId: 'VC-20260301-0001',
    day: D1,
    seq: 1,
    topic: 'socialSecurity',
    requestedAt: at(D1, 9),
    acceptedAt: at(D1, 9, 0, 20),
    endedAt: at(D1, 9, 5, 20),
    endReason: 'agentHungUp',
    waitMs: 20_000,
    talkMs: 300_000,
    setupMs: 1_500,
    quality: GOOD,
    candidateType: 'host',
  });
  await seed.videoCall({
    ...k1,
    callId: 'VC-20260301-0002',
    day: D1,
    seq: 2,
    topic: 'socialSecurity',
    requestedAt: at(D1, 10),
    acceptedAt: at(D1, 10, 0, 50),
    endedAt: at(D1, 10, 10, 50),
    endReason: 'residentHungUp',
    waitMs: 50_000,
    talkMs: 600_000,
    setupMs: 2_500,
    audioOnly: true,
    quality: { samples: 8, packetLossPct: 3, rttMs: 200, kioskInboundKbps: 600, agentInboundKbps: 700 },
    candidateType: 'relay',
  });
  // No wait_ms recorded: the wait is accepted_at − requested_at, 90 s. No samples, no set-up time.
  await seed.videoCall({
    ...k1,
    callId: 'VC-20260301-0003',
    day: D1,
    seq: 3,
    topic: 'socialSecurity',
    requestedAt: at(D1, 11),
    acceptedAt: at(D1, 11, 1, 30),
    endedAt: at(D1, 11, 3, 30),
    endReason: 'connectionLost',
    talkMs: 120_000,
  });
  // Cancelled while waiting: its 30 s in the queue are no answered call's wait.
  await seed.videoCall({
    ...k1,
    callId: 'VC-20260301-0004',
    day: D1,
    seq: 4,
    topic: 'socialSecurity',
    requestedAt: at(D1, 14),
    endedAt: at(D1, 14, 0, 30),
    endReason: 'cancelled',
    waitMs: 30_000,
  });
  // Station 1, 2 March, general: nobody answered; then a resident chose a callback.
  await seed.videoCall({
    ...k1,
    callId: 'VC-20260302-0001',
    day: D2,
    seq: 1,
    requestedAt: at(D2, 9),
    endedAt: at(D2, 9, 2),
    endReason: 'noAnswer',
  });
  await seed.videoCall({
    ...k1,
    callId: 'VC-20260302-0002',
    day: D2,
    seq: 2,
    requestedAt: at(D2, 10),
    endedAt: at(D2, 10, 1),
    endReason: 'calledBack',
  });
  // Station 2, 2 March, 民政服务: one poor call, then one still waiting.
  await seed.videoCall({
    ...k2,
    callId: 'VC-20260302-0003',
    day: D2,
    seq: 3,
    topic: 'civilAffairs',
    requestedAt: at(D2, 11),
    acceptedAt: at(D2, 11, 0, 10),
    endedAt: at(D2, 11, 1, 10),
    endReason: 'agentHungUp',
    waitMs: 10_000,
    talkMs: 60_000,
    setupMs: 1_000,
    quality: { samples: 4, packetLossPct: 8, rttMs: 500, kioskInboundKbps: 300, agentInboundKbps: 200 },
    candidateType: 'srflx',
  });
  await seed.videoCall({
    ...k2,
    callId: 'VC-20260302-0004',
    day: D2,
    seq: 4,
    topic: 'civilAffairs',
    requestedAt: at(D2, 16),
  });
  // Outside the statistics range: 3 March (kiosk k1's last call) and January (older than 30 days).
  await seed.videoCall({
    ...k1,
    callId: 'VC-20260303-0001',
    day: D3,
    seq: 1,
    topic: 'socialSecurity',
    requestedAt: at(D3, 9),
    acceptedAt: at(D3, 9, 0, 40),
    endedAt: at(D3, 9, 4, 40),
    endReason: 'agentHungUp',
    waitMs: 40_000,
    talkMs: 240_000,
    setupMs: 2_000,
    quality: { samples: 5, packetLossPct: 10, rttMs: 450, kioskInboundKbps: 400, agentInboundKbps: 500 },
    candidateType: 'relay',
  });
  await seed.videoCall({
    ...k1,
    callId: 'VC-20260115-0001',
    day: '2026-01-15',
    seq: 1,
    requestedAt: at('2026-01-15', 9),
    acceptedAt: at('2026-01-15', 9, 0, 5),
    endedAt: at('2026-01-15', 9, 1, 5),
    endReason: 'agentHungUp',
    waitMs: 5_000,
    talkMs: 60_000,
    quality: { samples: 3, packetLossPct: 50, rttMs: 2_000, kioskInboundKbps: 50, agentInboundKbps: 50 },
    candidateType: 'relay',
  });
}
