import { OfflineTicketBatch, TicketRangeRequest, TicketRequest } from '../../contract/queue';
import { isJson, parseJsonBody } from '../http/body';
import { commitIdempotent } from '../http/idempotency';
import { jsonOutcome } from '../http/outcome';
import { problemOutcome, problemResponse } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import type { QueueServiceConfig } from '../sample/queue-services';
import { appointmentExists } from '../store/appointments';
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

const notJson = () => problemResponse(415, 'unsupportedMediaType', 'send Content-Type: application/json');

/**
 * 取号: queue status, online tickets, and the ranges and reports of offline issuing. Each POST
 * runs its writes and stores its answer in one transaction (commitIdempotent); what keeps numbers
 * unique and ranges apart when several instances serve at once is in store/tickets.ts.
 */
export function registerQueueRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'getStationQueues', async (c) => {
    const { stationId } = c.get('terminal');
    const now = ctx.now();
    const services = [];
    for (const service of ctx.queueServices(stationId)) {
      services.push(await queueServiceStatus(ctx.sql, stationId, service, now));
    }
    return c.json({ stationId, date: chinaDay(now), updatedAt: now.toISOString(), services });
  });

  onEndpoint(app, 'issueTicket', async (c) => {
    if (!isJson(c.req.raw)) return notJson();
    return commitIdempotent(ctx, c, async (tx) => {
      const parsed = parseJsonBody(c.get('idempotency').body, TicketRequest, 'TicketRequest');
      if (!parsed.ok) return parsed.error;
      const request = parsed.value;
      const terminal = c.get('terminal');
      const service = findService(ctx, terminal.stationId, request.serviceCode);
      if (!service) return fieldProblem('/serviceCode', 'no such service at this station');
      if (!service.priorities.some((entry) => entry.class === request.priority)) {
        return fieldProblem('/priority', 'this service does not take that priority class');
      }
      if (request.matter && !(await findCurrentMatter(tx, request.matter.matterCode))) {
        return problemOutcome(422, 'unknownMatter', 'the matter is not in the current catalog');
      }
      if (request.appointmentId !== null && !(await appointmentExists(tx, request.appointmentId))) {
        return fieldProblem('/appointmentId', 'no such appointment');
      }
      const issued = await issueOnlineTicket(
        tx,
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
    });
  });

  onEndpoint(app, 'reserveTicketRange', async (c) => {
    if (!isJson(c.req.raw)) return notJson();
    return commitIdempotent(ctx, c, async (tx) => {
      const parsed = parseJsonBody(c.get('idempotency').body, TicketRangeRequest, 'TicketRangeRequest');
      if (!parsed.ok) return parsed.error;
      const request = parsed.value;
      const terminal = c.get('terminal');
      if (request.stationId !== terminal.stationId) return notOwnStation();
      const service = findService(ctx, terminal.stationId, request.serviceCode);
      if (!service) return fieldProblem('/serviceCode', 'no such service at this station');
      const today = chinaDay(ctx.now());
      if (request.date < today || request.date > addDays(today, RANGE_DAYS_AHEAD)) {
        return fieldProblem('/date', `ranges are reserved for today and the next ${RANGE_DAYS_AHEAD} days`);
      }
      const reserved = await reserveTicketRange(
        tx,
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
    });
  });

  onEndpoint(app, 'reportOfflineTickets', async (c) => {
    if (!isJson(c.req.raw)) return notJson();
    return commitIdempotent(ctx, c, async (tx) => {
      const parsed = parseJsonBody(c.get('idempotency').body, OfflineTicketBatch, 'OfflineTicketBatch');
      if (!parsed.ok) return parsed.error;
      const batch = parsed.value;
      const terminal = c.get('terminal');
      const range = await findOwnRange(tx, terminal.terminalId, batch.rangeId);
      const service = range && findService(ctx, range.stationId, range.serviceCode);
      if (!range || !service) return problemOutcome(404, 'notFound', 'no such ticket range of this terminal');
      return jsonOutcome(
        200,
        await reportOfflineTickets(tx, service, terminal.terminalId, batch.rangeId, batch.tickets, ctx.now()),
      );
    });
  });
}
