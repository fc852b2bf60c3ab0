import type { MiddlewareHandler } from 'hono';
import { API_BASE_PATH } from '../../contract/endpoints';
import type { NodeBindings } from '../faults/socket-faults';
import { findTerminalForToken, sameSecret } from '../store/terminals';
import { problemResponse } from './problem';
import { takeHit } from './shared-rate-limit';
import type { TerminalIdentity } from '../store/terminals';
import type { AppContext, AppEnv, PlatformContext } from './types';

/**
 * Who is calling: a terminal (per-terminal bearer token, on /api/v1) or the operator (admin
 * token, on /_admin). The two never overlap: a terminal token does not open /_admin and the admin
 * token is not a terminal.
 */

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

export function bearerToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : BEARER.exec(header)?.[1];
}

function unauthorized(detail: string): Response {
  return problemResponse(401, 'unauthorized', detail, { headers: { 'www-authenticate': 'Bearer realm="platform"' } });
}

/**
 * postEnrolment and getEnrolment (auth `enrolment`): a kiosk without a token yet; the one-time
 * code, then the claim secret, is its credential, checked by the route.
 */
export function isEnrolmentPath(path: string): boolean {
  return path === `${API_BASE_PATH}/enrolments` || path.startsWith(`${API_BASE_PATH}/enrolments/`);
}

/** The socket's address (app.request() in tests has none: 'unknown'). */
export function clientAddress(c: AppContext): string {
  const env = c.env as Partial<NodeBindings> | undefined;
  return env?.incoming?.socket.remoteAddress ?? 'unknown';
}

/** Runs `middleware` everywhere but on the enrolment paths. */
export function exceptEnrolment(middleware: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return async (c, next) => (isEnrolmentPath(c.req.path) ? next() : middleware(c, next));
}

export function terminalAuth(ctx: PlatformContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isEnrolmentPath(c.req.path)) return next();
    const token = bearerToken(c.req.header('authorization'));
    if (token === undefined) return unauthorized('send Authorization: Bearer <terminal token>');
    const found = await findTerminalForToken(ctx.sql, token);
    if (!found) return unauthorized('the token does not belong to a registered terminal');
    // A revoked kiosk's token stops working at once, whatever the terminal list at start says.
    if (found.revoked === 1) return unauthorized('this terminal has been revoked; enrol it again');
    c.set('terminal', { terminalId: found.terminalId, stationId: found.stationId });
    return next();
  };
}

export function adminAuth(ctx: PlatformContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (token === undefined || ctx.adminToken === undefined || !sameSecret(token, ctx.adminToken)) {
      return unauthorized('the admin endpoints need the admin token');
    }
    return next();
  };
}

/** The budgets rateLimit counts in (http/shared-rate-limit.ts): terminals, and enrolling addresses. */
export const TERMINAL_REQUESTS_LIMITER = 'terminalRequests';
export const ENROLMENT_REQUESTS_LIMITER = 'enrolmentRequests';

const MINUTE_MS = 60_000;

/**
 * Requests per terminal per clock minute, counted in the database so that every platform
 * instance behind a load balancer spends the same budget.
 */
export function rateLimit(ctx: PlatformContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const terminal = c.get('terminal') as TerminalIdentity | undefined;
    // Enrolment has no terminal yet: limited per address, so codes cannot be tried in bulk.
    const verdict = terminal
      ? await takeHit(
          ctx.sql,
          TERMINAL_REQUESTS_LIMITER,
          terminal.terminalId,
          ctx.now(),
          ctx.limits.requestsPerMinute,
          MINUTE_MS,
        )
      : await takeHit(
          ctx.sql,
          ENROLMENT_REQUESTS_LIMITER,
          clientAddress(c),
          ctx.now(),
          ctx.limits.requestsPerMinute,
          MINUTE_MS,
        );
    if (!verdict.allowed) {
      return problemResponse(429, 'rateLimited', `at most ${ctx.limits.requestsPerMinute} requests a minute`, {
        retryAfterSeconds: verdict.retryAfterSeconds,
      });
    }
    return next();
  };
}

/** Paths that name a terminal or a station must name the caller's own. */
export function ownScope(kind: 'terminal' | 'station'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const terminal = c.get('terminal');
    const named = c.req.param(kind === 'terminal' ? 'terminalId' : 'stationId');
    const own = kind === 'terminal' ? terminal.terminalId : terminal.stationId;
    if (named !== own) return problemResponse(403, 'forbidden', `this token may only act for its own ${kind}`);
    return next();
  };
}
