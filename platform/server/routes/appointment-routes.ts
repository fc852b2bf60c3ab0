import {
  AppointmentBooking,
  AppointmentSearch,
  CancellationRequest,
  CheckInRequest,
  type AppointmentSlotList,
} from '../../contract/appointments';
import { idempotentJson } from '../http/json-input';
import { jsonOutcome } from '../http/outcome';
import { problemOutcome, problemResponse } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import { serviceForThemes } from '../sample/queue-services';
import { findSlot, parseSlotId, slotsOfDay } from '../store/appointment-slots';
import {
  bookedCount,
  canCheckIn,
  findAppointment,
  markCancelled,
  markCheckedIn,
  recordAppointment,
  searchAppointments,
} from '../store/appointments';
import { currentWorkingDays, findCurrentMatter, findServicePoint } from '../store/published';
import { issueOnlineTicket } from '../store/tickets';
import { fieldProblem, notOwnStation } from './validation';

const NOT_ACTIVE = 'the appointment is cancelled, already checked in, or not for today';

/** 预约: slots from opening hours, booking, search by identity, check-in to a priority ticket, cancel. */
export function registerAppointmentRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'listAppointmentSlots', (c) => {
    const servicePointId = c.req.param('servicePointId') ?? '';
    const point = findServicePoint(ctx.db, servicePointId);
    if (!point) return problemResponse(404, 'notFound', 'no such service point');
    const date = c.req.query('date') ?? '';
    const matterCode = c.req.query('matterCode');
    const now = ctx.now();
    const slots = slotsOfDay(point, date, now, currentWorkingDays(ctx.db))
      .filter(
        (slot) => matterCode === undefined || slot.matterCodes.length === 0 || slot.matterCodes.includes(matterCode),
      )
      .map((slot) => ({ ...slot, remaining: Math.max(0, slot.capacity - bookedCount(ctx.db, slot.slotId)) }));
    const list: AppointmentSlotList = { servicePointId, date, slots };
    return c.json(list);
  });

  onEndpoint(app, 'bookAppointment', (c) =>
    idempotentJson(ctx, c, AppointmentBooking, 'AppointmentBooking', (booking) => {
      const now = ctx.now();
      const key = parseSlotId(booking.slotId);
      const point = key && findServicePoint(ctx.db, key.servicePointId);
      const slot = key && point && findSlot(point, key, now, currentWorkingDays(ctx.db));
      if (!slot) return fieldProblem('/slotId', 'no such bookable slot (it may have passed)');
      if (!findCurrentMatter(ctx.db, booking.matter.matterCode)) {
        return problemOutcome(422, 'unknownMatter', 'the matter is not in the current catalog');
      }
      if (slot.matterCodes.length > 0 && !slot.matterCodes.includes(booking.matter.matterCode)) {
        return fieldProblem('/matter/matterCode', 'this slot does not handle that matter');
      }
      if (bookedCount(ctx.db, slot.slotId) >= slot.capacity) {
        return problemOutcome(409, 'slotFull', 'the slot is fully booked; choose another time');
      }
      return jsonOutcome(201, recordAppointment(ctx.db, ctx.sealer, c.get('terminal').terminalId, booking, slot, now));
    }),
  );

  onEndpoint(app, 'searchAppointments', (c) =>
    idempotentJson(ctx, c, AppointmentSearch, 'AppointmentSearch', (search) =>
      jsonOutcome(200, { appointments: searchAppointments(ctx.db, ctx.sealer, search, ctx.now()) }),
    ),
  );

  onEndpoint(app, 'checkInAppointment', (c) =>
    idempotentJson(ctx, c, CheckInRequest, 'CheckInRequest', (request) => {
      const terminal = c.get('terminal');
      if (request.stationId !== terminal.stationId) return notOwnStation();
      const now = ctx.now();
      const appointmentId = c.req.param('appointmentId') ?? '';
      const appointment = findAppointment(ctx.db, ctx.sealer, appointmentId, now);
      if (!appointment) return problemOutcome(404, 'notFound', 'no such appointment');
      if (!canCheckIn(appointment, now)) return problemOutcome(409, 'appointmentNotActive', NOT_ACTIVE);
      const themeIds = findCurrentMatter(ctx.db, appointment.matter.matterCode)?.themeIds ?? [];
      const service = serviceForThemes(ctx.queueServices(terminal.stationId), themeIds);
      if (!service) return problemOutcome(409, 'queueClosed', 'this station has no queue');
      const issued = issueOnlineTicket(
        ctx.db,
        service,
        {
          stationId: terminal.stationId,
          terminalId: terminal.terminalId,
          priorityClass: 'appointment',
          appointmentId,
          matterCode: appointment.matter.matterCode,
        },
        now,
      );
      if (!issued.ok) {
        return issued.error === 'queueClosed'
          ? problemOutcome(409, 'queueClosed', 'the queue does not issue tickets at this time')
          : problemOutcome(409, 'dailyCapReached', "today's numbers for this service are used up");
      }
      markCheckedIn(ctx.db, appointmentId, issued.value.ticketId, now);
      const checkedIn = findAppointment(ctx.db, ctx.sealer, appointmentId, now);
      return jsonOutcome(201, { appointment: checkedIn, ticket: issued.value });
    }),
  );

  onEndpoint(app, 'cancelAppointment', (c) =>
    idempotentJson(ctx, c, CancellationRequest, 'CancellationRequest', (request) => {
      const now = ctx.now();
      const appointmentId = c.req.param('appointmentId') ?? '';
      const appointment = findAppointment(ctx.db, ctx.sealer, appointmentId, now);
      if (!appointment) return problemOutcome(404, 'notFound', 'no such appointment');
      if (appointment.status !== 'booked') return problemOutcome(409, 'appointmentNotActive', NOT_ACTIVE);
      markCancelled(ctx.db, appointmentId, request.reason, now);
      return jsonOutcome(200, findAppointment(ctx.db, ctx.sealer, appointmentId, now));
    }),
  );
}
