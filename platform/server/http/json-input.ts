import type { ZodType } from 'zod';
import type { SqlQueries, TransactionOptions } from '../db/sql';
import { isJson, parseJsonBody } from './body';
import { commitIdempotent } from './idempotency';
import type { Outcome } from './outcome';
import { problemResponse } from './problem';
import type { AppContext, PlatformContext } from './types';

/**
 * The common shape of an idempotent JSON POST: check the media type, then, inside the one
 * transaction, parse and validate the body and run the business write. Parse and validation
 * failures are stored like any other answer, so a retry gets exactly the same one; a wrong
 * media type is not (the header is not part of the fingerprint).
 */
export function idempotentJson<T>(
  ctx: PlatformContext,
  c: AppContext,
  schema: ZodType<T>,
  what: string,
  work: (input: T, tx: SqlQueries) => Promise<Outcome>,
  options?: TransactionOptions,
): Promise<Response> {
  if (!isJson(c.req.raw)) {
    return Promise.resolve(problemResponse(415, 'unsupportedMediaType', 'send Content-Type: application/json'));
  }
  return commitIdempotent(
    ctx,
    c,
    async (tx) => {
      const input = parseJsonBody(c.get('idempotency').body, schema, what);
      return input.ok ? await work(input.value, tx) : input.error;
    },
    options,
  );
}
