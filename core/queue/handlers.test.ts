import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contract } from '../api/contract';
import { kioskInfoFixture } from '../../tests/helpers/kiosk-info-fixture';
import { getOutboxItem } from '../outbox';
import { openedBody } from '../testing/outbox';
import { buildQueueHandlers } from './handlers';
import { queuePlatform } from '../testing/platform-queue';
import { receiptText } from '../testing/receipt-text';
import { testServiceDeps } from '../testing/service-deps';
import { catalogFixture } from '../../tests/helpers/catalog-fixture';
import { startTicketRangeKeeper } from './ticket-range-keeper';

const ctx = { host: 'test' as const, requestId: 'r' };
const NO_WAIT = { retry: { delaysMs: [0, 0] }, freshForMs: 0 };

/** 2026-11-21 10:00 in China. */
function setup(start = '2026-11-21T02:00:00.000Z') {
  const now = { value: new Date(start) };
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
  const handlers = buildQueueHandlers(test.deps, NO_WAIT);
  const take = (serviceCode = 'SOCIAL', confirmationId: string = randomUUID()) =>
    handlers['queue.takeTicket']({ confirmationId, serviceCode, priority: 'normal', matterCode: null }, ctx);
  /** Reserves today's ranges while the platform is up, the way the running kiosk does. */
  const reserve = async () => {
    // Its first pass starts at once; stop waits for it.
    await startTicketRangeKeeper(test.deps, { intervalMs: 3_600_000 }).stop();
  };
  return { ...test, now, platform, handlers, take, reserve };
}

/** Ticket POSTs the kiosk tried, whether or not the platform was reachable. */
const ticketPosts = (t: ReturnType<typeof setup>) =>
  t.platform.attempts.filter((call) => call.method === 'POST' && call.path.endsWith('/tickets'));

describe('queue.overview', () => {
  it('shows the live status with the offline numbers this kiosk holds', async () => {
    const t = setup();
    await t.reserve();
    const overview = await t.handlers['queue.overview']({}, ctx);
    expect(overview.ok && overview.value.source).toBe('platform');
    const services = overview.ok ? overview.value.services : [];
    expect(services.map((s) => [s.serviceCode, s.waiting, s.offlineNumbersLeft])).toEqual([
      ['SOCIAL', 4, 20],
      ['CIVIL', 0, 20],
    ]);
  });

  it('shows the last known status, marked offline, when the platform is unreachable', async () => {
    const t = setup();
    await t.reserve();
    t.platform.online = false;
    const overview = await t.handlers['queue.overview']({}, ctx);
    expect(overview.ok && overview.value.source).toBe('offline');
    const social = overview.ok ? overview.value.services.find((s) => s.serviceCode === 'SOCIAL') : undefined;
    expect(social).toMatchObject({ waiting: 4, offlineNumbersLeft: 20, open: true });
  });

  it('shows nothing to take offline on a new day: counts from yesterday read zero, no numbers held', async () => {
    const t = setup();
    await t.reserve();
    t.platform.online = false;
    t.now.value = new Date('2026-11-21T16:30:00.000Z'); // 00:30 on the 22nd in China
    const overview = await t.handlers['queue.overview']({}, ctx);
    const social = overview.ok ? overview.value.services.find((s) => s.serviceCode === 'SOCIAL') : undefined;
    expect(social).toMatchObject({ waiting: 0, offlineNumbersLeft: 0, open: false });
  });

  it('answers an empty offline overview before the platform was ever reached', async () => {
    const t = setup();
    t.platform.online = false;
    expect(await t.handlers['queue.overview']({}, ctx)).toEqual({
      ok: true,
      value: {
        source: 'offline',
        updatedAt: null,
        services: [],
        // Saturday 10:00: the windows call until 12:00 (the fixture station's Saturday hours).
        calling: { state: 'onDuty', until: '2026-11-21T04:00:00.000Z', dayEndsAt: '2026-11-21T04:00:00.000Z' },
        today: { date: '2026-11-21', weekday: 6, kind: 'weekend', holiday: null },
      },
    });
  });
});

describe('queue.takeTicket online', () => {
  it('issues the ticket with an Idempotency-Key from the confirmation, prints it and records the service', async () => {
    const t = setup();
    const confirmationId = randomUUID();
    const answer = await t.take('SOCIAL', confirmationId);
    expect(answer.ok && answer.value).toMatchObject({
      offline: false,
      print: { output: 'paper', problem: null },
      ticket: { ticketNo: 'A001', source: 'online', waitingAhead: 4 },
    });
    expect(ticketPosts(t).map((call) => call.idempotencyKey)).toEqual([`ticket-${confirmationId}`]);
    const document = t.devices.printed[0];
    expect(document?.id).toBe('ticket-TK-A-1');
    const text = document ? receiptText(document) : '';
    for (const line of [
      'A001',
      '社保医保',
      '前面还有 4 人',
      '预计等待 约 20 分钟（10:20 左右）',
      '普通',
      '东埠村便民服务站',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain('离线取号');
    // Its code opens its rating when scanned at the kiosk after the service (core/scan/ticket-scan.ts).
    expect(document?.blocks).toContainEqual({
      kind: 'qr',
      data: 'https://zwfw.example.gov.cn/anqiu/progress?ticket=TK-A-1',
      caption: '办完后在自助终端扫码评价（当天有效）',
    });
    expect(t.session.completed()).toMatchObject([{ kind: 'ticket', ref: 'TK-A-1', title: '取号 A001' }]);
  });

  it('gives the same ticket, printed once, for the same confirmation twice', async () => {
    const t = setup();
    const confirmationId = randomUUID();
    const first = await t.take('SOCIAL', confirmationId);
    const second = await t.take('SOCIAL', confirmationId);
    expect(second).toEqual(first);
    expect(t.platform.tickets).toHaveLength(1);
    expect(t.devices.printed).toHaveLength(1);
    expect(t.session.completed()).toHaveLength(1);
  });

  it('retries an answer dropped after commit with the same key and gets the one ticket', async () => {
    const t = setup();
    t.platform.faults.dropAfterCommitNext = 1;
    t.platform.faults.timeoutNext = 0;
    const answer = await t.take();
    expect(answer.ok && answer.value.offline).toBe(false);
    expect(t.platform.tickets).toHaveLength(1);
    const keys = ticketPosts(t).map((call) => call.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(answer.ok && answer.value.ticket.ticketId).toBe(t.platform.tickets[0]?.ticketId);
  });

  it('retries timeouts and 503s with the same key and the same body', async () => {
    const t = setup();
    t.platform.faults.timeoutNext = 1;
    t.platform.faults.unavailableNext = 1;
    const answer = await t.take();
    expect(answer.ok && answer.value.ticket.source).toBe('online');
    const posts = ticketPosts(t);
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((call) => JSON.stringify([call.idempotencyKey, call.body]))).size).toBe(1);
  });

  it('maps the platform refusing to the resident-facing errors', async () => {
    const t = setup();
    t.platform.state.refuseTickets = 'dailyCapReached';
    expect(await t.take()).toMatchObject({ ok: false, error: { code: 'dailyCapReached' } });
    t.platform.state.refuseTickets = 'queueClosed';
    expect(await t.take()).toMatchObject({ ok: false, error: { code: 'queueClosed' } });
    t.platform.state.refuseTickets = null;
    expect(await t.take('NOPE')).toMatchObject({ ok: false, error: { code: 'unknownService' } });
    expect(t.devices.printed).toHaveLength(0);
  });

  it('sends the matter the resident came for, from the catalog', async () => {
    const t = setup();
    await t.handlers['queue.takeTicket'](
      { confirmationId: randomUUID(), serviceCode: 'SOCIAL', priority: 'elderly', matterCode: '370784-CJ-013' },
      ctx,
    );
    expect(ticketPosts(t)[0]?.body).toMatchObject({
      priority: 'elderly',
      matter: { matterCode: '370784-CJ-013', matterVersion: 1, matterName: '老年优待证办理' },
    });
  });
});

describe('queue.takeTicket offline', () => {
  it('numbers the ticket from the reserved range, queues its report and prints it marked offline', async () => {
    const t = setup();
    await t.reserve();
    t.platform.online = false;
    const confirmationId = randomUUID();
    const answer = await t.take('SOCIAL', confirmationId);
    expect(answer.ok && answer.value).toMatchObject({
      offline: true,
      ticket: {
        ticketNo: 'A500',
        number: 500,
        source: 'offlineRange',
        issuedBy: 'KIOSK-TEST-01',
        waitingAhead: 4,
        estimatedWaitMinutes: 20,
        serviceName: '社保医保',
      },
    });
    // The same key was tried a few times, then the range took over.
    expect(ticketPosts(t)).toHaveLength(3);

    const row = t.db
      .prepare('SELECT outbox_id FROM queue_ticket WHERE confirmation_id = ?')
      .pluck()
      .get(confirmationId);
    const item = getOutboxItem(t.db, row as number);
    expect(item).toMatchObject({
      kind: 'offlineTicket',
      method: 'POST',
      path: '/terminals/KIOSK-TEST-01/offline-tickets',
    });
    expect(openedBody(item, t.deps.sealer)).toEqual({
      rangeId: 'R-1',
      tickets: [
        {
          number: 500,
          ticketNo: 'A500',
          priority: 'normal',
          appointmentId: null,
          issuedAt: '2026-11-21T02:00:00.000Z',
        },
      ],
    });
    expect(t.kicks()).toBe(1);

    const text = t.devices.printed[0] ? receiptText(t.devices.printed[0]) : '';
    expect(text).toContain('A500');
    expect(text).toContain('离线取号');
    expect(t.session.completed()[0]).toMatchObject({ kind: 'ticket', title: '取号 A500' });
  });

  it('counts earlier offline tickets as people ahead and uses the next number', async () => {
    const t = setup();
    await t.reserve();
    t.platform.online = false;
    await t.take();
    const second = await t.take();
    expect(second.ok && second.value.ticket).toMatchObject({
      ticketNo: 'A501',
      waitingAhead: 5,
      estimatedWaitMinutes: 25,
    });
    const overview = await t.handlers['queue.overview']({}, ctx);
    expect(overview.ok && overview.value.services[0]?.offlineNumbersLeft).toBe(18);
  });

  it('gives the same offline ticket for the same confirmation, with one report', async () => {
    const t = setup();
    await t.reserve();
    t.platform.online = false;
    const confirmationId = randomUUID();
    const first = await t.take('SOCIAL', confirmationId);
    t.platform.online = true;
    const second = await t.take('SOCIAL', confirmationId);
    expect(second).toEqual(first);
    expect(t.db.prepare(`SELECT count(*) FROM outbox WHERE kind = 'offlineTicket'`).pluck().get()).toBe(1);
    expect(t.platform.tickets).toHaveLength(0);
  });

  it('answers noOfflineNumbers without a range, and when the range is used up', async () => {
    const t = setup();
    t.platform.online = false;
    expect(await t.take()).toMatchObject({ ok: false, error: { code: 'noOfflineNumbers' } });

    t.platform.online = true;
    t.platform.state.rangeSize = 2;
    await t.reserve();
    t.platform.online = false;
    expect((await t.take()).ok).toBe(true);
    expect((await t.take()).ok).toBe(true);
    expect(await t.take()).toMatchObject({ ok: false, error: { code: 'noOfflineNumbers' } });
    expect(t.db.prepare(`SELECT count(*) FROM outbox`).pluck().get()).toBe(2);
  });

  it('refuses a service the station does not have, offline too', async () => {
    const t = setup();
    await t.reserve();
    t.platform.online = false;
    expect(await t.take('NOPE')).toMatchObject({ ok: false, error: { code: 'unknownService' } });
  });

  it('falls back to the range after a committed answer was lost every time (the ghost is kept to one)', async () => {
    const t = setup();
    await t.reserve();
    t.platform.faults.dropAfterCommitNext = 3;
    const confirmationId = randomUUID();
    const answer = await t.take('SOCIAL', confirmationId);
    expect(answer.ok && answer.value.offline).toBe(true);
    // One ticket on the platform nobody holds; retries replayed it instead of making more.
    expect(t.platform.tickets).toHaveLength(1);
    expect(
      t.db.prepare('SELECT outcome FROM queue_ticket_request WHERE confirmation_id = ?').pluck().get(confirmationId),
    ).toBe('offline');
    // Pressing again never asks the platform again: the resident keeps the offline ticket.
    const again = await t.take('SOCIAL', confirmationId);
    expect(again).toEqual(answer);
    expect(ticketPosts(t)).toHaveLength(3);
  });
});

describe('queue.takeTicket input', () => {
  it('refuses a service code the platform never issues before the handler runs', () => {
    // Found by the fuzzer (npm run fuzz, kiosk-api): the contract allowed '' and the store's
    // CHECK (length 1–32) then threw inside the handler, answering `internal`.
    const input = (serviceCode: string) => ({
      confirmationId: randomUUID(),
      serviceCode,
      priority: 'normal',
      matterCode: null,
    });
    const schema = contract.methods['queue.takeTicket'].input;
    for (const bad of ['', 'x'.repeat(33), 'SO CIAL', '社保']) expect(schema.safeParse(input(bad)).success).toBe(false);
    expect(schema.safeParse(input('SOCIAL')).success).toBe(true);
  });
});

describe('printing tickets', () => {
  it('shows the ticket on screen when the printer is down; the ticket stands', async () => {
    const t = setup();
    t.devices.printFailure = { kind: 'printerUnavailable', code: 'paperOut', message: 'paper out' };
    const answer = await t.take();
    expect(answer.ok && answer.value.print).toEqual({ output: 'screen', problem: 'paperOut' });
    expect(answer.ok && answer.value.ticket.ticketNo).toBe('A001');
    t.devices.printFailure = { kind: 'uncertain', code: 'cutterError', message: 'cutter' };
    const next = await t.take();
    expect(next.ok && next.value.print).toEqual({ output: 'screen', problem: 'printFailed' });
    t.devices.printFailure = { kind: 'printerUnavailable', code: 'disconnected', message: 'gone' };
    const third = await t.take();
    expect(third.ok && third.value.print).toEqual({ output: 'screen', problem: 'printerUnavailable' });
    expect(t.session.completed()).toHaveLength(3);
  });
});

describe('queue out of the station’s hours', () => {
  it('takes no ticket when nobody calls again today, online or offline, and says when calling resumes', async () => {
    const t = setup('2026-11-22T09:03:00.000Z'); // Sunday 17:03 in China
    await t.reserve();
    const overview = await t.handlers['queue.overview']({}, ctx);
    expect(overview.ok && overview.value.calling).toEqual({
      state: 'offDuty',
      next: {
        startsAt: '2026-11-23T00:30:00.000Z',
        day: { date: '2026-11-23', weekday: 1, kind: 'workday', holiday: null },
      },
    });
    expect(overview.ok && overview.value.services.map((s) => s.open)).toEqual([false, false]);
    const answer = await t.take();
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'queueClosed', message: expect.stringContaining('明天（周一）08:30') },
    });
    t.platform.online = false;
    expect(await t.take()).toMatchObject({ ok: false, error: { code: 'queueClosed' } });
    expect(ticketPosts(t)).toEqual([]);
    expect(t.devices.printed).toEqual([]);
  });

  it('before opening, the ticket and the paper say when calling starts instead of a long wait', async () => {
    const t = setup('2026-11-23T23:10:00.000Z'); // Tuesday 07:10 in China; calling from 08:30
    const answer = await t.take();
    expect(answer.ok && answer.value.wait).toEqual({
      kind: 'startsAt',
      startsAt: '2026-11-24T00:30:00.000Z',
      callAt: '2026-11-24T00:30:00.000Z',
    });
    const text = receiptText(t.devices.printed[0]!);
    expect(text).toContain('叫号开始 今天 08:30');
    expect(text).not.toMatch(/预计等待/);
  });

  it('says plainly when the wait runs past the last window of the day', async () => {
    const t = setup('2026-11-21T03:50:00.000Z'); // Saturday 11:50; the Saturday service ends at 12:00
    const answer = await t.take(); // four ahead at five minutes: 12:10
    expect(answer.ok && answer.value.wait).toEqual({ kind: 'beyondToday', dayEndsAt: '2026-11-21T04:00:00.000Z' });
    expect(receiptText(t.devices.printed[0]!)).toContain('今天 12:00 下班前可能叫不到');
  });
});
