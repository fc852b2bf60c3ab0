import { z } from 'zod';
import { Appointment, AppointmentId, AppointmentSlotList } from '../../platform/contract/appointments';
import { IsoDate, PhoneNumber } from '../../platform/contract/common';
import { PriorityClass, QueueService, ServiceCode, Ticket } from '../../platform/contract/queue';
import { ConfirmationId, PrintResult } from './resident';

/** Queue tickets (取号) and appointments (预约) as the renderer drives them. */

export const QueueServiceView = QueueService.extend({
  /** Numbers this kiosk may still issue offline today for this service (its reserved range). */
  offlineNumbersLeft: z.number().int().min(0),
});
export type QueueServiceView = z.infer<typeof QueueServiceView>;

export const QueueOverview = z.object({
  /** platform: live counts; offline: the last known counts, tickets come from the reserved range. */
  source: z.enum(['platform', 'offline']),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
  services: z.array(QueueServiceView),
});
export type QueueOverview = z.infer<typeof QueueOverview>;

export const TakeTicketInput = z
  .object({
    confirmationId: ConfirmationId,
    // The platform's own rule for service codes: an empty or odd code is refused here as bad
    // input, before the store's CHECK constraint would turn it into an internal error.
    serviceCode: ServiceCode,
    priority: PriorityClass.exclude(['appointment']),
    matterCode: z.string().max(64).nullable(),
  })
  .strict();

export const TicketReceipt = z.object({
  ticket: Ticket,
  /** true: numbered from this kiosk's reserved range while the platform was unreachable. */
  offline: z.boolean(),
  print: PrintResult,
});
export type TicketReceipt = z.infer<typeof TicketReceipt>;

export const AppointmentDay = z.object({
  date: IsoDate,
  remaining: z.number().int().min(0),
});

export const AppointmentDays = z.object({
  servicePointId: z.string(),
  days: z.array(AppointmentDay),
});
export type AppointmentDays = z.infer<typeof AppointmentDays>;

export const BookAppointmentInput = z
  .object({
    confirmationId: ConfirmationId,
    slotId: z.string().min(1).max(64),
    matterCode: z.string().max(64),
    phone: PhoneNumber,
  })
  .strict();

export const AppointmentReceipt = z.object({ appointment: Appointment, print: PrintResult });
export type AppointmentReceipt = z.infer<typeof AppointmentReceipt>;

export const CheckInInput = z.object({ confirmationId: ConfirmationId, appointmentId: AppointmentId }).strict();

export const CheckInReceipt = z.object({ appointment: Appointment, ticket: Ticket, print: PrintResult });
export type CheckInReceipt = z.infer<typeof CheckInReceipt>;

export { AppointmentSlotList };
