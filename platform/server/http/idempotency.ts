import { isUniqueViolation, type SqlQueries, type TransactionOptions } from '../db/sql';
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { IDEMPOTENCY_KEY_PATTERN } from '../../contract/endpoints';
import { findIdempotencyRecord, saveIdempotencyRecord } from '../store/idempotency-records';
import { readCappedBody, tooLargeOutcome } from './body';
import { toResponse, type Outcome } from './outcome';
import { problemResponse } from './problem';
import type { AppContext, AppEnv, PlatformContext } from './types';

/**
 * Idempotency-Key on every POST (draft-ietf-httpapi-idempotency-key-header), keyed on
 * (terminal, key) and fingerprinted over method, path and body:
 *
 * - no key → 400; a stored response with the same fingerprint → replayed with
 *   `Idempotent-Replayed: true`; a different fingerprint → 422; the same key still being
 *   processed → 409.
 * - Handlers write their business rows and the stored response in ONE transaction through
 *   `commitIdempotent`, so a crash can never leave one without the other.
 * - In-flight keys of this instance live in memory (a second request while the first runs here →
 *   409). Two platform instances behind a load balancer each let theirs run: the stored record's
 *   primary key (terminal, key) then admits exactly one commit, and the other request's whole
 *   transaction — business rows included — rolls back and it answers with the winner's stored
 *   response, as a replay (docs/county-scale.md).
 * - A restart ends every request, and since nothing is stored until the commit, a request cut
 *   short by a crash simply runs again on retry.
 * - Responses of 5xx are never stored, so a retry after a server error runs again.
 */

export interface IdempotencyClaim {
  readonly terminalId: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly method: string;
  readonly path: string;
  /** The request body, already read to fingerprint it. */
  readonly body: Uint8Array;
}

export const REPLAYED_HEADER = 'idempotent-replayed';

/** sf-string: quoted per the draft; bare values are accepted and mean the same key. */
function parseKey(header: string): string | undefined {
  if (!IDEMPOTENCY_KEY_PATTERN.test(header)) return undefined;
  return header.startsWith('"') ? header.slice(1, -1) : header;
}

/**
 * sha256 of method, path and body, keyed: the bare digest of a case-search body is a digest of an
 * ID number, which could be found by hashing every possible number.
 */
function fingerprintOf(ctx: PlatformContext, method: string, path: string, body: Uint8Array): string {
  return ctx.sealer.requestFingerprint(createHash('sha256').update(`${method}\n${path}\n`).update(body).digest());
}

export function idempotency(ctx: PlatformContext): MiddlewareHandler<AppEnv> {
  const inFlight = new Map<string, string>();
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const header = c.req.header('idempotency-key');
    if (header === undefined) {
      return problemResponse(400, 'idempotencyKeyMissing', 'every POST needs an Idempotency-Key header');
    }
    const key = parseKey(header.trim());
    if (key === undefined) {
      return problemResponse(400, 'idempotencyKeyInvalid', 'use a UUID: 16 to 128 of A-Z a-z 0-9 . _ ~ : -');
    }
    const body = await readCappedBody(c.req.raw, ctx.limits.jsonMaxBytes);
    if (!body.ok) return toResponse(tooLargeOutcome(body.error.maxBytes));

    const url = new URL(c.req.url);
    const path = url.pathname + url.search;
    const { terminalId } = c.get('terminal');
    const fingerprint = fingerprintOf(ctx, 'POST', path, body.value);

    const stored = await findIdempotencyRecord(ctx.sql, ctx.sealer, { terminalId, key });
    if (stored) {
      if (stored.fingerprint !== fingerprint) return reused();
      return toResponse(stored, { [REPLAYED_HEADER]: 'true' });
    }
    const slot = `${terminalId}\n${key}`;
    const running = inFlight.get(slot);
    if (running !== undefined) {
      if (running !== fingerprint) return reused();
      return problemResponse(
        409,
        'idempotencyKeyInFlight',
        'the first request with this key is still running; retry later',
      );
    }

    inFlight.set(slot, fingerprint);
    c.set('idempotency', { terminalId, key, fingerprint, method: 'POST', path, body: body.value });
    try {
      return await next();
    } finally {
      inFlight.delete(slot);
    }
  };
}

function reused(): Response {
  return problemResponse(
    422,
    'idempotencyKeyReused',
    'this Idempotency-Key was used for a different request; make a new key for a new request',
  );
}

/**
 * Runs `work` (the business writes, on `tx`) and stores its outcome under the request's key in one
 * transaction, then answers with it. Outcomes of 5xx are returned but not stored. When another
 * instance committed the same key first, this transaction rolls back whole and the stored answer
 * is replayed (or 422 when that request was a different one).
 */
export async function commitIdempotent(
  ctx: PlatformContext,
  c: AppContext,
  work: (tx: SqlQueries) => Promise<Outcome>,
  options?: TransactionOptions,
): Promise<Response> {
  const claim = c.get('idempotency') as IdempotencyClaim | undefined;
  if (!claim) throw new Error('commitIdempotent called outside an idempotent POST');
  try {
    const outcome = await ctx.sql.transaction(async (tx) => {
      const result = await work(tx);
      if (result.status < 500) await saveIdempotencyRecord(tx, ctx.sealer, claim, result, ctx.now());
      return result;
    }, options);
    return toResponse(outcome);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const stored = await findIdempotencyRecord(ctx.sql, ctx.sealer, claim);
    // The violation was some other constraint's: a bug for the handler to show, not a replay.
    if (!stored) throw error;
    if (stored.fingerprint !== claim.fingerprint) return reused();
    return toResponse(stored, { [REPLAYED_HEADER]: 'true' });
  }
}
