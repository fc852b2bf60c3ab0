import { OfflineTicketBatch, TicketRangeRequest, TicketRequest } from '../../contract/queue';
import { idempotentJson } from '../http/json-input';
import { jsonOutcome } from '../http/outcome';
import { problemOutcome } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import type { QueueServiceConfig } from '../sample/queue-services';
import { findCurrentMatter } from '../store/published';
import {
  findOwnRange,
  issueOnlineTicket,
  queueServiceStatus,
  reportOfflineTickets,
  reserveTicketRange,
} from '../store/tickets';
import { addDays, chinaDay } from '../time';
import { fieldProblem, notOwnStation } from './validation';

/** Ranges may be reserved for today and the next days, so a kiosk can stock up the evening before. */
const RANGE_DAYS_AHEAD = 7;

const CAP_REACHED = "today's numbers for this service are used up";
const CLOSED = 'the queue does not issue tickets at this time';

function findService(ctx: PlatformContext, stationId: string, serviceCode: string): QueueServiceConfig | undefined {
  return ctx.queueServices(stationId).find((service) => service.serviceCode === serviceCode);
}

/** 取号: queue status, online tickets, and the ranges and reports of offline issuing. */
export function registerQueueRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'getStationQueues', (c) => {
    const { stationId } = c.get('terminal');
    const now = ctx.now();
    return c.json({
      stationId,
      date: chinaDay(now),
      updatedAt: now.toISOString(),
      services: ctx.queueServices(stationId).map((service) => queueServiceStatus(ctx.db, stationId, service, now)),
    });
  });

  onEndpoint(app, 'issueTicket', (c) =>
    idempotentJson(ctx, c, TicketRequest, 'TicketRequest', (request) => {
      const terminal = c.get('terminal');
      const service = findService(ctx, terminal.stationId, request.serviceCode);
      if (!service) return fieldProblem('/serviceCode', 'no such service at this station');
      if (!service.priorities.some((entry) => entry.class === request.priority)) {
        return fieldProblem('/priority', 'this service does not take that priority class');
      }
      if (request.matter && !findCurrentMatter(ctx.db, request.matter.matterCode)) {
        return problemOutcome(422, 'unknownMatter', 'the matter is not in the current catalog');
      }
      if (request.appointmentId !== null && !appointmentExists(ctx, request.appointmentId)) {
        return fieldProblem('/appointmentId', 'no such appointment');
      }
      const issued = issueOnlineTicket(
        ctx.db,
        service,
        {
          stationId: terminal.stationId,
          terminalId: terminal.terminalId,
          priorityClass: request.priority,
          appointmentId: request.appointmentId,
          matterCode: request.matter?.matterCode ?? null,
        },
        ctx.now(),
      );
      if (!issued.ok) {
        return issued.error === 'queueClosed'
          ? problemOutcome(409, 'queueClosed', CLOSED)
          : problemOutcome(409, 'dailyCapReached', CAP_REACHED);
      }
      return jsonOutcome(201, issued.value);
    }),
  );

  onEndpoint(app, 'reserveTicketRange', (c) =>
    idempotentJson(ctx, c, TicketRangeRequest, 'TicketRangeRequest', (request) => {
      const terminal = c.get('terminal');
      if (request.stationId !== terminal.stationId) return notOwnStation();
      const service = findService(ctx, terminal.stationId, request.serviceCode);
      if (!service) return fieldProblem('/serviceCode', 'no such service at this station');
      const today = chinaDay(ctx.now());
      if (request.date < today || request.date > addDays(today, RANGE_DAYS_AHEAD)) {
        return fieldProblem('/date', `ranges are reserved for today and the next ${RANGE_DAYS_AHEAD} days`);
      }
      const reserved = reserveTicketRange(
        ctx.db,
        service,
        { terminalId: terminal.terminalId, stationId: terminal.stationId, day: request.date, size: request.size },
        ctx.now(),
      );
      if (!reserved.ok) {
        return reserved.error === 'queueClosed'
          ? problemOutcome(409, 'queueClosed', CLOSED)
          : problemOutcome(409, 'ticketRangeExhausted', 'no numbers left to reserve for this service and day');
      }
      return jsonOutcome(201, reserved.value);
    }),
  );

  onEndpoint(app, 'reportOfflineTickets', (c) =>
    idempotentJson(ctx, c, OfflineTicketBatch, 'OfflineTicketBatch', (batch) => {
      const terminal = c.get('terminal');
      const range = findOwnRange(ctx.db, terminal.terminalId, batch.rangeId);
      const service = range && findService(ctx, range.stationId, range.serviceCode);
      if (!range || !service) return problemOutcome(404, 'notFound', 'no such ticket range of this terminal');
      return jsonOutcome(
        200,
        reportOfflineTickets(ctx.db, service, terminal.terminalId, batch.rangeId, batch.tickets, ctx.now()),
      );
    }),
  );
}

function appointmentExists(ctx: PlatformContext, appointmentId: string): boolean {
  return ctx.db.prepare('SELECT 1 FROM appointments WHERE appointment_id = ?').get(appointmentId) !== undefined;
}
