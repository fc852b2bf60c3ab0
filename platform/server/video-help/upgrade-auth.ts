import type { IncomingMessage } from 'node:http';
import { err, ok, type Result } from '../../../core/pure/result';
import { SESSION_COOKIE } from '../../contract/console/endpoints';
import type { ConsoleUser } from '../../contract/console/users';
import { VIDEO_SOCKET_CLOSE } from '../../contract/video-help';
import { touchSession, type SessionPolicy } from '../console/sessions-store';
import { findUserById } from '../console/users-store';
import type { SqlQueries } from '../db/sql';
import { findTerminalForToken, isWellFormedToken, type TerminalIdentity } from '../store/terminals';

/**
 * Who opened a video socket. The kiosk's: the terminal's bearer token, as on every /api/v1
 * request (http/auth.ts). The agent's: the console session cookie, and an Origin that is the
 * platform's own (a WebSocket handshake is neither covered by SameSite on every browser nor by
 * the console's CSRF header, so a page of another site could otherwise open one with the
 * agent's cookie). Each credential works only on its own path: a kiosk token on the agent's
 * path, or a console cookie on the kiosk's, is refused outright.
 */

export type SocketRefusal = { readonly code: number; readonly reason: string };

const refuse = (code: number, reason: string): Result<never, SocketRefusal> => err({ code, reason });

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

export async function authenticateKiosk(
  db: SqlQueries,
  req: IncomingMessage,
): Promise<Result<TerminalIdentity, SocketRefusal>> {
  if (cookieValue(req.headers.cookie, SESSION_COOKIE) !== undefined)
    return refuse(VIDEO_SOCKET_CLOSE.forbidden, 'a console session is not a kiosk');
  const token = bearer(req);
  if (token === undefined || !isWellFormedToken(token))
    return refuse(VIDEO_SOCKET_CLOSE.unauthorised, 'send the terminal token');
  const terminal = await findTerminalForToken(db, token);
  if (!terminal || terminal.revoked === 1) return refuse(VIDEO_SOCKET_CLOSE.unauthorised, 'unknown or revoked token');
  return ok({ terminalId: terminal.terminalId, stationId: terminal.stationId });
}

/** As console/http/request-facts.ts ownOrigin, from the upgrade request's headers. */
export function upgradeOwnOrigin(req: IncomingMessage, trustProxy: boolean): string {
  const first = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  const forwardedProto = trustProxy ? first(req.headers['x-forwarded-proto'])?.toLowerCase() : undefined;
  const encrypted = 'encrypted' in req.socket && req.socket.encrypted === true;
  const https = forwardedProto !== undefined ? forwardedProto === 'https' : encrypted;
  const host = (trustProxy ? first(req.headers['x-forwarded-host']) : undefined) ?? req.headers.host ?? '';
  return `${https ? 'https' : 'http'}://${host}`;
}

export async function authenticateAgent(
  db: SqlQueries,
  req: IncomingMessage,
  options: { readonly sessionPolicy: SessionPolicy; readonly trustProxy: boolean; readonly now: Date },
): Promise<Result<{ readonly user: ConsoleUser; readonly sessionToken: string }, SocketRefusal>> {
  if (req.headers.authorization !== undefined)
    return refuse(VIDEO_SOCKET_CLOSE.forbidden, 'a terminal token cannot act as an agent');
  if (req.headers.origin !== upgradeOwnOrigin(req, options.trustProxy))
    return refuse(VIDEO_SOCKET_CLOSE.unauthorised, 'open the socket from the console itself');
  const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
  const session = await touchSession(db, token, options.sessionPolicy, options.now);
  const stored = session && (await findUserById(db, session.userId));
  if (token === undefined || !stored || stored.user.disabled)
    return refuse(VIDEO_SOCKET_CLOSE.unauthorised, 'sign in first (the session is missing or has ended)');
  return ok({ user: stored.user, sessionToken: token });
}
