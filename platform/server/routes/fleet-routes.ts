import {
  CommandPathParams,
  CommandResult,
  EnrolmentPathParams,
  EnrolmentRequest,
  TerminalEvent,
} from '../../contract/fleet';
import { noteRollback } from '../store/fleet-kiosks';
import { pollEnrolment, requestEnrolment } from '../fleet/enrolment';
import { bearerToken, clientAddress } from '../http/auth';
import { isJson, parseJsonBody, readCappedBody, tooLargeOutcome } from '../http/body';
import { idempotentJson } from '../http/json-input';
import { jsonOutcome, toResponse } from '../http/outcome';
import { problemOutcome, problemResponse } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { AppContext, PlatformApp, PlatformContext } from '../http/types';
import { appendTimeline } from '../store/fleet-alarms';
import { storeCommandResult } from '../store/fleet-commands';
import { storeTerminalEvent } from '../store/fleet-events';

/**
 * What kiosks send the fleet besides the heartbeat (terminal-routes.ts): events of the catalogue
 * (once per eventId), command results (once per command) and enrolment (no token yet).
 */
export function registerFleetRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'postTerminalEvent', (c) =>
    idempotentJson(ctx, c, TerminalEvent, 'TerminalEvent', async (event, tx) => {
      const terminalId = c.get('terminal').terminalId;
      const stored = await storeTerminalEvent(tx, terminalId, event, ctx.now());
      if (stored.created && event.kind === 'rollback') {
        await noteRollback(tx, terminalId, { from: event.from, to: event.to, at: event.at });
      }
      return jsonOutcome(201, stored.receipt);
    }),
  );

  onEndpoint(app, 'postCommandResult', (c) =>
    idempotentJson(ctx, c, CommandResult, 'CommandResult', async (result, tx) => {
      const terminalId = c.get('terminal').terminalId;
      const { commandId } = CommandPathParams.parse(c.req.param());
      const now = ctx.now();
      const stored = await storeCommandResult(tx, terminalId, commandId, result, now);
      if (stored.kind === 'notFound') return problemOutcome(404, 'notFound', 'no such command for this terminal');
      if (stored.kind === 'stored') {
        await appendTimeline(tx, terminalId, {
          kind: 'command',
          at: stored.receivedAt,
          commandId,
          change: result.outcome,
        });
      }
      return jsonOutcome(201, { commandId, receivedAt: stored.receivedAt });
    }),
  );

  onEndpoint(app, 'postEnrolment', async (c) => {
    if (!isJson(c.req.raw)) return problemResponse(415, 'unsupportedMediaType', 'send Content-Type: application/json');
    const body = await readCappedBody(c.req.raw, ctx.limits.jsonMaxBytes);
    if (!body.ok) return toResponse(tooLargeOutcome(body.error.maxBytes));
    const request = parseJsonBody(body.value, EnrolmentRequest, 'EnrolmentRequest');
    if (!request.ok) return toResponse(request.error);
    const filed = await requestEnrolment(ctx.sql, request.value, clientAddress(c), ctx.now());
    if (filed.ok) return toResponse(jsonOutcome(201, filed.value));
    return filed.error === 'terminalAlreadyEnrolled'
      ? problemResponse(409, 'terminalAlreadyEnrolled', 'a kiosk with this terminal id is enrolled; revoke it first')
      : problemResponse(422, 'enrolmentCodeInvalid', 'the code is unknown, expired or already used');
  });

  onEndpoint(app, 'getEnrolment', async (c: AppContext) => {
    const { enrolmentId } = EnrolmentPathParams.parse(c.req.param());
    const secret = bearerToken(c.req.header('authorization'));
    if (secret === undefined) return problemResponse(401, 'unauthorized', 'send Authorization: Bearer <claim secret>');
    const polled = await pollEnrolment(ctx.sql, enrolmentId, secret, ctx.now());
    if (polled.ok) return toResponse(jsonOutcome(200, polled.value));
    switch (polled.error) {
      case 'notFound':
        return problemResponse(404, 'notFound', 'no such enrolment');
      case 'wrongSecret':
        return problemResponse(401, 'unauthorized', 'that is not the claim secret of this enrolment');
      case 'terminalAlreadyEnrolled':
        return problemResponse(409, 'terminalAlreadyEnrolled', 'another kiosk took this terminal id meanwhile');
    }
  });
}
