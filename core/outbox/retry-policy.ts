import { describePlatformError, type PlatformError } from '../platform-client/http';

/**
 * What a failed delivery means for the item. Network trouble and an overloaded or restarting
 * platform are passing: try again later with the same key. Any other refusal (400, 401, 403,
 * 404, 422 …) will be refused again, so the item waits for staff as a dead letter with the
 * platform's own words (docs/reliability.md §2.2 promise 2: 422 is quarantined, never retried blindly).
 */
export type DeliveryVerdict = { kind: 'retry'; reason: string } | { kind: 'deadLetter'; reason: string };

/** 408 and 429 ask for a later try. */
const RETRYABLE_4XX = new Set([408, 429]);

/**
 * A 409 is passing only when it is the platform's "that key is still in flight" (or carries no
 * code to tell). A business conflict (ratingAlreadyExists, slotFull …) will conflict again.
 */
const retryableConflict = (code: string | null) => code === null || code === 'idempotencyKeyInFlight';

export function judgeFailure(error: PlatformError): DeliveryVerdict {
  const reason = describePlatformError(error);
  switch (error.kind) {
    case 'unreachable':
    case 'timeout':
      return { kind: 'retry', reason };
    case 'http':
      return error.status >= 500 ||
        RETRYABLE_4XX.has(error.status) ||
        (error.status === 409 && retryableConflict(error.code))
        ? { kind: 'retry', reason }
        : { kind: 'deadLetter', reason };
    case 'invalidResponse':
      // A 2xx that is not JSON: a bug on one side. Staff see it; a retry replays the stored answer.
      return { kind: 'deadLetter', reason };
  }
}

export interface RetryBackoff {
  readonly minMs: number;
  readonly maxMs: number;
}

/** 2 s doubling to 5 min: a village link that drops for an hour costs a handful of attempts. */
export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { minMs: 2_000, maxMs: 5 * 60_000 };

/**
 * Delay before attempt `failures + 1`: exponential, capped, with "full jitter" in the upper half
 * (50–100 % of the step) so kiosks that lost the same link do not all return at the same second.
 */
export function retryDelayMs(failures: number, backoff: RetryBackoff, random: () => number): number {
  const step = Math.min(backoff.maxMs, backoff.minMs * 2 ** Math.min(30, Math.max(0, failures - 1)));
  const jittered = step * (0.5 + 0.5 * Math.min(1, Math.max(0, random())));
  return Math.round(Math.max(Math.min(backoff.minMs, backoff.maxMs) / 2, jittered));
}
