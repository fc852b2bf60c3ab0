import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { OfflineTicketBatchResult, QueueStatus, Ticket, TicketRange } from '../../contract/queue';
import { VILLAGE_QUEUE_SERVICES, type QueueServiceConfig } from '../sample/queue-services';
import { registerTerminal } from '../store/terminals';
import { ticketRowCount } from '../store/tickets';
import { ticketRequestBody } from '../testing/bodies';
import { testEngine } from '../testing/test-database';
import {
  createTestPlatform,
  KIOSK_1,
  KIOSK_2,
  manualClock,
  newKey,
  type TestPlatform,
  type TestPlatformOptions,
} from '../testing/harness';

let platform: TestPlatform;
afterEach(() => platform.close());

// Monday 2 March 2026, 10:00 CST: the sample clerk is at work (08:00–11:30).
const MONDAY_10 = '2026-03-02T10:00:00+08:00';
const KIOSK_3 = { id: 'kiosk-3', token: 'token-kiosk-3-dddddddd', stationId: KIOSK_1.stationId };
const QUEUES = `/api/v1/stations/${KIOSK_1.stationId}/queues`;
const TICKETS = `/api/v1/stations/${KIOSK_1.stationId}/tickets`;
const rangesOf = (terminalId: string) => `/api/v1/terminals/${terminalId}/ticket-ranges`;
const offlineOf = (terminalId: string) => `/api/v1/terminals/${terminalId}/offline-tickets`;
const GENERAL = VILLAGE_QUEUE_SERVICES[2] as QueueServiceConfig;

async function start(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  platform = await createTestPlatform({ now: manualClock(MONDAY_10).now, ...options });
  const registered = await registerTerminal(platform.sql, KIOSK_3, new Date(MONDAY_10));
  if (!registered.ok) throw new Error(registered.error.kind);
  return platform;
}

const onlyGeneral = (overrides: Partial<QueueServiceConfig>) => () => [{ ...GENERAL, ...overrides }];

async function issue(body = ticketRequestBody(), token = KIOSK_1.token) {
  return platform.request('POST', TICKETS, { body, token });
}

async function reserve(terminal: { id: string; token: string }, size: number, date = '2026-03-02') {
  return platform.request('POST', rangesOf(terminal.id), {
    token: terminal.token,
    body: { stationId: KIOSK_1.stationId, serviceCode: 'general', date, size },
  });
}

async function report(terminal: { id: string; token: string }, range: TicketRange, numbers: number[]) {
  return platform.request('POST', offlineOf(terminal.id), {
    token: terminal.token,
    body: {
      rangeId: range.rangeId,
      tickets: numbers.map((number) => ({
        number,
        ticketNo: `${range.prefix}${String(number).padStart(3, '0')}`,
        priority: 'normal',
        appointmentId: null,
        issuedAt: '2026-03-02T09:30:00+08:00',
      })),
    },
  });
}

describe('GET /api/v1/stations/{stationId}/queues', () => {
  it("lists the station's services with caps, priorities and real waiting counts", async () => {
    await start();
    const empty = (await platform.request('GET', QUEUES)).json<QueueStatus>();
    expect(empty).toMatchObject({ stationId: KIOSK_1.stationId, date: '2026-03-02' });
    expect(empty.services.map((service) => [service.prefix, service.name, service.waiting, service.open])).toEqual([
      ['A', '社保医保', 0, true],
      ['B', '民政救助', 0, true],
      ['C', '综合受理', 0, true],
    ]);
    expect(empty.services[0]?.priorities.map((priority) => priority.label)).toEqual([
      '普通',
      '老年人优先',
      '残疾人优先',
      '预约优先',
    ]);
    for (let i = 0; i < 3; i += 1) await issue();
    const general = (await platform.request('GET', QUEUES)).json<QueueStatus>().services[2];
    // Issued at 10:00 with the clerk at work: the first is called at once, two wait 8 minutes each.
    expect(general).toMatchObject({ issuedToday: 3, waiting: 2, estimatedWaitMinutes: 24 });
  });
});

describe('POST /api/v1/stations/{stationId}/tickets', () => {
  it('issues numbered tickets with the people ahead and the estimated wait', async () => {
    const clock = manualClock(MONDAY_10);
    await start({ now: clock.now });
    const first = (await issue()).json<Ticket>();
    expect(first).toMatchObject({
      ticketNo: 'C001',
      number: 1,
      serviceName: '综合受理',
      source: 'online',
      issuedBy: KIOSK_1.id,
      date: '2026-03-02',
      waitingAhead: 0,
    });
    // The idle clerk called C001 at 10:00 and is busy until 10:08.
    clock.set('2026-03-02T10:01:00+08:00');
    const second = (await issue()).json<Ticket>();
    expect(second).toMatchObject({ ticketNo: 'C002', waitingAhead: 0, estimatedWaitMinutes: 7 });
    clock.set('2026-03-02T10:02:00+08:00');
    const third = (await issue()).json<Ticket>();
    expect(third).toMatchObject({ ticketNo: 'C003', waitingAhead: 1, estimatedWaitMinutes: 14 });
    // An elderly ticket goes before the normal ones still waiting.
    clock.set('2026-03-02T10:03:00+08:00');
    const elderly = (await issue(ticketRequestBody({ priority: 'elderly' }))).json<Ticket>();
    expect(elderly).toMatchObject({
      ticketNo: 'C004',
      waitingAhead: 0,
      estimatedWaitMinutes: 5,
      priority: { label: '老年人优先', weight: 10 },
    });
  });

  it('replays a lost answer and stores one ticket', async () => {
    await start();
    const key = newKey();
    const first = await platform.request('POST', TICKETS, { body: ticketRequestBody(), idempotencyKey: key });
    const again = await platform.request('POST', TICKETS, { body: ticketRequestBody(), idempotencyKey: key });
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await ticketRowCount(platform.sql)).toBe(1);
  });

  it('answers 409 dailyCapReached when the numbers are used up', async () => {
    await start({ queueServices: onlyGeneral({ dailyCap: 2 }) });
    expect((await issue()).status).toBe(201);
    expect((await issue()).status).toBe(201);
    const third = await issue();
    expect(third.status).toBe(409);
    expect(third.json()).toMatchObject({ code: 'dailyCapReached' });
    expect((await platform.request('GET', QUEUES)).json<QueueStatus>().services[0]?.open).toBe(false);
  });

  it('answers 409 queueClosed outside issuing hours', async () => {
    await start({
      queueServices: onlyGeneral({ issuingHours: [{ days: [1, 2, 3, 4, 5], opens: 8 * 60, closes: 9 * 60 }] }),
    });
    const response = await issue();
    expect(response.status).toBe(409);
    expect(response.json()).toMatchObject({ code: 'queueClosed' });
    expect(await ticketRowCount(platform.sql)).toBe(0);
  });

  it('answers 422 for an unknown matter or service, and 403 for another station', async () => {
    await start();
    const unknownMatter = await issue(
      ticketRequestBody({ matter: { matterCode: 'NOPE-1', matterVersion: 1, matterName: '无' } }),
    );
    expect(unknownMatter.json()).toMatchObject({ status: 422, code: 'unknownMatter' });
    expect((await issue(ticketRequestBody({ serviceCode: 'nothing' }))).status).toBe(422);
    const other = await platform.request('POST', `/api/v1/stations/${KIOSK_2.stationId}/tickets`, {
      body: ticketRequestBody(),
    });
    expect(other.status).toBe(403);
  });
});

describe('offline ticket ranges', () => {
  it('carves ranges from the top of the day, returns the held range again, and refuses when exhausted', async () => {
    await start({ queueServices: onlyGeneral({ dailyCap: 20 }) });
    const first = await reserve(KIOSK_1, 5);
    expect(first.status).toBe(201);
    expect(first.json<TicketRange>()).toMatchObject({ prefix: 'C', first: 16, last: 20, terminalId: KIOSK_1.id });
    expect((await reserve(KIOSK_1, 5)).json<TicketRange>().rangeId).toBe(first.json<TicketRange>().rangeId);
    // Another terminal gets numbers below, never more than half of what is still free.
    expect((await reserve(KIOSK_3, 50)).json<TicketRange>()).toMatchObject({ first: 9, last: 15 });
    for (let i = 0; i < 8; i += 1) expect((await issue()).status).toBe(201);
    const capped = await issue();
    expect(capped.json()).toMatchObject({ status: 409, code: 'dailyCapReached' });
    // KIOSK_1 reports its whole range; asking again finds no numbers left.
    await report(KIOSK_1, first.json<TicketRange>(), [16, 17, 18, 19, 20]);
    const exhausted = await reserve(KIOSK_1, 5);
    expect(exhausted.json()).toMatchObject({ status: 409, code: 'ticketRangeExhausted' });
  });

  it('refuses dates outside today..today+7 and other stations', async () => {
    await start();
    expect((await reserve(KIOSK_1, 5, '2026-03-01')).status).toBe(422);
    expect((await reserve(KIOSK_1, 5, '2026-03-10')).status).toBe(422);
    expect((await reserve(KIOSK_1, 5, '2026-03-09')).status).toBe(201);
    const wrongStation = await platform.request('POST', rangesOf(KIOSK_1.id), {
      body: { stationId: KIOSK_2.stationId, serviceCode: 'general', date: '2026-03-02', size: 5 },
    });
    expect(wrongStation.status).toBe(422);
  });

  it('accepts reported numbers inside the range at their issue time, rejects outside and duplicates', async () => {
    await start();
    const range = (await reserve(KIOSK_1, 10)).json<TicketRange>();
    const result = (
      await report(KIOSK_1, range, [range.first, range.first + 1, range.first, 5])
    ).json<OfflineTicketBatchResult>();
    expect(result.accepted.map((ticket) => [ticket.number, ticket.source, ticket.issuedAt])).toEqual([
      [range.first, 'offlineRange', '2026-03-02T01:30:00.000Z'],
      [range.first + 1, 'offlineRange', '2026-03-02T01:30:00.000Z'],
    ]);
    expect(result.rejected).toEqual([
      { number: range.first, code: 'alreadyReported' },
      { number: 5, code: 'ticketOutsideRange' },
    ]);
    const again = (await report(KIOSK_1, range, [range.first])).json<OfflineTicketBatchResult>();
    expect(again.rejected).toEqual([{ number: range.first, code: 'alreadyReported' }]);
    // They joined the queue at 09:30: the idle clerk called them at 09:30 and 09:38, before 10:00.
    const general = (await platform.request('GET', QUEUES)).json<QueueStatus>().services[2];
    expect(general).toMatchObject({ issuedToday: 2, waiting: 0 });
  });

  it("answers 404 for another terminal's range", async () => {
    await start();
    const range = (await reserve(KIOSK_1, 10)).json<TicketRange>();
    const response = await report(KIOSK_3, range, [range.first]);
    expect(response.status).toBe(404);
  });

  it('never lets an online number fall inside any reserved range (two terminals, any interleaving)', async () => {
    type Step =
      { kind: 'online'; by: 0 | 1 } | { kind: 'reserve'; by: 0 | 1; size: number } | { kind: 'report'; by: 0 | 1 };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('online' as const), by: fc.constantFrom(0 as const, 1 as const) }),
      fc.record({
        kind: fc.constant('reserve' as const),
        by: fc.constantFrom(0 as const, 1 as const),
        size: fc.integer({ min: 1, max: 30 }),
      }),
      fc.record({ kind: fc.constant('report' as const), by: fc.constantFrom(0 as const, 1 as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 30 }), async (steps) => {
        await start({ queueServices: onlyGeneral({ dailyCap: 60 }) });
        try {
          const terminals = [KIOSK_1, KIOSK_3];
          const held: Array<TicketRange | undefined> = [undefined, undefined];
          const online: number[] = [];
          const ranges = new Map<string, TicketRange>();
          for (const action of steps) {
            const terminal = terminals[action.by] as typeof KIOSK_1;
            if (action.kind === 'online') {
              const response = await issue(ticketRequestBody(), terminal.token);
              if (response.status === 201) online.push(response.json<Ticket>().number);
              else expect(response.json()).toMatchObject({ code: 'dailyCapReached' });
            } else if (action.kind === 'reserve') {
              const response = await reserve(terminal, action.size);
              if (response.status === 201) {
                const range = response.json<TicketRange>();
                held[action.by] = range;
                ranges.set(range.rangeId, range);
              } else expect(response.json()).toMatchObject({ code: 'ticketRangeExhausted' });
            } else {
              const range = held[action.by];
              if (!range) continue;
              const numbers = Array.from({ length: range.last - range.first + 1 }, (_, i) => range.first + i);
              const result = (await report(terminal, range, numbers)).json<OfflineTicketBatchResult>();
              expect(result.rejected.every((entry) => entry.code === 'alreadyReported')).toBe(true);
            }
          }
          const all = [...ranges.values()].sort((a, b) => a.first - b.first);
          all.forEach((range, index) => {
            const next = all[index + 1];
            if (next) expect(range.last).toBeLessThan(next.first);
            for (const number of online) expect(number < range.first || number > range.last).toBe(true);
          });
          expect(new Set(online).size).toBe(online.length);
        } finally {
          await platform.close();
        }
      }),
      // Each run is a fresh platform, on PostgreSQL a database cloned and dropped: fewer runs there,
      // as the interleavings explored are the store's logic, the same on both engines.
      { numRuns: testEngine() === 'postgres' ? 8 : 25 },
    );
    await start(); // afterEach closes the last one
  }, 120_000);
});
