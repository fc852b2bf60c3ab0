import type { MiddlewareHandler } from 'hono';
import { setTimeout as sleep } from 'node:timers/promises';
import { problemResponse } from '../http/problem';
import type { AppEnv, PlatformContext } from '../http/types';

/** The faults that act inside the app: injected 503s and added latency (see FaultController). */

export function injectedFailures(ctx: PlatformContext): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    if (ctx.faults.decideFailure()) {
      return problemResponse(503, 'serviceUnavailable', 'the platform is temporarily unavailable (injected fault)', {
        retryAfterSeconds: ctx.faults.retryAfterSeconds(),
      });
    }
    return next();
  };
}

export function injectedLatency(ctx: PlatformContext): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    const ms = ctx.faults.delayMs();
    if (ms > 0) await sleep(ms);
    return next();
  };
}
