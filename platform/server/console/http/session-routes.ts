import { consoleEndpoint } from '../../../contract/console/endpoints';
import type { ConsoleSession, LoginRequest } from '../../../contract/console/users';
import { ok, err } from '../../../../core/pure/result';
import { problemResponse } from '../../http/problem';
import type { SessionOperationId } from '../handler-types';
import type { ConsoleLogin } from '../login';
import { hashPassword, passwordWeakness, verifyPassword } from '../passwords';
import { endSession, endSessionsOfUser } from '../sessions-store';
import { findUserById, recordFailedLogin, setPasswordHash } from '../users-store';
import type { ConsoleContext } from './console-options';
import { csrfTokenFor } from './csrf';
import { replyOutcome } from './replies';
import type { RouteCall, RouteHandler, SignedIn } from './route-types';
import { clearedSessionCookie, sessionCookie } from './session-cookie';

/**
 * Signing in and out, who is signed in, and changing one's own password. These set and clear
 * the cookie, so they are route handlers of the HTTP layer rather than ConsoleHandlers.
 */

/** One answer for every refused login, whatever the reason (login.ts). */
export const LOGIN_REFUSED =
  'the username or password is wrong, or the account is locked for a while after repeated failures';

function sessionView(signedIn: SignedIn): ConsoleSession {
  return {
    user: signedIn.user,
    csrfToken: csrfTokenFor(signedIn.token),
    expiresAt: signedIn.session.idleExpiresAt.toISOString(),
  };
}

function signedInOf(call: RouteCall): SignedIn {
  if (call.signedIn === null) throw new Error('a session operation with roles ran without a session');
  return call.signedIn;
}

export function sessionRoutes(ctx: ConsoleContext, login: ConsoleLogin): Record<SessionOperationId, RouteHandler> {
  return {
    login: async (call) => {
      const { username, password } = call.body as LoginRequest;
      const attempt = await login.attempt(username, password, call.ip, call.now);
      if (!attempt.ok) {
        const response =
          attempt.error.kind === 'addressBlocked'
            ? problemResponse(429, 'rateLimited', 'too many failed logins from this address; wait a while', {
                retryAfterSeconds: attempt.error.retryAfterSeconds,
              })
            : problemResponse(401, 'unauthorized', LOGIN_REFUSED);
        return { response, audit: 'recorded' };
      }
      const signedIn = { user: attempt.value.user, session: attempt.value.session, token: attempt.value.token };
      const reply = replyOutcome(consoleEndpoint('login'), ok(sessionView(signedIn)), ctx.log, {
        'set-cookie': sessionCookie(signedIn.token, call.secure),
      });
      return { ...reply, audit: 'recorded' };
    },

    getSession: (call) => replyOutcome(consoleEndpoint('getSession'), ok(sessionView(signedInOf(call))), ctx.log),

    logout: async (call) => {
      await endSession(ctx.sql, signedInOf(call).session.tokenHash);
      return replyOutcome(consoleEndpoint('logout'), ok({}), ctx.log, {
        'set-cookie': clearedSessionCookie(call.secure),
      });
    },

    changePassword: async (call) => {
      const { user, session } = signedInOf(call);
      const { current, next } = call.body as { current: string; next: string };
      const stored = await findUserById(ctx.sql, user.userId);
      const endpoint = consoleEndpoint('changePassword');
      if (!stored || !(await verifyPassword(current, stored.passwordHash))) {
        // A stolen session must not become a way round the lockout.
        const locked = await recordFailedLogin(
          ctx.sql,
          user.userId,
          ctx.policy.maxFailures,
          new Date(call.now.getTime() + ctx.policy.lockMs),
        );
        if (locked) await endSessionsOfUser(ctx.sql, user.userId);
        return replyOutcome(endpoint, err({ kind: 'forbidden', detail: 'the current password is wrong' }), ctx.log);
      }
      const weakness = passwordWeakness(next, user.username);
      if (weakness) return replyOutcome(endpoint, err({ kind: 'invalid', detail: weakness }), ctx.log);
      const hash = await hashPassword(next, ctx.policy.scrypt);
      await ctx.sql.transaction(async (tx) => {
        await setPasswordHash(tx, user.userId, hash);
        await endSessionsOfUser(tx, user.userId, session.tokenHash);
      });
      return replyOutcome(endpoint, ok({}), ctx.log);
    },
  };
}
