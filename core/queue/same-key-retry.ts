import type { Result } from '../pure/result';
import { callPlatform, type AnswerOf, type CallArgs, type CallOf } from '../platform-client/client';
import type { HttpOptions, PlatformError } from '../platform-client/http';
import type { PostOperation } from '../platform-client/operations';

/**
 * Direct POSTs a resident waits for (取号, 预约, 签到). The platform stores the first committed answer
 * per Idempotency-Key and replays it, so when an attempt ends without a clear answer — a timeout,
 * a connection dropped after the platform committed, a 5xx, "same key still in flight" — sending
 * the SAME key and body again is safe and gives the one answer: exactly once, even when responses
 * are lost. A few quick attempts only: a resident is standing at the screen.
 */

export interface SameKeyRetry {
  /** Pauses before the 2nd, 3rd … attempt; its length + 1 is the number of attempts. */
  readonly delaysMs: readonly number[];
}

export const DEFAULT_SAME_KEY_RETRY: SameKeyRetry = { delaysMs: [250, 750] };

/** Could the platform have committed, or may a retry succeed? Business answers are neither. */
export function isAmbiguous(error: PlatformError): boolean {
  switch (error.kind) {
    case 'timeout':
    case 'unreachable':
      return true;
    case 'http':
      return error.status >= 500 || error.status === 429 || error.code === 'idempotencyKeyInFlight';
    case 'invalidResponse':
      return false;
  }
}

export async function postWithSameKey<Op extends PostOperation>(
  platform: HttpOptions,
  operation: Op,
  call: CallOf<Op>,
  retry: SameKeyRetry = DEFAULT_SAME_KEY_RETRY,
): Promise<Result<AnswerOf<Op>, PlatformError>> {
  const send = () => callPlatform(platform, operation, ...([call] as CallArgs<Op>));
  let answer = await send();
  for (const delayMs of retry.delaysMs) {
    if (answer.ok || !isAmbiguous(answer.error)) return answer;
    await pause(delayMs);
    answer = await send();
  }
  return answer;
}

function pause(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
