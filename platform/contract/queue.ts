import { z } from 'zod';
import { IsoDate, IsoDateTime, MatterRef, StationId, TerminalId } from './common';

/**
 * Queue tickets (取号). The platform numbers tickets: per-service prefix letter + zero-padded
 * number (A007), a per-service daily cap, priorities with weights (Novo SGA model). A kiosk that
 * may lose the network reserves a range of numbers in advance; numbers in a range are never
 * issued by the platform or by another kiosk, so offline tickets cannot collide.
 */

export const PriorityClass = z
  .enum(['normal', 'elderly', 'disabled', 'appointment'])
  .meta({ id: 'PriorityClass', description: '绿色通道: elderly, disabled and appointment holders are called first.' });
export type PriorityClass = z.infer<typeof PriorityClass>;

export const Priority = z
  .object({
    class: PriorityClass,
    weight: z.number().int().min(0).max(100).describe('0 = normal; higher weights are called earlier'),
    label: z.string().min(1).max(16).describe('as printed, e.g. 老年人优先'),
  })
  .meta({ id: 'Priority', description: 'A priority class and its weight at a service.' });
export type Priority = z.infer<typeof Priority>;

export const ServiceCode = z.string().regex(/^[A-Za-z0-9-]{1,32}$/);
/** One capital letter per service; tickets read A001, B014 … */
export const TicketPrefix = z.string().regex(/^[A-Z]$/);
/** Prefix + three digits: the daily cap is at most 999. */
export const TicketNo = z.string().regex(/^[A-Z][0-9]{3}$/, 'prefix letter + 3-digit number, e.g. A007');

export const QueueService = z
  .object({
    serviceCode: ServiceCode,
    name: z.string().min(1).max(32),
    prefix: TicketPrefix,
    dailyCap: z.number().int().min(1).max(999),
    issuedToday: z.number().int().min(0),
    waiting: z.number().int().min(0).describe('tickets issued and not yet called'),
    estimatedWaitMinutes: z.number().int().min(0).describe('for a new normal ticket'),
    open: z.boolean().describe('false outside service hours or when the cap is reached'),
    priorities: z.array(Priority).min(1).describe('the classes this service accepts'),
  })
  .meta({ id: 'QueueService', description: 'A service with its own queue at a station.' });
export type QueueService = z.infer<typeof QueueService>;

export const StationPathParams = z.object({ stationId: StationId });
export const TerminalPathParams = z.object({ terminalId: TerminalId });

export const QueueStatus = z
  .object({
    stationId: StationId,
    date: IsoDate,
    updatedAt: IsoDateTime,
    services: z.array(QueueService),
  })
  .meta({ id: 'QueueStatus', description: "Today's queues at a station." });
export type QueueStatus = z.infer<typeof QueueStatus>;

export const TicketRequest = z
  .object({
    serviceCode: ServiceCode,
    priority: PriorityClass,
    appointmentId: z.string().min(1).max(64).nullable().describe('required when priority is appointment'),
    matter: MatterRef.nullable().describe('the matter the resident came for, when chosen'),
    requestedAt: IsoDateTime,
  })
  .refine((request) => (request.priority === 'appointment') === (request.appointmentId !== null), {
    path: ['appointmentId'],
    message: 'an appointment ticket needs the appointment id, and only appointment tickets carry one',
  })
  .meta({ id: 'TicketRequest', description: 'Ask the platform for a queue ticket.' });
export type TicketRequest = z.infer<typeof TicketRequest>;

export const Ticket = z
  .object({
    ticketId: z.string().min(1).max(64),
    ticketNo: TicketNo,
    prefix: TicketPrefix,
    number: z.number().int().min(1).max(999),
    serviceCode: ServiceCode,
    serviceName: z.string().min(1).max(32),
    stationId: StationId,
    date: IsoDate,
    priority: Priority,
    waitingAhead: z.number().int().min(0).describe('前面还有 N 人'),
    estimatedWaitMinutes: z.number().int().min(0).describe('预计等待 M 分钟'),
    issuedAt: IsoDateTime,
    issuedBy: TerminalId,
    source: z.enum(['online', 'offlineRange']).describe('offlineRange = issued by the kiosk from a reserved range'),
  })
  .meta({ id: 'Ticket', description: 'A queue ticket as printed.' });
export type Ticket = z.infer<typeof Ticket>;

export const TicketRangeRequest = z
  .object({
    stationId: StationId,
    serviceCode: ServiceCode,
    date: IsoDate.describe('the day the numbers are valid for'),
    size: z.number().int().min(1).max(200),
  })
  .meta({ id: 'TicketRangeRequest', description: 'Reserve numbers this terminal may issue while offline.' });
export type TicketRangeRequest = z.infer<typeof TicketRangeRequest>;

export const TicketRange = z
  .object({
    rangeId: z.string().min(1).max(64),
    terminalId: TerminalId,
    stationId: StationId,
    serviceCode: ServiceCode,
    prefix: TicketPrefix,
    date: IsoDate,
    first: z.number().int().min(1).max(999),
    last: z.number().int().min(1).max(999),
    reservedAt: IsoDateTime,
  })
  .refine((range) => range.first <= range.last, { path: ['last'], message: 'last must not be below first' })
  .meta({
    id: 'TicketRange',
    description: 'Numbers first..last reserved for one terminal on one day; nobody else issues them.',
  });
export type TicketRange = z.infer<typeof TicketRange>;

export const OfflineTicket = z
  .object({
    number: z.number().int().min(1).max(999),
    ticketNo: TicketNo,
    priority: PriorityClass,
    appointmentId: z.string().min(1).max(64).nullable(),
    issuedAt: IsoDateTime.describe('the original time on the kiosk'),
  })
  .meta({ id: 'OfflineTicket', description: 'A ticket the kiosk issued from a reserved range.' });
export type OfflineTicket = z.infer<typeof OfflineTicket>;

export const OfflineTicketBatch = z
  .object({
    rangeId: z.string().min(1).max(64),
    tickets: z.array(OfflineTicket).min(1).max(200),
  })
  .meta({ id: 'OfflineTicketBatch', description: 'Report tickets issued offline so they join the queue.' });
export type OfflineTicketBatch = z.infer<typeof OfflineTicketBatch>;

export const OfflineTicketBatchResult = z
  .object({
    rangeId: z.string().min(1).max(64),
    accepted: z.array(Ticket),
    rejected: z.array(
      z.object({
        number: z.number().int(),
        code: z.enum(['ticketOutsideRange', 'alreadyReported']),
      }),
    ),
  })
  .meta({ id: 'OfflineTicketBatchResult', description: 'Which offline tickets joined the queue.' });
export type OfflineTicketBatchResult = z.infer<typeof OfflineTicketBatchResult>;
