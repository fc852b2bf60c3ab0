import type { HttpOptions } from './http';
import { keepAliveFetch } from './keep-alive-fetch';

export type Reachability = 'unknown' | 'reachable' | 'unreachable';

export interface TrackedPlatform {
  /** The same options, with a fetch that records every outcome. */
  readonly platform: HttpOptions;
  /** What the latest request to the platform found, whichever part of the kiosk made it. */
  readonly reachability: () => Reachability;
}

/**
 * Whether the platform answered the last time anyone asked. Records that the resident confirms
 * while it is unreachable are marked `offline` (store-and-forward, the national field), and the
 * catalog sync alone asks too rarely (every 15 min) to know: every request the kiosk makes —
 * queue counts, outbox attempts, the sync — updates this one answer. Any HTTP answer, even an
 * error status, means the platform is reachable; a refused connection or a timeout means not.
 */
export function trackReachability(options: HttpOptions): TrackedPlatform {
  const inner = options.fetch ?? keepAliveFetch;
  let state: Reachability = 'unknown';
  const tracked: typeof globalThis.fetch = async (input, init) => {
    try {
      const response = await inner(input, init);
      state = response.status === 503 ? 'unreachable' : 'reachable';
      return response;
    } catch (error) {
      state = 'unreachable';
      throw error;
    }
  };
  return { platform: { ...options, fetch: tracked }, reachability: () => state };
}
