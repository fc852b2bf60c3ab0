import { getCookie } from 'hono/cookie';
import {
  CONSOLE_API_BASE_PATH,
  CONSOLE_ENDPOINTS,
  CSRF_HEADER,
  SESSION_COOKIE,
  type ConsoleEndpoint,
  type ConsoleOperationId,
} from '../../../contract/console/endpoints';
import type { ConsoleUser } from '../../../contract/console/users';
import type { Result } from '../../../../core/pure/result';
import { fieldErrors, isJson, mediaType, parseJsonBody, readCappedBody } from '../../http/body';
import { problemResponse } from '../../http/problem';
import { toHonoPath } from '../../http/route';
import type { AppContext, PlatformApp } from '../../http/types';
import { writeAudit, type AuditOutcome } from '../audit-store';
import type { ConsoleFailure } from '../handler-types';
import { ConsoleLogin } from '../login';
import { touchSession } from '../sessions-store';
import { userHandlers } from '../user-handlers';
import { findUserById } from '../users-store';
import { auditAction, auditTarget } from './audit-action';
import type { ConsoleContext } from './console-options';
import { csrfMatches, loginOriginAllowed } from './csrf';
import { replyOutcome } from './replies';
import { clientIp, isHttps } from './request-facts';
import type { RouteCall, RouteHandler, RouteOutcome, SignedIn } from './route-types';
import { consoleSecurityHeaders } from './security-headers';
import { sessionRoutes } from './session-routes';

/**
 * The console API under /console/api, registered from CONSOLE_ENDPOINTS like the kiosk API is
 * from its table (platform/server/http/route.ts). Each request goes through, in order:
 *
 *   session cookie (401) → CSRF token on POSTs, or Origin on the login (403) → role (403)
 *   → path parameters (404) → query (422) → body (415/413/400/422) → operation
 *
 * Identity comes first so nobody learns anything about the API's inputs without signing in.
 * Every POST is written to the audit log with its outcome, and so is every refusal (401 on a
 * change, 403 anywhere); GETs that succeed are not (reading the fleet is not an action).
 */

type AnyConsoleHandler = (call: {
  user: ConsoleUser;
  ip: string;
  now: Date;
  params: unknown;
  query: unknown;
  body: unknown;
}) => Result<unknown, ConsoleFailure> | Promise<Result<unknown, ConsoleFailure>>;

function adapt(ctx: ConsoleContext, endpoint: ConsoleEndpoint, handler: AnyConsoleHandler): RouteHandler {
  return async (call) => {
    if (call.signedIn === null) throw new Error(`${endpoint.operationId} ran without a session`);
    const { user } = call.signedIn;
    const result = await handler({
      user,
      ip: call.ip,
      now: call.now,
      params: call.params,
      query: call.query,
      body: call.body,
    });
    return replyOutcome(endpoint, result, ctx.log);
  };
}

function routesOf(ctx: ConsoleContext): Partial<Record<ConsoleOperationId, RouteHandler>> {
  const login = new ConsoleLogin(ctx.sql, ctx.policy);
  const handlers = {
    ...userHandlers(ctx.sql, ctx.policy.scrypt),
    ...ctx.fleet,
    ...ctx.staff,
  } as unknown as Partial<Record<ConsoleOperationId, AnyConsoleHandler>>;
  const routes: Partial<Record<ConsoleOperationId, RouteHandler>> = { ...sessionRoutes(ctx, login) };
  for (const endpoint of CONSOLE_ENDPOINTS) {
    const handler = handlers[endpoint.operationId];
    if (handler) routes[endpoint.operationId] = adapt(ctx, endpoint, handler);
  }
  return routes;
}

export function registerConsoleApi(app: PlatformApp, ctx: ConsoleContext): void {
  app.use('/console', consoleSecurityHeaders());
  app.use('/console/*', consoleSecurityHeaders());
  const routes = routesOf(ctx);
  for (const endpoint of CONSOLE_ENDPOINTS) {
    const route = routes[endpoint.operationId];
    if (!route) continue;
    app.on(endpoint.method.toUpperCase(), `${CONSOLE_API_BASE_PATH}${toHonoPath(endpoint.path)}`, (c) =>
      serve(ctx, endpoint, route, c),
    );
  }
}

interface Audit {
  (
    actor: ConsoleUser | null,
    action: string,
    outcome: AuditOutcome,
    target: string | null,
    detail?: string,
  ): Promise<void>;
}

async function serve(
  ctx: ConsoleContext,
  endpoint: ConsoleEndpoint,
  route: RouteHandler,
  c: AppContext,
): Promise<Response> {
  const now = ctx.now();
  const ip = clientIp(c, ctx.trustProxy);
  const secure = ctx.forceSecureCookie || isHttps(c, ctx.trustProxy);
  const isChange = endpoint.method === 'post';
  const operationId = endpoint.operationId as ConsoleOperationId;
  const audit: Audit = (actor, action, outcome, target, detail) =>
    writeAudit(ctx.sql, { at: now, actor, action, target, outcome, ip, detail: detail ?? null });
  const refusedAction =
    operationId === 'login' ? 'login.failed' : isChange ? auditAction(operationId, undefined) : 'access.denied';

  let signedIn: SignedIn | null = null;
  if (endpoint.roles === null) {
    const verdict = loginOriginAllowed(c, ctx.trustProxy);
    if (!verdict.allowed) {
      await audit(null, 'csrf.rejected', 'denied', operationId, verdict.reason);
      return problemResponse(403, 'forbidden', 'sign in from the console itself');
    }
  } else {
    const token = getCookie(c, SESSION_COOKIE);
    const session = await touchSession(ctx.sql, token, ctx.policy.session, now);
    const stored = session && (await findUserById(ctx.sql, session.userId));
    if (token === undefined || !session || !stored || stored.user.disabled) {
      if (isChange) await audit(null, refusedAction, 'denied', operationId, 'no valid session');
      return problemResponse(401, 'unauthorized', 'sign in first (the session is missing or has ended)');
    }
    signedIn = { user: stored.user, session, token };
    if (isChange && !csrfMatches(token, c.req.header(CSRF_HEADER))) {
      await audit(signedIn.user, 'csrf.rejected', 'denied', operationId, `missing or wrong ${CSRF_HEADER}`);
      return problemResponse(403, 'forbidden', `send the session's CSRF token in ${CSRF_HEADER}`);
    }
    if (!endpoint.roles.includes(signedIn.user.role)) {
      await audit(signedIn.user, 'access.denied', 'denied', operationId, `role ${signedIn.user.role}`);
      return problemResponse(403, 'forbidden', 'your role may not do this');
    }
  }
  const actor = signedIn?.user ?? null;

  const input = await readInput(ctx, endpoint, c);
  if (!input.ok) {
    if (isChange) await audit(actor, refusedAction, 'failed', operationId, input.detail);
    return input.response;
  }
  const call: RouteCall = { c, ip, now, secure, signedIn, ...input.value };

  let outcome: RouteOutcome;
  try {
    outcome = await route(call);
  } catch (error) {
    if (isChange)
      await audit(
        actor,
        auditAction(operationId, input.value.body),
        'failed',
        auditTarget(input.value.params, input.value.body),
        'internal error',
      );
    throw error;
  }
  if (outcome.audit !== 'recorded' && (isChange || outcome.audit === 'denied')) {
    const action = isChange ? auditAction(operationId, input.value.body) : 'access.denied';
    const target = auditTarget(input.value.params, input.value.body) ?? (isChange ? null : operationId);
    await audit(actor, action, outcome.audit, target, outcome.detail);
  }
  return outcome.response;
}

type Input =
  | { readonly ok: true; readonly value: { params: unknown; query: unknown; body: unknown } }
  | { readonly ok: false; readonly response: Response; readonly detail: string };

async function readInput(ctx: ConsoleContext, endpoint: ConsoleEndpoint, c: AppContext): Promise<Input> {
  let params: unknown;
  if (endpoint.pathParams) {
    const parsed = endpoint.pathParams.safeParse(c.req.param());
    if (!parsed.success)
      return { ok: false, response: problemResponse(404, 'notFound', 'no such resource'), detail: 'no such resource' };
    params = parsed.data;
  }
  let query: unknown;
  if (endpoint.query) {
    const parsed = endpoint.query.safeParse(c.req.query());
    if (!parsed.success)
      return {
        ok: false,
        response: problemResponse(422, 'validationFailed', 'the query does not match the contract', {
          errors: fieldErrors(parsed.error.issues),
        }),
        detail: 'invalid query',
      };
    query = parsed.data;
  }
  let body: unknown;
  if (endpoint.upload) {
    const upload = endpoint.upload;
    if (!upload.contentTypes.includes(mediaType(c.req.raw)))
      return {
        ok: false,
        response: problemResponse(
          415,
          'unsupportedMediaType',
          `send Content-Type: ${upload.contentTypes.join(' or ')}`,
        ),
        detail: 'unsupported media type',
      };
    const bytes = await readCappedBody(c.req.raw, upload.maxBytes);
    if (!bytes.ok)
      return {
        ok: false,
        response: problemResponse(413, 'payloadTooLarge', `the body exceeds ${upload.maxBytes} bytes`),
        detail: 'body too large',
      };
    body = bytes.value;
  } else if (endpoint.body) {
    if (!isJson(c.req.raw))
      return {
        ok: false,
        response: problemResponse(415, 'unsupportedMediaType', 'send Content-Type: application/json'),
        detail: 'not JSON',
      };
    const bytes = await readCappedBody(c.req.raw, ctx.jsonMaxBytes);
    if (!bytes.ok)
      return {
        ok: false,
        response: problemResponse(413, 'payloadTooLarge', `the body exceeds ${ctx.jsonMaxBytes} bytes`),
        detail: 'body too large',
      };
    const parsed = parseJsonBody(bytes.value, endpoint.body, endpoint.operationId);
    if (!parsed.ok) {
      const response = new Response(new Uint8Array(parsed.error.body), {
        status: parsed.error.status,
        headers: parsed.error.headers,
      });
      return { ok: false, response, detail: 'invalid body' };
    }
    body = parsed.value;
  }
  return { ok: true, value: { params, query, body } };
}
