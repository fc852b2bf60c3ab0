import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../http/types';
import { ownOrigin } from './request-facts';

/**
 * Cross-site request forgery defences (docs/console.md). Every change after signing in carries
 * the session's CSRF token in X-CSRF-Token: a page of another site can make the browser send the
 * cookie but cannot read the token. The token is derived from the session id (sha256 with a
 * label), so it is never stored and a copy of the database does not reveal it.
 *
 * The login itself has no session yet: there the browser's own Sec-Fetch-Site and Origin headers
 * must say the page is ours. A request with neither (curl, a script) is not a browser's and so
 * cannot be forged through one.
 */

export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`bianmin console csrf\0${sessionToken}`).digest('base64url');
}

export function csrfMatches(sessionToken: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const offered = Buffer.from(given);
  return offered.byteLength === expected.byteLength && timingSafeEqual(offered, expected);
}

export type OriginVerdict = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

export function loginOriginAllowed(c: AppContext, trustProxy: boolean): OriginVerdict {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return { allowed: false, reason: `Sec-Fetch-Site: ${site}` };
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== ownOrigin(c, trustProxy))
    return { allowed: false, reason: `Origin ${origin.slice(0, 100)} is not this console's` };
  return { allowed: true };
}
