import { API_BASE_PATH } from '../../contract/endpoints';
import { AssistanceRequest, AssistanceSearch } from '../../contract/assistance';
import { isJson, parseJsonBody } from '../http/body';
import { commitIdempotent } from '../http/idempotency';
import { jsonOutcome } from '../http/outcome';
import { problemOutcome, problemResponse } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import { findAssistanceRequest, recordAssistanceRequest, searchAssistanceRequests } from '../store/assistance-requests';

/**
 * 帮办代办 requests: stored with a readable id; the requesting terminal can read their status,
 * and a resident who asked after card sign-in finds theirs again by identity (in the body).
 * Both POSTs are idempotent: the body is parsed and the request stored inside the transaction
 * that stores the answer under the Idempotency-Key (commitIdempotent), so a parse failure is
 * replayed like any other answer.
 */
const notJson = () => problemResponse(415, 'unsupportedMediaType', 'send Content-Type: application/json');

export function registerAssistanceRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'createAssistanceRequest', async (c) => {
    if (!isJson(c.req.raw)) return notJson();
    return commitIdempotent(ctx, c, async (tx) => {
      const input = parseJsonBody(c.get('idempotency').body, AssistanceRequest, 'AssistanceRequest');
      if (!input.ok) return input.error;
      const request = input.value;
      const terminal = c.get('terminal');
      if (request.stationId !== terminal.stationId) {
        return problemOutcome(422, 'validationFailed', "stationId must be this terminal's station", {
          errors: [{ path: '/stationId', message: "not this terminal's station" }],
        });
      }
      // The day's number comes from the shared counter (store/day-sequence.ts) on this transaction.
      const state = await recordAssistanceRequest(tx, ctx.sealer, terminal.terminalId, request, ctx.now());
      return jsonOutcome(201, state, { location: `${API_BASE_PATH}/assistance-requests/${state.requestId}` });
    });
  });

  onEndpoint(app, 'getAssistanceRequest', async (c) => {
    const terminalId = c.get('terminal').terminalId;
    const state = await findAssistanceRequest(ctx.sql, ctx.sealer, terminalId, c.req.param('requestId') ?? '');
    return state ? c.json(state) : problemResponse(404, 'notFound', 'no such assistance request from this terminal');
  });

  onEndpoint(app, 'searchAssistanceRequests', async (c) => {
    if (!isJson(c.req.raw)) return notJson();
    return commitIdempotent(ctx, c, async (tx) => {
      const input = parseJsonBody(c.get('idempotency').body, AssistanceSearch, 'AssistanceSearch');
      if (!input.ok) return input.error;
      return jsonOutcome(200, { requests: await searchAssistanceRequests(tx, ctx.sealer, input.value) });
    });
  });
}
