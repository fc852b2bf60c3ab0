import type Database from 'better-sqlite3';
import type {
  Appointment,
  AppointmentBooking,
  AppointmentSearch,
  AppointmentSlot,
  AppointmentStatus,
  CancellationRequest,
} from '../../contract/appointments';
import { maskName } from '../privacy/mask';
import type { PlatformSealer } from '../sealing/sealer';
import { chinaDay, compactChinaDay } from '../time';
import { recordArrival } from './arrivals';
import { dailyId, nextDaySequence } from './day-sequence';

/**
 * Appointments (预约): AP-YYYYMMDD-NNNN by booking day. A booked appointment whose day has passed
 * without a check-in reads as noShow (nao_compareceu); the row keeps 'booked'. The booking (name,
 * ID numbers, phone) is sealed; searches go through the keyed identity index, and the masked
 * name answers show is made from the opened booking.
 */

const SEALED = 'appointments.sealed_booking';

interface Row {
  appointmentId: string;
  status: AppointmentStatus;
  servicePointId: string;
  slotDay: string;
  startsAt: string;
  endsAt: string;
  matterCode: string;
  matterVersion: number;
  matterName: string;
  applicantName: string;
  bookedAt: string;
  checkedInAt: string | null;
  cancelledAt: string | null;
}

const COLUMNS = `appointment_id AS appointmentId, status, service_point_id AS servicePointId, slot_day AS slotDay,
  starts_at AS startsAt, ends_at AS endsAt, matter_code AS matterCode, matter_version AS matterVersion,
  matter_name AS matterName, sealed_booking AS sealed, booked_at AS bookedAt,
  checked_in_at AS checkedInAt, cancelled_at AS cancelledAt`;

type SealedRow = Omit<Row, 'applicantName'> & { sealed: Buffer };

function unseal(sealer: PlatformSealer, row: SealedRow): Row {
  const { sealed, ...rest } = row;
  const booking = sealer.openJson<AppointmentBooking>(SEALED, row.appointmentId, sealed);
  return { ...rest, applicantName: maskName(booking.applicant.name) };
}

function toAppointment(row: Row, now: Date): Appointment {
  const status: AppointmentStatus = row.status === 'booked' && row.slotDay < chinaDay(now) ? 'noShow' : row.status;
  return {
    appointmentId: row.appointmentId,
    status,
    servicePointId: row.servicePointId,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    matter: { matterCode: row.matterCode, matterVersion: row.matterVersion, matterName: row.matterName },
    applicantName: row.applicantName,
    bookedAt: row.bookedAt,
    checkedInAt: row.checkedInAt,
    cancelledAt: row.cancelledAt,
  };
}

export function bookedCount(db: Database.Database, slotId: string): number {
  return db
    .prepare("SELECT count(*) FROM appointments WHERE slot_id = ? AND status IN ('booked', 'checkedIn')")
    .pluck()
    .get(slotId) as number;
}

export function recordAppointment(
  db: Database.Database,
  sealer: PlatformSealer,
  terminalId: string,
  booking: AppointmentBooking,
  slot: Omit<AppointmentSlot, 'remaining'>,
  now: Date,
): Appointment {
  const day = chinaDay(now);
  const seq = nextDaySequence(db, 'appointments', day);
  const appointmentId = dailyId('AP', compactChinaDay(now), seq);
  const row: Row = {
    appointmentId,
    status: 'booked',
    servicePointId: slot.servicePointId,
    slotDay: chinaDay(new Date(slot.startsAt)),
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    matterCode: booking.matter.matterCode,
    matterVersion: booking.matter.matterVersion,
    matterName: booking.matter.matterName,
    applicantName: maskName(booking.applicant.name),
    bookedAt: now.toISOString(),
    checkedInAt: null,
    cancelledAt: null,
  };
  db.prepare(
    `INSERT INTO appointments (appointment_id, day, seq, terminal_id, slot_id, service_point_id, slot_day, starts_at,
       ends_at, matter_code, matter_version, matter_name, applicant_index, agent_index, sealed_booking, status,
       booked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?)`,
  ).run(
    appointmentId,
    day,
    seq,
    terminalId,
    slot.slotId,
    row.servicePointId,
    row.slotDay,
    row.startsAt,
    row.endsAt,
    row.matterCode,
    row.matterVersion,
    row.matterName,
    sealer.identityIndex(booking.applicant.idType, booking.applicant.idNumber),
    booking.agent ? sealer.identityIndex(booking.agent.person.idType, booking.agent.person.idNumber) : null,
    sealer.sealJson(SEALED, appointmentId, booking),
    row.bookedAt,
  );
  recordArrival(db, 'appointment', appointmentId, now);
  return toAppointment(row, now);
}

export function findAppointment(
  db: Database.Database,
  sealer: PlatformSealer,
  appointmentId: string,
  now: Date,
): Appointment | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM appointments WHERE appointment_id = ?`).get(appointmentId) as
    SealedRow | undefined;
  return row && toAppointment(unseal(sealer, row), now);
}

/** The person's appointments as applicant or 经办人, soonest first. */
export function searchAppointments(
  db: Database.Database,
  sealer: PlatformSealer,
  search: AppointmentSearch,
  now: Date,
): Appointment[] {
  const index = sealer.identityIndex(search.idType, search.idNumber);
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM appointments
       WHERE (applicant_index = ? OR agent_index = ?) AND (? IS NULL OR slot_day = ?)
       ORDER BY starts_at, appointment_id`,
    )
    .all(index, index, search.date ?? null, search.date ?? null) as SealedRow[];
  return rows.map((row) => toAppointment(unseal(sealer, row), now));
}

/** Whether the appointment can be checked in now: booked, and its day is today. */
export function canCheckIn(appointment: Appointment, now: Date): boolean {
  return appointment.status === 'booked' && chinaDay(new Date(appointment.startsAt)) === chinaDay(now);
}

export function markCheckedIn(db: Database.Database, appointmentId: string, ticketId: string, now: Date): void {
  db.prepare(
    "UPDATE appointments SET status = 'checkedIn', checked_in_at = ?, ticket_id = ? WHERE appointment_id = ?",
  ).run(now.toISOString(), ticketId, appointmentId);
}

export function markCancelled(
  db: Database.Database,
  appointmentId: string,
  reason: CancellationRequest['reason'],
  now: Date,
): void {
  db.prepare(
    "UPDATE appointments SET status = 'cancelled', cancelled_at = ?, cancel_reason = ? WHERE appointment_id = ?",
  ).run(now.toISOString(), reason, appointmentId);
}

export function appointmentRowCount(db: Database.Database): number {
  return db.prepare('SELECT count(*) FROM appointments').pluck().get() as number;
}
