import {
  AppointmentBooking,
  AppointmentSearch,
  CancellationRequest,
  CheckInRequest,
  type AppointmentSlotList,
} from '../../contract/appointments';
import { isJson, parseJsonBody } from '../http/body';
import { commitIdempotent } from '../http/idempotency';
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
  holdBookedAppointment,
  markCancelled,
  markCheckedIn,
  recordAppointment,
  searchAppointments,
} from '../store/appointments';
import { currentWorkingDays, findCurrentMatter, findServicePoint } from '../store/published';
import { issueOnlineTicket } from '../store/tickets';
import { fieldProblem, notOwnStation } from './validation';

const NOT_ACTIVE = 'the appointment is cancelled, already checked in, or not for today';

const notJson = () => problemResponse(415, 'unsupportedMediaType', 'send Content-Type: application/json');

/**
 * 预约: slots from opening hours, booking, search by identity, check-in to a priority ticket, cancel.
 * Each POST runs its writes and stores its answer in one transaction (commitIdempotent); what
 * keeps a slot from being overbooked and an appointment from being checked in twice when several
 * instances serve at once is in store/appointments.ts.
 */
export function registerAppointmentRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'listAppointmentSlots', async (c) => {
    const servicePointId = c.req.param('servicePointId') ?? '';
    const point = await findServicePoint(ctx.sql, servicePointId);
    if (!point) return problemResponse(404, 'notFound', 'no such service point');
    const date = c.req.query('date') ?? '';
    const matterCode = c.req.query('matterCode');
    const now = ctx.now();
    const slots = [];
    for (const slot of slotsOfDay(point, date, now, await currentWorkingDays(ctx.sql))) {
      if (matterCode !== undefined && slot.matterCodes.length > 0 && !slot.matterCodes.includes(matterCode)) continue;
      slots.push({ ...slot, remaining: Math.max(0, slot.capacity - (await bookedCount(ctx.sql, slot.slotId))) });
    }
    const list: AppointmentSlotList = { servicePointId, date, slots };
    return c.json(list);
  });

  onEndpoint(app, 'bookAppointment', async (c) => {
    if (!isJson(c.req.raw)) return notJson();
    return commitIdempotent(ctx, c, async (tx) => {
      const parsed = parseJsonBody(c.get('idempotency').body, AppointmentBooking, 'AppointmentBooking');
      if (!parsed.ok) return parsed.error;
      const booking = parsed.value;
      const now = ctx.now();
      const key = parseSlotId(booking.slotId);
      const point = key && (await findServicePoint(tx, key.servicePointId));
      const slot = key && point && findSlot(point, key, now, await currentWorkingDays(tx));
      if (!slot) return fieldProblem('/slotId', 'no such bookable slot (it may have passed)');
      if (!(await findCurrentMatter(tx, booking.matter.matterCode))) {
        return problemOutcome(422, 'unknownMatter', 'the matter is not in the current catalog');
      }
      if (slot.matterCodes.length > 0 && !slot.matterCodes.includes(booking.matter.matterCode)) {
        return fieldProblem('/matter/matterCode', 'this slot does not handle that matter');
      }
      const booked = await recordAppointment(tx, ctx.sealer, c.get('terminal').terminalId, booking, slot, now);
      if (!booked.ok) return problemOutcome(409, 'slotFull', 'the slot is fully booked; choose another time');
      return jsonOutcome(201, booked.value);
    });
  });

  onEndpoint(app, 'searchAppointments', async (c) => {
    if (!isJson(c.req.raw)) return notJson();
    return commitIdempotent(ctx, c, async (tx) => {
      const parsed = parseJsonBody(c.get('idempotency').body, AppointmentSearch, 'AppointmentSearch');
      if (!parsed.ok) return parsed.error;
      return jsonOutcome(200, { appointments: await searchAppointments(tx, ctx.sealer, parsed.value, ctx.now()) });
    });
  });

  onEndpoint(app, 'checkInAppointment', async (c) => {
    if (!isJson(c.req.raw)) return notJson();
    return commitIdempotent(ctx, c, async (tx) => {
      const parsed = parseJsonBody(c.get('idempotency').body, CheckInRequest, 'CheckInRequest');
      if (!parsed.ok) return parsed.error;
      const terminal = c.get('terminal');
      if (parsed.value.stationId !== terminal.stationId) return notOwnStation();
      const now = ctx.now();
      const appointmentId = c.req.param('appointmentId') ?? '';
      const appointment = await findAppointment(tx, ctx.sealer, appointmentId, now);
      if (!appointment) return problemOutcome(404, 'notFound', 'no such appointment');
      if (!canCheckIn(appointment, now)) return problemOutcome(409, 'appointmentNotActive', NOT_ACTIVE);
      const themeIds = (await findCurrentMatter(tx, appointment.matter.matterCode))?.themeIds ?? [];
      const service = serviceForThemes(ctx.queueServices(terminal.stationId), themeIds);
      if (!service) return problemOutcome(409, 'queueClosed', 'this station has no queue');
      // One ticket per appointment: a check-in or cancellation at the same moment waits here.
      if (!(await holdBookedAppointment(tx, appointmentId))) {
        return problemOutcome(409, 'appointmentNotActive', NOT_ACTIVE);
      }
      const issued = await issueOnlineTicket(
        tx,
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
      await markCheckedIn(tx, appointmentId, issued.value.ticketId, now);
      const checkedIn = await findAppointment(tx, ctx.sealer, appointmentId, now);
      return jsonOutcome(201, { appointment: checkedIn, ticket: issued.value });
    });
  });

  onEndpoint(app, 'cancelAppointment', async (c) => {
    if (!isJson(c.req.raw)) return notJson();
    return commitIdempotent(ctx, c, async (tx) => {
      const parsed = parseJsonBody(c.get('idempotency').body, CancellationRequest, 'CancellationRequest');
      if (!parsed.ok) return parsed.error;
      const now = ctx.now();
      const appointmentId = c.req.param('appointmentId') ?? '';
      const appointment = await findAppointment(tx, ctx.sealer, appointmentId, now);
      if (!appointment) return problemOutcome(404, 'notFound', 'no such appointment');
      // status 'noShow' (a booked one whose day has passed) cannot be cancelled either.
      if (appointment.status !== 'booked') return problemOutcome(409, 'appointmentNotActive', NOT_ACTIVE);
      // The condition on the row decides between this and a check-in committed meanwhile.
      if (!(await markCancelled(tx, appointmentId, parsed.value.reason, now))) {
        return problemOutcome(409, 'appointmentNotActive', NOT_ACTIVE);
      }
      return jsonOutcome(200, await findAppointment(tx, ctx.sealer, appointmentId, now));
    });
  });
}
