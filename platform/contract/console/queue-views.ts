import { z } from 'zod';
import { IsoDate, IsoDateTime, StationId } from '../common';
import { PriorityClass, ServiceCode, TicketNo, TicketPrefix } from '../queue';

/**
 * What the console's window page (叫号) shows and sends. A window (窗口) is one of a station's
 * counters: it calls the tickets of the services it serves, and tickets transferred to it by
 * number. Times are the platform's; the console only shows them.
 */

export const WindowNo = z.coerce.number().int().min(1).max(99);

export const WindowStatus = z
  .enum(['open', 'paused', 'closed'])
  .meta({ id: 'WindowStatus', description: 'open: calling; paused: staffed but not calling; closed: nobody there.' });
export type WindowStatus = z.infer<typeof WindowStatus>;

export const TicketStatus = z
  .enum(['waiting', 'called', 'serving', 'finished', 'noShow'])
  .meta({ id: 'TicketStatus', description: 'Where a ticket is in its day.' });
export type TicketStatus = z.infer<typeof TicketStatus>;

export const QueueServiceRef = z.strictObject({
  serviceCode: ServiceCode,
  name: z.string().max(32),
  prefix: TicketPrefix,
});
export type QueueServiceRef = z.infer<typeof QueueServiceRef>;

export const QueueWindowSummary = z
  .strictObject({
    stationId: StationId,
    windowNo: z.number().int().min(1).max(99),
    label: z.string().max(20),
    serviceCodes: z.array(ServiceCode),
    status: WindowStatus,
    staffName: z.string().max(32).nullable().describe('who sits at it (while open or paused)'),
    staffIsMe: z.boolean(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'QueueWindowSummary', description: 'A window of a station and who is at it.' });
export type QueueWindowSummary = z.infer<typeof QueueWindowSummary>;

export const QueueStationWindows = z.strictObject({
  stationId: StationId,
  name: z.string().max(64),
  services: z.array(QueueServiceRef),
  windows: z.array(QueueWindowSummary),
});
export type QueueStationWindows = z.infer<typeof QueueStationWindows>;

export const QueueWindowsQuery = z.object({
  station: StationId.optional().describe('only this station; it gets sample windows (one per service) if it has none'),
});

export const QueueWindowList = z
  .strictObject({ stations: z.array(QueueStationWindows) })
  .meta({ id: 'QueueWindowList', description: 'The stations the user may work at and their windows.' });
export type QueueWindowList = z.infer<typeof QueueWindowList>;

export const QueueStationPathParams = z.object({ stationId: StationId });
export const QueueWindowPathParams = z.object({ stationId: StationId, windowNo: WindowNo });

export const QueueWindowDefinition = z
  .strictObject({
    windowNo: z.number().int().min(1).max(99),
    label: z.string().trim().min(1).max(20),
    serviceCodes: z.array(ServiceCode).min(1).max(20),
  })
  .meta({ id: 'QueueWindowDefinition', description: 'Create or change a window (admins).' });
export type QueueWindowDefinition = z.infer<typeof QueueWindowDefinition>;

export const CalledTicket = z
  .strictObject({
    ticketId: z.string().max(40),
    ticketNo: TicketNo,
    serviceCode: ServiceCode,
    serviceName: z.string().max(32),
    priorityClass: PriorityClass,
    status: TicketStatus,
    issuedAt: IsoDateTime,
    calledAt: IsoDateTime.nullable().describe('the latest call (a transferred ticket is called again)'),
    firstCalledAt: IsoDateTime.nullable(),
    recallCount: z.number().int().min(0),
    recalledAt: IsoDateTime.nullable(),
    startedAt: IsoDateTime.nullable(),
    finishedAt: IsoDateTime.nullable(),
    noShowAt: IsoDateTime.nullable(),
    transferredAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'CalledTicket', description: 'A ticket at a window, with its times.' });
export type CalledTicket = z.infer<typeof CalledTicket>;

export const WaitingCount = z.strictObject({
  serviceCode: ServiceCode,
  name: z.string().max(32),
  waiting: z.number().int().min(0),
});

export const QueueWindowView = z
  .strictObject({
    window: QueueWindowSummary,
    day: IsoDate,
    generatedAt: IsoDateTime,
    current: CalledTicket.nullable().describe('the ticket called to or being served at this window'),
    waiting: z.array(WaitingCount).describe("per service this window calls, today's waiting tickets"),
    transferredHere: z.number().int().min(0).describe('waiting tickets transferred to this window by number'),
    next: z.array(TicketNo).max(10).describe('the next numbers this window would call, in order'),
    servedToday: z.number().int().min(0).describe('tickets this window finished today'),
    services: z.array(QueueServiceRef).describe("the station's services (transfer targets)"),
    windows: z.array(QueueWindowSummary).describe("the station's windows (transfer targets)"),
  })
  .meta({ id: 'QueueWindowView', description: 'Everything the window page shows.' });
export type QueueWindowView = z.infer<typeof QueueWindowView>;

export const TicketTransfer = z
  .union([z.strictObject({ toService: ServiceCode }), z.strictObject({ toWindow: z.number().int().min(1).max(99) })])
  .meta({
    id: 'TicketTransfer',
    description: "Back to waiting in another service's queue, or for one window only; it keeps its number.",
  });
export type TicketTransfer = z.infer<typeof TicketTransfer>;

export const NoBody = z.strictObject({});
