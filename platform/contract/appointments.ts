import { z } from 'zod';
import { Agent, IdNumber, IdType, IsoDate, IsoDateTime, MatterCode, MatterRef, Person, ServicePointId } from './common';
import { Ticket } from './queue';

/**
 * Appointments (预约): slots per service point, booking, and check-in at the kiosk, which turns
 * a booking into a priority ticket (ZMS / Novo SGA model, docs/design-anchors.md §3).
 */

export const AppointmentId = z.string().regex(/^[A-Za-z0-9-]{4,64}$/);

export const AppointmentPathParams = z.object({ appointmentId: AppointmentId });

export const AppointmentSlotQuery = z.object({
  date: IsoDate.describe('the day to list slots for'),
  matterCode: MatterCode.optional().describe('only slots that handle this matter'),
});

export const AppointmentSlot = z
  .object({
    slotId: z.string().min(1).max(64),
    servicePointId: ServicePointId,
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    capacity: z.number().int().min(1),
    remaining: z.number().int().min(0),
    matterCodes: z.array(MatterCode).describe('matters handled in this slot; empty = any'),
  })
  .meta({ id: 'AppointmentSlot', description: 'A bookable time window at a service point.' });
export type AppointmentSlot = z.infer<typeof AppointmentSlot>;

export const AppointmentSlotList = z
  .object({
    servicePointId: ServicePointId,
    date: IsoDate,
    slots: z.array(AppointmentSlot),
  })
  .meta({ id: 'AppointmentSlotList', description: 'Slots of one day at one service point.' });
export type AppointmentSlotList = z.infer<typeof AppointmentSlotList>;

export const AppointmentBooking = z
  .object({
    slotId: z.string().min(1).max(64),
    matter: MatterRef,
    applicant: Person.describe('phone is required to send the booking confirmation'),
    agent: Agent.nullable(),
    bookedAt: IsoDateTime,
  })
  .refine((booking) => booking.applicant.phone !== undefined, {
    path: ['applicant', 'phone'],
    message: 'a booking needs a phone number',
  })
  .meta({ id: 'AppointmentBooking', description: 'Book a slot for a matter.' });
export type AppointmentBooking = z.infer<typeof AppointmentBooking>;

export const AppointmentStatus = z
  .enum(['booked', 'checkedIn', 'cancelled', 'noShow'])
  .meta({ id: 'AppointmentStatus', description: 'agendado / confirmado / nao_compareceu, plus cancelled.' });
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

export const Appointment = z
  .object({
    appointmentId: AppointmentId,
    status: AppointmentStatus,
    servicePointId: ServicePointId,
    startsAt: IsoDateTime,
    endsAt: IsoDateTime,
    matter: MatterRef,
    applicantName: z.string().min(1).max(64).describe('masked for display, e.g. 张*明'),
    bookedAt: IsoDateTime,
    checkedInAt: IsoDateTime.nullable(),
    cancelledAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'Appointment', description: 'A booked appointment.' });
export type Appointment = z.infer<typeof Appointment>;

export const AppointmentSearch = z
  .object({
    idType: IdType,
    idNumber: IdNumber,
    date: IsoDate.optional().describe("e.g. today's date at check-in"),
  })
  .meta({ id: 'AppointmentSearch', description: 'Find appointments by identity number (POST body, never a URL).' });
export type AppointmentSearch = z.infer<typeof AppointmentSearch>;

export const AppointmentList = z
  .object({ appointments: z.array(Appointment) })
  .meta({ id: 'AppointmentList', description: 'Appointments of the identified person, soonest first.' });
export type AppointmentList = z.infer<typeof AppointmentList>;

export const CheckInRequest = z
  .object({
    stationId: ServicePointId,
    checkedInAt: IsoDateTime,
  })
  .meta({ id: 'CheckInRequest', description: 'The resident arrived and checked in at the kiosk.' });
export type CheckInRequest = z.infer<typeof CheckInRequest>;

export const CheckInResult = z
  .object({ appointment: Appointment, ticket: Ticket })
  .meta({ id: 'CheckInResult', description: 'The appointment is checked in and has a priority ticket.' });
export type CheckInResult = z.infer<typeof CheckInResult>;

export const CancellationRequest = z
  .object({
    reason: z.enum(['residentRequest', 'cannotAttend', 'other']),
    cancelledAt: IsoDateTime,
  })
  .meta({ id: 'CancellationRequest', description: 'Cancel an appointment.' });
export type CancellationRequest = z.infer<typeof CancellationRequest>;
