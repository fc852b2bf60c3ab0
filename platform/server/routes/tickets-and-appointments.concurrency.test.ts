import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment, AppointmentSlotList } from '../../contract/appointments';
import type { Ticket, TicketRange } from '../../contract/queue';
import { VILLAGE_QUEUE_SERVICES, type QueueServiceConfig } from '../sample/queue-services';
import { registerTerminal, type TerminalRegistration } from '../store/terminals';
import { bookingBody, ticketRequestBody } from '../testing/bodies';
import {
  createTwinPlatforms,
  KIOSK_1,
  KIOSK_2,
  manualClock,
  newKey,
  type CheckedResponse,
  type TestPlatform,
  type TwinPlatforms,
} from '../testing/harness';

/**
 * Many requests at once against two platform instances on one database (docs/county-scale.md),
 * each with its own Idempotency-Key: on PostgreSQL each instance has its own connection pool, so
 * the transactions really overlap, and only the locks and conditions in store/tickets.ts and
 * store/appointments.ts keep numbers unique, ranges apart and slots within their capacity.
 */

let twins: TwinPlatforms;
afterEach(() => twins.close());

// Monday 2 March 2026, 10:00 CST: the queues issue tickets, and 景芝镇便民服务中心 takes bookings.
const MONDAY_10 = '2026-03-02T10:00:00+08:00';
const STATION = KIOSK_1.stationId;
const TICKETS = `/api/v1/stations/${STATION}/tickets`;
const GENERAL = VILLAGE_QUEUE_SERVICES[2] as QueueServiceConfig;
// Capacity 2 (a town service centre).
const SLOT = 'aq-jingzhi-centre.20260302T1030';
const SLOT_CAPACITY = 2;
/** Dozens of requests and, on PostgreSQL, a database cloned per test: more than the default 5 s on a busy machine. */
const MANY_REQUESTS_MS = 60_000;

/** Kiosks of KIOSK_1's station beside it, registered on the shared database. */
async function stationKiosks(sql: TestPlatform['sql'], count: number): Promise<TerminalRegistration[]> {
  const kiosks: TerminalRegistration[] = [];
  for (let i = 0; i < count; i += 1) {
    const kiosk = { id: `kiosk-s${i}`, token: `token-kiosk-s${i}-${'e'.repeat(12)}`, stationId: STATION };
    const registered = await registerTerminal(sql, kiosk, new Date(MONDAY_10));
    if (!registered.ok) throw new Error(registered.error.kind);
    kiosks.push(kiosk);
  }
  return kiosks;
}

/** Every other request to instance b: half the load on each. */
const instance = (index: number): TestPlatform => (index % 2 === 0 ? twins.a : twins.b);

const issue = (index: number, token: string) =>
  instance(index).request('POST', TICKETS, { body: ticketRequestBody(), token, idempotencyKey: newKey() });

const reserve = (index: number, kiosk: TerminalRegistration, size: number) =>
  instance(index).request('POST', `/api/v1/terminals/${kiosk.id}/ticket-ranges`, {
    token: kiosk.token,
    body: { stationId: STATION, serviceCode: GENERAL.serviceCode, date: '2026-03-02', size },
    idempotencyKey: newKey(),
  });

const book = (index: number) =>
  instance(index).request('POST', '/api/v1/appointments', {
    body: bookingBody(SLOT),
    token: index % 2 === 0 ? KIOSK_1.token : KIOSK_2.token,
    idempotencyKey: newKey(),
  });

const seqOf = (ticketId: string) => Number(ticketId.split('-')[2]);
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const byNumber = (a: number, b: number) => a - b;

function expectNoServerError(responses: readonly CheckedResponse[]): void {
  expect(responses.filter((response) => response.status >= 500).map((response) => response.text)).toEqual([]);
}

describe('ticket numbers under concurrency', () => {
  it(
    'gives 40 tickets issued at once on two instances 40 distinct numbers and ids, without gaps',
    async () => {
      twins = await createTwinPlatforms({ now: manualClock(MONDAY_10).now });
      const [other] = await stationKiosks(twins.a.sql, 1);
      const tokens = [KIOSK_1.token, other?.token ?? ''];

      const responses = await Promise.all(oneToN(40).map((i) => issue(i, tokens[i % 2] ?? '')));

      expectNoServerError(responses);
      expect(responses.map((response) => response.status)).toEqual(Array(40).fill(201));
      const tickets = responses.map((response) => response.json<Ticket>());
      expect(tickets.map((ticket) => ticket.number).sort(byNumber)).toEqual(oneToN(40));
      expect(tickets.map((ticket) => seqOf(ticket.ticketId)).sort(byNumber)).toEqual(oneToN(40));
      expect(new Set(tickets.map((ticket) => ticket.ticketNo)).size).toBe(40);
      // Each ticket joined the real queue in its own transaction.
      const states = await twins.b.sql.get<{ count: number }>(
        "SELECT count(*) AS count FROM ticket_states WHERE station_id = ? AND status = 'waiting'",
        [STATION],
      );
      expect(states?.count).toBe(40);
    },
    MANY_REQUESTS_MS,
  );
});

describe('reserved ranges under concurrency', () => {
  it(
    'keeps ranges reserved at once apart from each other and from online numbers issued at once',
    async () => {
      // A small cap, so the ranges are carved down towards the online numbers and the two meet.
      const services = () => [{ ...GENERAL, dailyCap: 80 }];
      twins = await createTwinPlatforms({ now: manualClock(MONDAY_10).now, queueServices: services });
      const kiosks = await stationKiosks(twins.a.sql, 6);
      const first = kiosks[0] as TerminalRegistration;

      const [ranges, twice, online] = await Promise.all([
        Promise.all(kiosks.map((kiosk, i) => reserve(i, kiosk, 15))),
        // The first kiosk asks again at the same moment (a retry with a new key) on the other instance.
        reserve(1, first, 15),
        Promise.all(oneToN(24).map((i) => issue(i, KIOSK_1.token))),
      ]);

      expectNoServerError([...ranges, twice, ...online]);
      const reserved: TicketRange[] = [];
      for (const response of ranges) {
        // Online numbers may fill what the first ranges left before the last kiosks ask.
        if (response.status === 201) reserved.push(response.json<TicketRange>());
        else expect(response.json()).toMatchObject({ status: 409, code: 'ticketRangeExhausted' });
      }
      expect(reserved.length).toBeGreaterThan(1);
      // A terminal holds one range at a time: both of the first kiosk's requests got the same one.
      expect(twice.text).toBe(ranges[0]?.text);

      const sorted = [...reserved].sort((a, b) => a.first - b.first);
      sorted.forEach((range, index) => {
        const next = sorted[index + 1];
        if (next) expect(range.last).toBeLessThan(next.first);
      });

      const numbers: number[] = [];
      for (const response of online) {
        if (response.status === 201) numbers.push(response.json<Ticket>().number);
        else expect(response.json()).toMatchObject({ status: 409, code: 'dailyCapReached' });
      }
      expect(numbers.length).toBeGreaterThan(0);
      expect(numbers.sort(byNumber)).toEqual(oneToN(numbers.length));
      for (const number of numbers) {
        for (const range of reserved) expect(number < range.first || number > range.last).toBe(true);
      }
      // What is stored is what was answered: those ranges, the online tickets and nothing else.
      const stored = await twins.a.sql.get<{ ranges: number; tickets: number }>(
        `SELECT (SELECT count(*) FROM ticket_ranges) AS ranges, (SELECT count(*) FROM tickets) AS tickets`,
      );
      expect(stored).toEqual({ ranges: reserved.length, tickets: numbers.length });
    },
    MANY_REQUESTS_MS,
  );

  it(
    'stores each reported offline number once when two reports of one range arrive at once',
    async () => {
      twins = await createTwinPlatforms({ now: manualClock(MONDAY_10).now });
      const range = (await reserve(0, KIOSK_1, 10)).json<TicketRange>();
      const numbers = oneToN(10).map((i) => range.first + i - 1);
      const report = (index: number) =>
        instance(index).request('POST', `/api/v1/terminals/${KIOSK_1.id}/offline-tickets`, {
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
          idempotencyKey: newKey(),
        });

      const responses = await Promise.all(oneToN(6).map(report));

      expectNoServerError(responses);
      const accepted = responses.flatMap((response) =>
        response.json<{ accepted: Ticket[] }>().accepted.map((ticket) => ticket.number),
      );
      expect(accepted.sort(byNumber)).toEqual(numbers);
    },
    MANY_REQUESTS_MS,
  );
});

describe('appointment slots under concurrency', () => {
  it(
    'books exactly the capacity of a slot when many book it at once, and answers the rest slotFull',
    async () => {
      twins = await createTwinPlatforms({ now: manualClock(MONDAY_10).now });

      const responses = await Promise.all(oneToN(12).map(book));

      expectNoServerError(responses);
      const booked = responses.filter((response) => response.status === 201);
      expect(booked).toHaveLength(SLOT_CAPACITY);
      for (const response of responses.filter((candidate) => candidate.status !== 201)) {
        expect(response.json()).toMatchObject({ status: 409, code: 'slotFull' });
      }
      const held = await twins.b.sql.get<{ count: number }>(
        "SELECT count(*) AS count FROM appointments WHERE slot_id = ? AND status = 'booked'",
        [SLOT],
      );
      expect(held?.count).toBe(SLOT_CAPACITY);
      const slots = await twins.a.request(
        'GET',
        '/api/v1/service-points/aq-jingzhi-centre/appointment-slots?date=2026-03-02',
      );
      expect(slots.json<AppointmentSlotList>().slots.find((slot) => slot.slotId === SLOT)?.remaining).toBe(0);
    },
    MANY_REQUESTS_MS,
  );

  it(
    'checks an appointment in once when check-ins and a cancellation of it arrive at once',
    async () => {
      twins = await createTwinPlatforms({ now: manualClock(MONDAY_10).now });
      const { appointmentId } = (await book(0)).json<Appointment>();
      const checkIn = (index: number) =>
        instance(index).request('POST', `/api/v1/appointments/${appointmentId}/check-ins`, {
          body: { stationId: STATION, checkedInAt: MONDAY_10 },
          idempotencyKey: newKey(),
        });
      const cancel = (index: number) =>
        instance(index).request('POST', `/api/v1/appointments/${appointmentId}/cancellations`, {
          body: { reason: 'cannotAttend', cancelledAt: MONDAY_10 },
          idempotencyKey: newKey(),
        });

      const responses = await Promise.all([...oneToN(6).map(checkIn), cancel(1), cancel(2)]);

      expectNoServerError(responses);
      const won = responses.filter((response) => response.status === 200 || response.status === 201);
      expect(won).toHaveLength(1);
      for (const response of responses.filter((candidate) => !won.includes(candidate))) {
        expect(response.json()).toMatchObject({ status: 409, code: 'appointmentNotActive' });
      }
      const tickets = await twins.a.sql.get<{ count: number }>(
        'SELECT count(*) AS count FROM tickets WHERE appointment_id = ?',
        [appointmentId],
      );
      expect(tickets?.count).toBe(won[0]?.status === 201 ? 1 : 0);
    },
    MANY_REQUESTS_MS,
  );
});
