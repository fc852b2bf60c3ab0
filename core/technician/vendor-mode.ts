import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Technician mode as an explicit state (XFS4IoT VendorMode, feature-anchors.md b.12):
 * inactive → enterPending (the resident session is being ended) → active → exitPending →
 * inactive. One session at a time: entering again replaces the previous token. A session ends
 * by itself after `idleMs` without an authorised call, so a technician who walks away does not
 * leave an unlocked kiosk behind.
 */
export type VendorModeState =
  | { readonly state: 'inactive' }
  | { readonly state: 'enterPending' }
  | { readonly state: 'active'; readonly token: string; readonly expiresAt: number }
  | { readonly state: 'exitPending' };

export interface VendorMode {
  current(now: Date): VendorModeState;
  /** Runs `endResidentSession` in enterPending, then opens a session. */
  enter(now: Date, endResidentSession: () => void): { token: string; expiresAt: string };
  /** True and the expiry slides forward when `token` is the live session's. */
  touch(token: string, now: Date): boolean;
  /** Ends the session if `token` is the live one; a stale token changes nothing. */
  exit(token: string): boolean;
}

export function createVendorMode(idleMs: number): VendorMode {
  let mode: VendorModeState = { state: 'inactive' };

  const expireIfIdle = (now: Date) => {
    if (mode.state === 'active' && mode.expiresAt <= now.getTime()) mode = { state: 'inactive' };
  };

  return {
    current(now) {
      expireIfIdle(now);
      return mode;
    },
    enter(now, endResidentSession) {
      mode = { state: 'enterPending' };
      try {
        endResidentSession();
      } catch (error) {
        mode = { state: 'inactive' };
        throw error;
      }
      const session = {
        state: 'active',
        token: randomBytes(32).toString('base64url'),
        expiresAt: now.getTime() + idleMs,
      } as const;
      mode = session;
      return { token: session.token, expiresAt: new Date(session.expiresAt).toISOString() };
    },
    touch(token, now) {
      expireIfIdle(now);
      if (mode.state !== 'active' || !sameToken(mode.token, token)) return false;
      mode = { ...mode, expiresAt: now.getTime() + idleMs };
      return true;
    },
    exit(token) {
      if (mode.state !== 'active' || !sameToken(mode.token, token)) return false;
      mode = { state: 'exitPending' };
      mode = { state: 'inactive' };
      return true;
    },
  };
}

function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
