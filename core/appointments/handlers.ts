import { randomUUID } from 'node:crypto';
import type {
  Appointment,
  AppointmentBooking,
  AppointmentSearch,
  AppointmentSlotList,
  CancellationRequest,
  CheckInRequest,
} from '../../platform/contract/appointments';
import type { Agent } from '../../platform/contract/common';
import type { KioskContract } from '../api/contract';
import type { DomainError } from '../api/errors';
import type { AppointmentDay, CheckInReceipt } from '../api/queue';
import type { CalendarDay } from '../../platform/contract/working-days';
import { err, ok, type Result } from '../pure/result';
import type { Handlers } from '../api/types';
import type { ServiceDeps } from '../app/service-deps';
import { getMatter } from '../catalog/catalog-store';
import { callPlatform } from '../platform-client/client';
import { describePlatformError, type PlatformError } from '../platform-client/http';
import type { SignedIn } from '../session/resident-session-types';
import { chinaDay, chinaDayAfter } from '../time/china-time';
import { printOrScreen } from '../devices/print-result';
import { DEFAULT_SAME_KEY_RETRY, postWithSameKey, type SameKeyRetry } from '../queue/same-key-retry';
import { ticketWait } from '../queue/take-ticket';
import { ticketDocument } from '../queue/ticket-document';
import { describeWhen } from '../station-hours/describe-when';
import { needsStaff, stationPresence, storedWorkingDays } from '../station-hours/station-hours';
import { appointmentSlip } from './appointment-slip';
import { printedCodeUrl } from '../api/printed-codes';

type AppointmentMethods =
  | 'appointment.days'
  | 'appointment.slots'
  | 'appointment.book'
  | 'appointment.mine'
  | 'appointment.checkIn'
  | 'appointment.cancel';

export interface AppointmentHandlerOptions {
  readonly retry: SameKeyRetry;
  /** How many days, from today, appointment.days lists. */
  readonly days: number;
}

export const DEFAULT_APPOINTMENT_HANDLER_OPTIONS: AppointmentHandlerOptions = {
  retry: DEFAULT_SAME_KEY_RETRY,
  days: 7,
};

type Unavailable = DomainError<'platformUnavailable'>;
const unavailable = (error: PlatformError): Unavailable => ({
  code: 'platformUnavailable',
  message: describePlatformError(error),
});
const notSignedIn = { code: 'notSignedIn', message: 'sign in with the ID card first' } as const;
const isCode = (error: PlatformError, ...codes: string[]) =>
  error.kind === 'http' && error.code !== null && codes.includes(error.code);

/**
 * 预约: slots, booking, the resident's appointments, check-in (a priority ticket) and cancelling.
 * All of it needs the platform; when it cannot be reached the answer is platformUnavailable.
 *
 * Booking, check-in and cancelling are POSTs with an Idempotency-Key from the confirmation (or the
 * appointment) and retried with the same key while the outcome is unclear. Their bodies carry the
 * resident's identity, so they are remembered in memory only, for this session, to resend a
 * repeated press byte for byte; they are forgotten when the session ends.
 */
export function buildAppointmentHandlers(
  deps: ServiceDeps,
  options: Partial<AppointmentHandlerOptions> = {},
): Pick<Handlers<KioskContract>, AppointmentMethods> {
  const settings = { ...DEFAULT_APPOINTMENT_HANDLER_OPTIONS, ...options };
  const log = deps.logger.child({ component: 'appointments' });
  const sentBodies = new Map<string, unknown>();
  const checkIns = new Map<string, CheckInReceipt>();
  deps.session.onEnd(() => {
    sentBodies.clear();
    checkIns.clear();
  });
  const bodyFor = <T>(key: string, make: () => T): T => {
    if (!sentBodies.has(key)) sentBodies.set(key, make());
    return sentBodies.get(key) as T;
  };

  const listSlots = async (
    servicePointId: string,
    matterCode: string,
    date: string,
  ): Promise<Result<SlotsOfDay, PlatformError>> => {
    const answer = await callPlatform(deps.platform, 'listAppointmentSlots', {
      params: { servicePointId },
      query: { date, ...(matterCode === '' ? {} : { matterCode }) },
    });
    if (!answer.ok) return err(answer.error);
    const list = answer.value.body;
    // A slot that has begun cannot be booked any more; one for other matters is not for this one.
    const now = deps.now().getTime();
    const slots = list.slots.filter(
      (slot) =>
        Date.parse(slot.startsAt) > now &&
        (matterCode === '' || slot.matterCodes.length === 0 || slot.matterCodes.includes(matterCode)),
    );
    return ok({ ...list, slots, listed: list.slots.length });
  };

  const search = async (applicant: SignedIn, date?: string): Promise<Result<Appointment[], Unavailable>> => {
    const body: AppointmentSearch = {
      idType: applicant.person.idType,
      idNumber: applicant.person.idNumber,
      ...(date === undefined ? {} : { date }),
    };
    const answer = await postWithSameKey(
      deps.platform,
      'searchAppointments',
      { body, idempotencyKey: `search-${randomUUID()}` },
      settings.retry,
    );
    if (!answer.ok) return err(unavailable(answer.error));
    return ok(answer.value.body.appointments);
  };

  const placeName = async (servicePointId: string): Promise<string> => {
    const answer = await callPlatform(deps.platform, 'getServicePoint', { params: { servicePointId } });
    // Unreachable: this station by its own name; another point in words, never its id.
    if (!answer.ok) return servicePointId === deps.info.station.id ? deps.info.station.name : '预约的服务点';
    const point = answer.value.body;
    return `${point.name}（${point.address}）`;
  };

  const recordOnce = (ref: string, title: string, matterCode: string) => {
    if (deps.session.findCompleted('appointment', ref)) return;
    deps.session.recordCompleted({ kind: 'appointment', ref, title, matterCode });
  };

  return {
    'appointment.days': async ({ servicePointId, matterCode }) => {
      const now = deps.now();
      const dates = Array.from({ length: settings.days }, (_, index) => chinaDayAfter(now, index));
      const lists = await Promise.all(dates.map((date) => listSlots(servicePointId, matterCode, date)));
      const calendar = storedWorkingDays(deps);
      const days: AppointmentDay[] = [];
      for (const [index, list] of lists.entries()) {
        if (!list.ok) return err(unavailable(list.error));
        const date = dates[index] ?? list.value.date;
        days.push(appointmentDay(date, list.value, calendar.day(date)));
      }
      return ok({ servicePointId, days });
    },

    'appointment.slots': async ({ servicePointId, matterCode, date }) => {
      const list = await listSlots(servicePointId, matterCode, date);
      return list.ok ? ok(list.value) : err(unavailable(list.error));
    },

    'appointment.book': async ({ confirmationId, slotId, matterCode, phone }) => {
      const applicant = deps.session.applicant();
      if (!applicant) return err(notSignedIn);
      const matter = getMatter(deps.db, matterCode);
      if (!matter) return err({ code: 'notFound', message: `matter ${matterCode} is not in the catalog` });
      const key = `appointment-${confirmationId}`;
      const agent = deps.session.agent();
      const body = bodyFor(key, (): AppointmentBooking => ({
        slotId,
        matter: { matterCode: matter.code, matterVersion: matter.version, matterName: matter.name },
        applicant: { ...applicant.person, phone },
        agent: agent ? agentOf(agent) : null,
        bookedAt: deps.now().toISOString(),
      }));
      const answer = await postWithSameKey(
        deps.platform,
        'bookAppointment',
        { body, idempotencyKey: key },
        settings.retry,
      );
      if (!answer.ok) {
        const error = answer.error;
        if (isCode(error, 'slotFull')) return err({ code: 'slotFull', message: describePlatformError(error) });
        if (isCode(error, 'unknownMatter') || (error.kind === 'http' && error.status === 404)) {
          return err({ code: 'notFound', message: describePlatformError(error) });
        }
        return err(unavailable(error));
      }
      const appointment = answer.value.body;
      log.info({ appointmentId: appointment.appointmentId }, 'appointment booked');
      const page = deps.info.station.progressPageUrl;
      const slip = appointmentSlip(appointment, {
        stationName: deps.info.station.name,
        place: await placeName(appointment.servicePointId),
        printedAt: deps.now(),
        code: page ? printedCodeUrl(page, { kind: 'appointment', appointmentId: appointment.appointmentId }) : null,
      });
      const print = await printOrScreen(deps.devices, slip);
      recordOnce(appointment.appointmentId, `预约 ${appointment.matter.matterName}`, appointment.matter.matterCode);
      return ok({ appointment, print });
    },

    'appointment.mine': async ({ date }) => {
      const applicant = deps.session.applicant();
      if (!applicant) return err(notSignedIn);
      const found = await search(applicant, date);
      return found.ok ? ok({ appointments: found.value }) : err(found.error);
    },

    'appointment.checkIn': async ({ confirmationId, appointmentId }) => {
      const applicant = deps.session.applicant();
      if (!applicant) return err(notSignedIn);
      const done = checkIns.get(confirmationId);
      if (done) return ok(done);

      const found = await search(applicant);
      if (!found.ok) return err(found.error);
      const appointment = found.value.find((candidate) => candidate.appointmentId === appointmentId);
      if (!appointment || appointment.status !== 'booked') {
        return err({
          code: 'appointmentNotActive',
          message: appointment
            ? `the appointment is ${appointment.status}`
            : 'not an appointment of the signed-in person',
        });
      }
      const now = deps.now();
      if (chinaDay(new Date(appointment.startsAt)) !== chinaDay(now)) {
        return err({ code: 'notToday', message: `the appointment is on ${chinaDay(new Date(appointment.startsAt))}` });
      }
      // Checking in makes a priority ticket: only worth it while a window still calls today.
      const presence = needsStaff(deps, 'appointmentCheckIn') ? stationPresence(deps, now) : null;
      if (presence?.state === 'offDuty') {
        return err({
          code: 'notStaffed',
          message: `nobody calls tickets again today; next: ${describeWhen(presence.next?.startsAt ?? null, now, deps.info.station.timeZone)}`,
        });
      }
      const key = `checkin-${confirmationId}`;
      const body = bodyFor(key, (): CheckInRequest => ({
        stationId: deps.info.station.id,
        checkedInAt: now.toISOString(),
      }));
      const answer = await postWithSameKey(
        deps.platform,
        'checkInAppointment',
        { params: { appointmentId }, body, idempotencyKey: key },
        settings.retry,
      );
      if (!answer.ok) {
        if (isCode(answer.error, 'appointmentNotActive')) {
          return err({ code: 'appointmentNotActive', message: describePlatformError(answer.error) });
        }
        return err(unavailable(answer.error));
      }
      const result = answer.value.body;
      log.info({ appointmentId, ticketNo: result.ticket.ticketNo }, 'appointment checked in');
      const wait = ticketWait(deps, result.ticket);
      const print = await printOrScreen(
        deps.devices,
        ticketDocument(result.ticket, {
          stationName: deps.info.station.name,
          offline: false,
          wait,
          timeZone: deps.info.station.timeZone,
        }),
      );
      recordOnce(appointmentId, `预约签到 ${result.ticket.ticketNo}`, result.appointment.matter.matterCode);
      const receipt: CheckInReceipt = { appointment: result.appointment, ticket: result.ticket, wait, print };
      checkIns.set(confirmationId, receipt);
      return ok(receipt);
    },

    'appointment.cancel': async ({ appointmentId }) => {
      const applicant = deps.session.applicant();
      if (!applicant) return err(notSignedIn);
      const found = await search(applicant);
      if (!found.ok) return err(found.error);
      const appointment = found.value.find((candidate) => candidate.appointmentId === appointmentId);
      if (!appointment) return err({ code: 'notFound', message: 'not an appointment of the signed-in person' });
      if (appointment.status !== 'booked') {
        return err({ code: 'appointmentNotActive', message: `the appointment is ${appointment.status}` });
      }
      const key = `cancel-appointment-${appointmentId}`;
      const body = bodyFor(key, (): CancellationRequest => ({
        reason: 'residentRequest',
        cancelledAt: deps.now().toISOString(),
      }));
      const answer = await postWithSameKey(
        deps.platform,
        'cancelAppointment',
        { params: { appointmentId }, body, idempotencyKey: key },
        settings.retry,
      );
      if (!answer.ok) {
        if (isCode(answer.error, 'appointmentNotActive')) {
          return err({ code: 'appointmentNotActive', message: describePlatformError(answer.error) });
        }
        if (answer.error.kind === 'http' && answer.error.status === 404) {
          return err({ code: 'notFound', message: describePlatformError(answer.error) });
        }
        return err(unavailable(answer.error));
      }
      log.info({ appointmentId }, 'appointment cancelled');
      return ok(answer.value.body);
    },
  };
}

/**
 * The 经办人 as the platform records them. The session does not say how the applicant entrusted
 * them; a consent statement is what the kiosk's agent sign-in asks for.
 */
function agentOf(agent: SignedIn & { relation: Agent['relation'] }): Agent {
  return {
    person: agent.person,
    relation: agent.relation,
    authorisation: { kind: 'consentStatement', materialSha256: null },
  };
}

/** One day's slots, those already begun taken out; `listed` counts them all. */
type SlotsOfDay = AppointmentSlotList & { readonly listed: number };

/**
 * A day as the booking screen shows it: 休息 on a weekend or public holiday without slots (not
 * 已约满: nobody booked it full), 已约满 only when there are slots and none is left, 已截止 when
 * today's slots have all begun, 不开放 on a working day the point takes no bookings.
 */
export function appointmentDay(date: string, slots: SlotsOfDay, day: CalendarDay): AppointmentDay {
  const remaining = slots.slots.reduce((sum, slot) => sum + slot.remaining, 0);
  const holiday = day.kind === 'holiday' || day.kind === 'makeUpWorkday' ? day.holiday : null;
  let status: AppointmentDay['status'];
  if (slots.slots.length > 0) status = remaining > 0 ? 'open' : 'full';
  else if (slots.listed > 0) status = 'over';
  else status = day.kind === 'weekend' || day.kind === 'holiday' ? 'rest' : 'notOffered';
  return { date, remaining, status, dayKind: day.kind, holiday };
}
