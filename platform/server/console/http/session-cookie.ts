import { SESSION_COOKIE } from '../../../contract/console/endpoints';

/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (other sites' pages
 * cannot send it), Path=/console (the kiosk API never sees it), Secure over https. No Max-Age:
 * it ends with the browser, and the platform ends it earlier by its own expiry rules.
 */

const ATTRIBUTES = 'Path=/console; HttpOnly; SameSite=Strict';

export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; ${ATTRIBUTES}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; ${ATTRIBUTES}; Max-Age=0${secure ? '; Secure' : ''}`;
}
