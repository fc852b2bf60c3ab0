import { API_BASE_PATH } from '../../contract/endpoints';
import { AssistanceRequest, AssistanceSearch } from '../../contract/assistance';
import { idempotentJson } from '../http/json-input';
import { jsonOutcome } from '../http/outcome';
import { problemOutcome, problemResponse } from '../http/problem';
import { onEndpoint } from '../http/route';
import type { PlatformApp, PlatformContext } from '../http/types';
import { findAssistanceRequest, recordAssistanceRequest, searchAssistanceRequests } from '../store/assistance-requests';

/**
 * 帮办代办 requests: stored with a readable id; the requesting terminal can read their status,
 * and a resident who asked after card sign-in finds theirs again by identity (in the body).
 */
export function registerAssistanceRoutes(app: PlatformApp, ctx: PlatformContext): void {
  onEndpoint(app, 'createAssistanceRequest', (c) =>
    idempotentJson(ctx, c, AssistanceRequest, 'AssistanceRequest', async (request, tx) => {
      const terminal = c.get('terminal');
      // A video request is made by the platform when a kiosk joins the video queue (video-help/).
      if (request.kind === 'video') {
        return problemOutcome(422, 'validationFailed', 'video help is asked for over its socket, not here', {
          errors: [{ path: '/kind', message: 'video requests are made through the video help socket' }],
        });
      }
      if (request.stationId !== terminal.stationId) {
        return problemOutcome(422, 'validationFailed', "stationId must be this terminal's station", {
          errors: [{ path: '/stationId', message: "not this terminal's station" }],
        });
      }
      // On the request's transaction: the day's number (store/day-sequence.ts) and the stored answer commit together.
      const state = await recordAssistanceRequest(tx, ctx.sealer, terminal.terminalId, request, ctx.now());
      return jsonOutcome(201, state, { location: `${API_BASE_PATH}/assistance-requests/${state.requestId}` });
    }),
  );

  onEndpoint(app, 'getAssistanceRequest', async (c) => {
    const terminalId = c.get('terminal').terminalId;
    const state = await findAssistanceRequest(ctx.sql, ctx.sealer, terminalId, c.req.param('requestId') ?? '');
    return state ? c.json(state) : problemResponse(404, 'notFound', 'no such assistance request from this terminal');
  });

  onEndpoint(app, 'searchAssistanceRequests', (c) =>
    idempotentJson(ctx, c, AssistanceSearch, 'AssistanceSearch', async (search, tx) =>
      jsonOutcome(200, { requests: await searchAssistanceRequests(tx, ctx.sealer, search) }),
    ),
  );
}
