import type { Appointment, AppointmentSlot } from '../../../platform/contract/appointments';
import type { QueueService, Ticket, TicketRange } from '../../../platform/contract/queue';

/**
 * An in-test stand-in for the platform's queue and appointment endpoints, with the behaviour the
 * kiosk relies on: answers stored per Idempotency-Key and replayed, and faults a test switches on
 * (outage, timeouts, answers dropped after the platform committed). Served through a fake fetch,
 * so the kiosk's real HTTP client and schemas are exercised.
 */

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly idempotencyKey: string | null;
  readonly body: unknown;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

const BASE = 'http://platform.test/api/v1';

export function queueService(
  overrides: Partial<QueueService> & Pick<QueueService, 'serviceCode' | 'prefix'>,
): QueueService {
  return {
    name: '社保医保',
    dailyCap: 200,
    issuedToday: 10,
    waiting: 4,
    estimatedWaitMinutes: 20,
    open: true,
    priorities: [
      { class: 'normal', weight: 0, label: '普通' },
      { class: 'elderly', weight: 10, label: '老年人优先' },
    ],
    ...overrides,
  };
}

export function createFakePlatform(options: { stationId: string; terminalId: string; now: () => Date }) {
  const state = {
    services: [
      queueService({ serviceCode: 'SOCIAL', prefix: 'A', name: '社保医保' }),
      queueService({ serviceCode: 'CIVIL', prefix: 'B', name: '民政事务', waiting: 0, estimatedWaitMinutes: 0 }),
    ] as QueueService[],
    /** Every request fails as if the network were down. */
    outage: false,
    /** The next N requests time out before reaching the platform. */
    timeoutNext: 0,
    /** The next N POSTs are committed and their answer is lost on the way back. */
    dropAfterCommitNext: 0,
    /** The next N requests answer 503 without doing anything. */
    unavailableNext: 0,
    /** issueTicket refuses with this business code. */
    refuseTickets: null as null | 'dailyCapReached' | 'queueClosed',
    rangeSize: null as number | null,
    refuseRanges: null as null | 'ticketRangeExhausted',
    slots: [] as AppointmentSlot[],
    appointments: [] as Array<Appointment & { idNumber: string }>,
    refuseBooking: null as null | 'slotFull',
  };
  const calls: RecordedCall[] = [];
  const stored = new Map<string, Answer>();
  const tickets: Ticket[] = [];
  const ranges: TicketRange[] = [];
  const nextNumber = new Map<string, number>();
  let rangeCount = 0;
  let bookingCount = 0;

  const chinaDay = () => new Date(options.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const problem = (status: number, code: string): Answer => ({ status, body: { title: code, status, code } });
  const numberFor = (serviceCode: string) => {
    const next = nextNumber.get(serviceCode) ?? 1;
    nextNumber.set(serviceCode, next + 1);
    return next;
  };

  const issue = (request: {
    serviceCode: string;
    priority: Ticket['priority']['class'];
    appointmentId?: string | null;
  }): Answer => {
    const service = state.services.find((candidate) => candidate.serviceCode === request.serviceCode);
    if (!service) return problem(404, 'notFound');
    if (state.refuseTickets) return problem(409, state.refuseTickets);
    const number = numberFor(service.serviceCode);
    const ahead = service.waiting;
    service.waiting += 1;
    service.issuedToday += 1;
    const ticket: Ticket = {
      ticketId: `TK-${service.prefix}-${number}`,
      ticketNo: `${service.prefix}${String(number).padStart(3, '0')}`,
      prefix: service.prefix,
      number,
      serviceCode: service.serviceCode,
      serviceName: service.name,
      stationId: options.stationId,
      date: chinaDay(),
      priority: service.priorities.find((p) => p.class === request.priority) ?? {
        class: request.priority,
        weight: 50,
        label: request.priority === 'appointment' ? '预约优先' : '优先',
      },
      waitingAhead: ahead,
      estimatedWaitMinutes: ahead * 5,
      issuedAt: options.now().toISOString(),
      issuedBy: options.terminalId,
      source: 'online',
    };
    tickets.push(ticket);
    return { status: 201, body: ticket };
  };

  const route = (method: string, path: string, url: URL, body: unknown): Answer => {
    const parts = path.split('/').filter(Boolean);
    if (method === 'GET' && parts[0] === 'stations' && parts[2] === 'queues') {
      return {
        status: 200,
        body: {
          stationId: parts[1],
          date: chinaDay(),
          updatedAt: options.now().toISOString(),
          services: state.services,
        },
      };
    }
    if (method === 'POST' && parts[0] === 'stations' && parts[2] === 'tickets') {
      return issue(body as { serviceCode: string; priority: Ticket['priority']['class'] });
    }
    if (method === 'POST' && parts[0] === 'terminals' && parts[2] === 'ticket-ranges') {
      if (state.refuseRanges) return problem(409, state.refuseRanges);
      const request = body as { serviceCode: string; date: string; size: number; stationId: string };
      const service = state.services.find((candidate) => candidate.serviceCode === request.serviceCode);
      if (!service) return problem(404, 'notFound');
      rangeCount += 1;
      const size = state.rangeSize ?? request.size;
      const first = 500 + (rangeCount - 1) * 100;
      const range: TicketRange = {
        rangeId: `R-${rangeCount}`,
        terminalId: options.terminalId,
        stationId: request.stationId,
        serviceCode: request.serviceCode,
        prefix: service.prefix,
        date: request.date,
        first,
        last: first + size - 1,
        reservedAt: options.now().toISOString(),
      };
      ranges.push(range);
      return { status: 201, body: range };
    }
    if (method === 'POST' && parts[0] === 'terminals' && parts[2] === 'offline-tickets') {
      return { status: 200, body: { rangeId: (body as { rangeId: string }).rangeId, accepted: [], rejected: [] } };
    }
    if (method === 'GET' && parts[0] === 'service-points' && parts[2] === 'appointment-slots') {
      const date = url.searchParams.get('date') ?? '';
      const matterCode = url.searchParams.get('matterCode');
      const slots = state.slots.filter(
        (slot) =>
          slot.servicePointId === parts[1] &&
          chinaDayOf(slot.startsAt) === date &&
          (matterCode === null || slot.matterCodes.length === 0 || slot.matterCodes.includes(matterCode)),
      );
      return { status: 200, body: { servicePointId: parts[1], date, slots } };
    }
    if (method === 'GET' && parts[0] === 'service-points' && parts.length === 2) {
      return problem(404, 'notFound');
    }
    if (method === 'POST' && path === '/appointments') {
      if (state.refuseBooking) return problem(409, state.refuseBooking);
      const booking = body as {
        slotId: string;
        matter: Appointment['matter'];
        applicant: { idNumber: string; name: string };
        bookedAt: string;
      };
      const slot = state.slots.find((candidate) => candidate.slotId === booking.slotId);
      if (!slot) return problem(404, 'notFound');
      bookingCount += 1;
      const appointment = {
        appointmentId: `AP-${bookingCount}`,
        status: 'booked' as const,
        servicePointId: slot.servicePointId,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        matter: booking.matter,
        applicantName: `${booking.applicant.name.slice(0, 1)}*`,
        bookedAt: booking.bookedAt,
        checkedInAt: null,
        cancelledAt: null,
      };
      state.appointments.push({ ...appointment, idNumber: booking.applicant.idNumber });
      return { status: 201, body: appointment };
    }
    if (method === 'POST' && path === '/appointment-searches') {
      const search = body as { idNumber: string; date?: string };
      const appointments = state.appointments
        .filter(
          (a) =>
            a.idNumber === search.idNumber && (search.date === undefined || chinaDayOf(a.startsAt) === search.date),
        )
        .map(({ idNumber: _idNumber, ...appointment }) => appointment);
      return { status: 200, body: { appointments } };
    }
    if (
      method === 'POST' &&
      parts[0] === 'appointments' &&
      (parts[2] === 'check-ins' || parts[2] === 'cancellations')
    ) {
      const appointment = state.appointments.find((a) => a.appointmentId === parts[1]);
      if (!appointment) return problem(404, 'notFound');
      if (appointment.status !== 'booked') return problem(409, 'appointmentNotActive');
      const { idNumber: _idNumber, ...visible } = appointment;
      if (parts[2] === 'cancellations') {
        appointment.status = 'cancelled';
        appointment.cancelledAt = options.now().toISOString();
        return { status: 200, body: { ...visible, status: 'cancelled', cancelledAt: appointment.cancelledAt } };
      }
      appointment.status = 'checkedIn';
      appointment.checkedInAt = options.now().toISOString();
      const ticket = issue({
        serviceCode: 'SOCIAL',
        priority: 'appointment',
        appointmentId: appointment.appointmentId,
      });
      return {
        status: 201,
        body: {
          appointment: { ...visible, status: 'checkedIn', checkedInAt: appointment.checkedInAt },
          ticket: ticket.body,
        },
      };
    }
    return problem(501, 'notImplemented');
  };

  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const headers = new Headers(init?.headers);
    const idempotencyKey = headers.get('idempotency-key');
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method, path, idempotencyKey, body });

    if (state.outage) return Promise.reject(networkError('ECONNREFUSED'));
    if (state.timeoutNext > 0) {
      state.timeoutNext -= 1;
      return Promise.reject(
        Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }),
      );
    }
    if (state.unavailableNext > 0) {
      state.unavailableNext -= 1;
      return Promise.resolve(json(problem(503, 'serviceUnavailable')));
    }
    let answer: Answer;
    const replay = method === 'POST' && idempotencyKey !== null ? stored.get(idempotencyKey) : undefined;
    if (replay) {
      answer = replay;
    } else {
      answer = route(method, path, url, body);
      if (method === 'POST' && idempotencyKey !== null && answer.status < 500) stored.set(idempotencyKey, answer);
    }
    if (method === 'POST' && state.dropAfterCommitNext > 0) {
      state.dropAfterCommitNext -= 1;
      return Promise.reject(networkError('ECONNRESET'));
    }
    return Promise.resolve(json(answer));
  };

  return { fetch, baseUrl: BASE, state, calls, tickets, ranges };
}

export type FakePlatform = ReturnType<typeof createFakePlatform>;

function json(answer: Answer): Response {
  return new Response(JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'content-type': answer.status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

function networkError(code: string): Error {
  return Object.assign(new TypeError('fetch failed'), { cause: { code, message: code } });
}

function chinaDayOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}
