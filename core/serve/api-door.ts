import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseOfferedSubprotocols } from '../api/launch-key';

/**
 * How many API sockets may be open at once. The kiosk page needs one. A reload or a renderer crash
 * overlaps the old socket's close with the new page's open (one more). The end-to-end tests and a
 * technician's diagnostics open their own short-lived socket next to the page's (up to two). More
 * than that is a runaway client; refusing it keeps a leak from eating the host's memory, and the
 * page's transport simply retries after its backoff if it ever meets the cap.
 */
export const MAX_API_CONNECTIONS = 4;

/** 32 random bytes as base64url (43 characters, 256 bits): one per start of the browser host. */
export function createLaunchKey(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first, so neither the length of the expected
 * key nor where a guess first differs shows in the time taken.
 */
export function sameLaunchKey(expected: string, given: string): boolean {
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(given, 'utf8').digest();
  return timingSafeEqual(a, b);
}

export interface UpgradeRequest {
  readonly host: string | undefined;
  readonly origin: string | undefined;
  /** The `Sec-WebSocket-Protocol` header as sent. */
  readonly protocols: string | undefined;
}

export type RefusalReason = 'foreignOrigin' | 'noKey' | 'wrongKey' | 'tooManyConnections';

export type DoorVerdict =
  { readonly admit: true } | { readonly admit: false; readonly status: 403 | 503; readonly reason: RefusalReason };

/**
 * Decides whether an upgrade to the API socket goes ahead, in this order:
 * 1. Origin and Host must be ours: a page on another site (cross-site WebSocket hijacking) or a
 *    DNS-rebinding name stops here, whatever it sends.
 * 2. The launch key must be offered and right. This is what stops a local process, which can
 *    write any Origin and Host it likes.
 * 3. Fewer than MAX_API_CONNECTIONS sockets may be open. Counted after the key, so no stranger can
 *    fill the slots and lock the kiosk page out.
 */
export function admitApiConnection(
  request: UpgradeRequest,
  expected: { readonly origin: string; readonly key: string },
  openConnections: number,
): DoorVerdict {
  if (request.host !== new URL(expected.origin).host || request.origin !== expected.origin) {
    return { admit: false, status: 403, reason: 'foreignOrigin' };
  }
  const offered = parseOfferedSubprotocols(request.protocols);
  if (!offered.api || offered.key === null) return { admit: false, status: 403, reason: 'noKey' };
  if (!sameLaunchKey(expected.key, offered.key)) return { admit: false, status: 403, reason: 'wrongKey' };
  if (openConnections >= MAX_API_CONNECTIONS) return { admit: false, status: 503, reason: 'tooManyConnections' };
  return { admit: true };
}

export interface RefusalLog {
  refused(reason: RefusalReason, fields: { host?: string | undefined; origin?: string | undefined }): void;
}

/**
 * Logs refused connections without letting a local process that hammers the door fill the disk:
 * the first refusal of each reason at once, then at most one line per reason every `everyMs`,
 * saying how many were not logged in between. Never the key: only the reason, Host and Origin.
 */
export function createRefusalLog(
  warn: (fields: Record<string, unknown>, message: string) => void,
  now: () => number = Date.now,
  everyMs = 10_000,
): RefusalLog {
  const last = new Map<RefusalReason, { at: number; suppressed: number }>();
  return {
    refused(reason, fields) {
      const seen = last.get(reason);
      const at = now();
      if (seen && at - seen.at < everyMs) {
        seen.suppressed += 1;
        return;
      }
      last.set(reason, { at, suppressed: 0 });
      warn(
        {
          reason,
          host: fields.host?.slice(0, 200),
          origin: fields.origin?.slice(0, 200),
          ...(seen && seen.suppressed > 0 ? { notLogged: seen.suppressed } : {}),
        },
        `refused an API connection: ${REASON_TEXT[reason]}`,
      );
    },
  };
}

const REASON_TEXT: Record<RefusalReason, string> = {
  foreignOrigin: 'Origin or Host is not the kiosk page’s',
  noKey: 'no launch key offered (only the page opened from the ready line’s URL may connect)',
  wrongKey: 'wrong launch key',
  tooManyConnections: `already ${MAX_API_CONNECTIONS} API connections open`,
};
