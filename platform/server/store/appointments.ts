import type { SqlQueries } from '../db/sql';
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
import { err, ok, type Result } from '../../../core/pure/result';
import { dailyId, nextDaySequence } from './day-sequence';
import { lockUntilCommit } from './transaction-lock';

/**
 * Appointments (预约): AP-YYYYMMDD-NNNN by booking day. A booked appointment whose day has passed
 * without a check-in reads as noShow (nao_compareceu); the row keeps 'booked'. The booking (name,
 * ID numbers, phone) is sealed; searches go through the keyed identity index, and the masked
 * name answers show is made from the opened booking.
 *
 * Under concurrency (several platform instances on one PostgreSQL database):
 * - a slot is never overbooked: recordAppointment counts the slot's places and inserts under the
 *   slot's lock, which every booking of that slot takes first;
 * - an appointment is checked in or cancelled once: holdBookedAppointment and markCancelled are
 *   conditional UPDATEs on status 'booked', and the row they lock makes the second one wait and
 *   then find the row no longer booked (0 rows changed).
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

const COLUMNS = `appointment_id AS "appointmentId", status, service_point_id AS "servicePointId", slot_day AS "slotDay",
  starts_at AS "startsAt", ends_at AS "endsAt", matter_code AS "matterCode", matter_version AS "matterVersion",
  matter_name AS "matterName", sealed_booking AS sealed, booked_at AS "bookedAt",
  checked_in_at AS "checkedInAt", cancelled_at AS "cancelledAt"`;

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

/** Places taken in a slot: its appointments booked or checked in (a cancellation frees one). */
export async function bookedCount(db: SqlQueries, slotId: string): Promise<number> {
  const row = await db.get<{ count: number }>(
    "SELECT count(*) AS count FROM appointments WHERE slot_id = ? AND status IN ('booked', 'checkedIn')",
    [slotId],
  );
  return row?.count ?? 0;
}

/**
 * Books a place in the slot, or answers slotFull; call on the request's transaction. The slot's
 * lock (store/transaction-lock.ts), taken before counting, keeps the count true until commit:
 * a second booking of the same slot waits, then counts this one. Slots are not stored (they follow
 * from opening hours: store/appointment-slots.ts), so there is no row to hold a counter.
 */
export async function recordAppointment(
  db: SqlQueries,
  sealer: PlatformSealer,
  terminalId: string,
  booking: AppointmentBooking,
  slot: Omit<AppointmentSlot, 'remaining'>,
  now: Date,
): Promise<Result<Appointment, 'slotFull'>> {
  await lockUntilCommit(db, `appointment-slot\n${slot.slotId}`);
  if ((await bookedCount(db, slot.slotId)) >= slot.capacity) return err('slotFull');
  const day = chinaDay(now);
  const seq = await nextDaySequence(db, 'appointments', day);
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
  await db.run(
    `INSERT INTO appointments (appointment_id, day, seq, terminal_id, slot_id, service_point_id, slot_day, starts_at,
       ends_at, matter_code, matter_version, matter_name, applicant_index, agent_index, sealed_booking, status,
       booked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?)`,
    [
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
    ],
  );
  await recordArrival(db, 'appointment', appointmentId, now);
  return ok(toAppointment(row, now));
}

export async function findAppointment(
  db: SqlQueries,
  sealer: PlatformSealer,
  appointmentId: string,
  now: Date,
): Promise<Appointment | undefined> {
  const row = await db.get<SealedRow>(`SELECT ${COLUMNS} FROM appointments WHERE appointment_id = ?`, [appointmentId]);
  return row && toAppointment(unseal(sealer, row), now);
}

export async function appointmentExists(db: SqlQueries, appointmentId: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS found FROM appointments WHERE appointment_id = ?', [appointmentId])) !== undefined;
}

/** The person's appointments as applicant or 经办人, soonest first. */
export async function searchAppointments(
  db: SqlQueries,
  sealer: PlatformSealer,
  search: AppointmentSearch,
  now: Date,
): Promise<Appointment[]> {
  const index = sealer.identityIndex(search.idType, search.idNumber);
  const rows = await db.all<SealedRow>(
    `SELECT ${COLUMNS} FROM appointments
     WHERE (applicant_index = ? OR agent_index = ?) AND (CAST(? AS TEXT) IS NULL OR slot_day = ?)
     ORDER BY starts_at, appointment_id`,
    [index, index, search.date ?? null, search.date ?? null],
  );
  return rows.map((row) => toAppointment(unseal(sealer, row), now));
}

/** Whether the appointment can be checked in now: booked, and its day is today. */
export function canCheckIn(appointment: Appointment, now: Date): boolean {
  return appointment.status === 'booked' && chinaDay(new Date(appointment.startsAt)) === chinaDay(now);
}

/**
 * Claims a booked appointment for check-in until commit: a conditional UPDATE that changes
 * nothing but locks the row. False when it is no longer booked; a second check-in or a
 * cancellation running at the same time waits on the row and then gets false, so only one ticket
 * is issued for it. (Check-in issues the ticket before markCheckedIn can store its id.)
 */
export async function holdBookedAppointment(db: SqlQueries, appointmentId: string): Promise<boolean> {
  const held = await db.run("UPDATE appointments SET status = status WHERE appointment_id = ? AND status = 'booked'", [
    appointmentId,
  ]);
  return held.changes === 1;
}

/** Call after holdBookedAppointment on the same transaction. */
export async function markCheckedIn(db: SqlQueries, appointmentId: string, ticketId: string, now: Date): Promise<void> {
  const marked = await db.run(
    "UPDATE appointments SET status = 'checkedIn', checked_in_at = ?, ticket_id = ? WHERE appointment_id = ? AND status = 'booked'",
    [now.toISOString(), ticketId, appointmentId],
  );
  if (marked.changes !== 1) throw new Error(`markCheckedIn: ${appointmentId} was not held as booked`);
}

/**
 * Cancels a booked appointment; false when it is not booked (any more). The condition on status
 * decides between a cancellation and a check-in (or another cancellation) at the same time.
 */
export async function markCancelled(
  db: SqlQueries,
  appointmentId: string,
  reason: CancellationRequest['reason'],
  now: Date,
): Promise<boolean> {
  const cancelled = await db.run(
    "UPDATE appointments SET status = 'cancelled', cancelled_at = ?, cancel_reason = ? WHERE appointment_id = ? AND status = 'booked'",
    [now.toISOString(), reason, appointmentId],
  );
  return cancelled.changes === 1;
}

export async function appointmentRowCount(db: SqlQueries): Promise<number> {
  return (await db.get<{ count: number }>('SELECT count(*) AS count FROM appointments'))?.count ?? 0;
}
