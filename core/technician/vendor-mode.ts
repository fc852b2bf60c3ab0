import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Technician mode as an explicit state (XFS4IoT VendorMode, docs/design-anchors.md §4):
 * inactive → enterPending (the resident session is being ended) → active → exitPending →
 * inactive. One session at a time: entering again replaces the previous token. A session ends
 * by itself after `idleMs` without an authorised call, so a technician who walks away does not
 * leave an unlocked kiosk behind, and after `maxMs` in any case, so a token that leaked (or a
 * screen someone keeps busy) does not stay good for ever.
 */
export type VendorModeState =
  | { readonly state: 'inactive' }
  | { readonly state: 'enterPending' }
  | {
      readonly state: 'active';
      readonly token: string;
      /** When the PIN opened it; the absolute limit runs from here. */
      readonly startedAt: number;
      /** The idle limit or the absolute one, whichever comes first. */
      readonly expiresAt: number;
    }
  | { readonly state: 'exitPending' };

export interface VendorModeLimits {
  /** Without an authorised call for this long, the session ends. */
  readonly idleMs: number;
  /** The session ends this long after it opened, however busy. */
  readonly maxMs: number;
}

export interface VendorMode {
  current(now: Date): VendorModeState;
  /** Runs `endResidentSession` in enterPending, then opens a session. */
  enter(now: Date, endResidentSession: () => void): { token: string; expiresAt: string };
  /** True, and the idle expiry slides forward (never past the absolute limit), when `token` is the live session's. */
  touch(token: string, now: Date): boolean;
  /** Ends the session if `token` is the live one; a stale token changes nothing. */
  exit(token: string): boolean;
}

export function createVendorMode(limits: VendorModeLimits): VendorMode {
  let mode: VendorModeState = { state: 'inactive' };

  const expireIfDue = (now: Date) => {
    if (mode.state === 'active' && mode.expiresAt <= now.getTime()) mode = { state: 'inactive' };
  };
  const nextExpiry = (startedAt: number, now: Date) =>
    Math.min(now.getTime() + limits.idleMs, startedAt + limits.maxMs);

  return {
    current(now) {
      expireIfDue(now);
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
      const startedAt = now.getTime();
      const session = {
        state: 'active',
        token: randomBytes(32).toString('base64url'),
        startedAt,
        expiresAt: nextExpiry(startedAt, now),
      } as const;
      mode = session;
      return { token: session.token, expiresAt: new Date(session.expiresAt).toISOString() };
    },
    touch(token, now) {
      expireIfDue(now);
      if (mode.state !== 'active' || !sameToken(mode.token, token)) return false;
      mode = { ...mode, expiresAt: nextExpiry(mode.startedAt, now) };
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
