/**
 * Reconnect delays: exponential from `minMs` to `maxMs` with ±20 % jitter so several devices
 * unplugged together do not retry in lockstep (docs/reliability.md §5.4: 250 ms → 10 s).
 */
export interface BackoffOptions {
  readonly minMs: number;
  readonly maxMs: number;
  /** 0..1, injectable for tests. */
  readonly random?: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { minMs: 250, maxMs: 10_000 };

export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const base = Math.min(options.maxMs, options.minMs * 2 ** Math.max(0, attempt));
  const jitter = 1 + ((options.random ?? Math.random)() * 0.4 - 0.2);
  return Math.round(Math.min(options.maxMs, Math.max(options.minMs, base * jitter)));
}
