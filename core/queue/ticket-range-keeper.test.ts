import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kioskInfoFixture } from '../../tests/helpers/kiosk-info-fixture';
import { buildQueueHandlers } from './handlers';
import { numbersLeft, rangesOfDay } from './queue-store';
import { queuePlatform, type QueuePlatform } from '../testing/platform-queue';
import { testServiceDeps } from '../testing/service-deps';
import { catalogFixture } from '../../tests/helpers/catalog-fixture';
import { startTicketRangeKeeper } from './ticket-range-keeper';

const ctx = { host: 'test' as const, requestId: 'r' };

/** `prepare` sets the platform up before the keeper's first pass, which starts at once. */
function setup(prepare: (platform: QueuePlatform) => void = () => undefined) {
  const now = { value: new Date('2026-11-21T02:00:00.000Z') };
  const platform = queuePlatform({
    stationId: kioskInfoFixture.station.id,
    terminalId: kioskInfoFixture.terminal.id,
    now: () => now.value,
  });
  const test = testServiceDeps({
    platform,
    token: 'token-0000000000000000',
    now: () => now.value,
    catalog: catalogFixture(),
    outbox: 'counting',
  });
  prepare(platform);
  // Timer passes never come within a test; each pass is asked for with refresh().
  const keeper = startTicketRangeKeeper(test.deps, { intervalMs: 3_600_000, rangeSize: 20, lowWater: 5 });
  const rangePosts = () => platform.calls.filter((call) => call.path.endsWith('/ticket-ranges'));
  const takeOffline = async (count: number) => {
    platform.online = false;
    const handlers = buildQueueHandlers(test.deps, { retry: { delaysMs: [] } });
    for (let i = 0; i < count; i += 1) {
      const answer = await handlers['queue.takeTicket'](
        { confirmationId: randomUUID(), serviceCode: 'SOCIAL', priority: 'normal', matterCode: null },
        ctx,
      );
      if (!answer.ok || !answer.value.offline) throw new Error('expected an offline ticket');
    }
    platform.online = true;
  };
  return { ...test, now, platform, keeper, rangePosts, takeOffline };
}

describe('startTicketRangeKeeper', () => {
  afterEach(() => vi.useRealTimers());

  it('comes back soon after a first pass that could not reach the platform, then keeps its interval', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const now = new Date('2026-11-21T02:00:00.000Z');
    const platform = queuePlatform({
      stationId: kioskInfoFixture.station.id,
      terminalId: kioskInfoFixture.terminal.id,
      now: () => now,
    });
    platform.online = false;
    const test = testServiceDeps({
      platform,
      token: 'token-0000000000000000',
      now: () => now,
      catalog: catalogFixture(),
      outbox: 'counting',
    });
    const keeper = startTicketRangeKeeper(test.deps, { intervalMs: 3_600_000, retryAfterFailureMs: 10_000 });
    const rangePosts = () => platform.calls.filter((call) => call.path.endsWith('/ticket-ranges'));
    await vi.advanceTimersByTimeAsync(0);
    expect(rangePosts()).toHaveLength(0);
    platform.online = true;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(rangePosts()).toHaveLength(2);
    // Reached: the next pass is an interval away, not 10 s.
    const statusCalls = () => platform.calls.filter((call) => call.path.endsWith('/queues')).length;
    const before = statusCalls();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(statusCalls()).toBe(before);
    await keeper.stop();
  });

  it('reserves a range for today for every open service on its first pass, and keeps the status', async () => {
    const t = setup();
    await t.keeper.refresh();
    await t.keeper.stop();
    expect(t.rangePosts().map((call) => call.body)).toEqual([
      { stationId: 'TEST-STATION', serviceCode: 'SOCIAL', date: '2026-11-21', size: 20 },
      { stationId: 'TEST-STATION', serviceCode: 'CIVIL', date: '2026-11-21', size: 20 },
    ]);
    expect(numbersLeft(t.db, 'SOCIAL', '2026-11-21')).toBe(20);
    expect(t.db.prepare('SELECT day FROM queue_status_cache').pluck().get()).toBe('2026-11-21');
  });

  it('reserves again only when fewer than 5 numbers are left', async () => {
    const t = setup();
    await t.keeper.refresh();
    await t.takeOffline(15);
    await t.keeper.refresh();
    expect(t.rangePosts()).toHaveLength(2); // 5 left: enough
    await t.takeOffline(1);
    await t.keeper.refresh();
    await t.keeper.stop();
    expect(t.rangePosts()).toHaveLength(3);
    expect(rangesOfDay(t.db, 'SOCIAL', '2026-11-21').map((range) => [range.first, range.last])).toEqual([
      [500, 519],
      [700, 719],
    ]);
    expect(numbersLeft(t.db, 'SOCIAL', '2026-11-21')).toBe(24);
  });

  it('reserves for the new China day after midnight (UTC+8)', async () => {
    const t = setup();
    await t.keeper.refresh();
    t.now.value = new Date('2026-11-21T15:59:00.000Z'); // 23:59 in China: still the 21st
    await t.keeper.refresh();
    expect(t.rangePosts()).toHaveLength(2);
    t.now.value = new Date('2026-11-21T16:00:00.000Z'); // 00:00 on the 22nd
    await t.keeper.refresh();
    await t.keeper.stop();
    expect(
      t
        .rangePosts()
        .slice(2)
        .map((call) => (call.body as { date: string }).date),
    ).toEqual(['2026-11-22', '2026-11-22']);
    expect(numbersLeft(t.db, 'SOCIAL', '2026-11-22')).toBe(20);
  });

  it('skips closed queues and services the platform will not give numbers for', async () => {
    const t = setup((platform) => {
      const civil = platform.state.services[1];
      if (civil) civil.open = false;
      platform.state.refuseRanges = 'ticketRangeExhausted';
    });
    await t.keeper.stop();
    expect(t.rangePosts().map((call) => (call.body as { serviceCode: string }).serviceCode)).toEqual(['SOCIAL']);
    expect(numbersLeft(t.db, 'SOCIAL', '2026-11-21')).toBe(0);
  });

  it('keeps what it has while the platform is unreachable, and replays a reservation whose answer was lost', async () => {
    const t = setup((platform) => {
      platform.online = false;
    });
    await t.keeper.refresh();
    expect(t.rangePosts()).toHaveLength(0);
    t.platform.online = true;
    t.platform.faults.dropAfterCommitNext = 1;
    await t.keeper.refresh();
    expect(t.platform.ranges).toHaveLength(1); // committed, answer lost; the pass stopped there
    await t.keeper.refresh();
    await t.keeper.stop();
    const keys = t.rangePosts().map((call) => call.idempotencyKey);
    expect(keys[0]).toBe(keys[1]);
    expect(t.platform.ranges).toHaveLength(2); // SOCIAL once (replayed), then CIVIL
    expect(numbersLeft(t.db, 'SOCIAL', '2026-11-21')).toBe(20);
  });
});
