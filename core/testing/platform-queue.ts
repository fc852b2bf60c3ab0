import type { Appointment, AppointmentSlot } from '../../platform/contract/appointments';
import type { QueueService, Ticket, TicketRange } from '../../platform/contract/queue';

import { fakePlatform, json, type Route } from './fake-platform';

/**
 * The platform's queue and appointment endpoints as routes for the kit's fake platform
 * (fake-platform.ts), with the behaviour the kiosk relies on: tickets numbered per service, ranges
 * reserved for offline numbering, slots booked, checked in and cancelled, and business refusals a
 * test switches on in `state`. Made with `replayByIdempotencyKey` by queuePlatform(), so answers are
 * replayed per Idempotency-Key; network faults are the fake platform's own (`online`, `faults`).
 */

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

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

export function queueRoutes(options: { stationId: string; terminalId: string; now: () => Date }) {
  const state = {
    services: [
      queueService({ serviceCode: 'SOCIAL', prefix: 'A', name: '社保医保' }),
      queueService({ serviceCode: 'CIVIL', prefix: 'B', name: '民政事务', waiting: 0, estimatedWaitMinutes: 0 }),
    ] as QueueService[],
    /** issueTicket refuses with this business code. */
    refuseTickets: null as null | 'dailyCapReached' | 'queueClosed',
    rangeSize: null as number | null,
    refuseRanges: null as null | 'ticketRangeExhausted',
    slots: [] as AppointmentSlot[],
    appointments: [] as Array<Appointment & { idNumber: string }>,
    refuseBooking: null as null | 'slotFull',
  };
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

  const serve: Route = ({ method, path, body }) => {
    const url = new URL(path, 'http://platform.test');
    const answer = route(method, url.pathname, url, body);
    return answer.status >= 400
      ? json(answer.status, answer.body, { 'content-type': 'application/problem+json' })
      : json(answer.status, answer.body);
  };
  const routes: Array<[string, Route]> = [
    'GET /stations/:stationId/queues',
    'POST /stations/:stationId/tickets',
    'POST /terminals/:terminalId/ticket-ranges',
    'POST /terminals/:terminalId/offline-tickets',
    'GET /service-points/:servicePointId/appointment-slots',
    'POST /appointments',
    'POST /appointment-searches',
    'POST /appointments/:appointmentId/check-ins',
    'POST /appointments/:appointmentId/cancellations',
  ].map((key) => [key, serve]);
  return { routes, state, tickets, ranges };
}

/** The kit's fake platform serving queueRoutes(), replaying answers by Idempotency-Key. */
export function queuePlatform(options: { stationId: string; terminalId: string; now: () => Date }) {
  const queue = queueRoutes(options);
  const platform = fakePlatform({ routes: queue.routes, replayByIdempotencyKey: true });
  return Object.assign(platform, { state: queue.state, tickets: queue.tickets, ranges: queue.ranges });
}

export type QueuePlatform = ReturnType<typeof queuePlatform>;

function chinaDayOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}
