import type { MiddlewareHandler } from 'hono';
import { CONSOLE_API_BASE_PATH } from '../../../contract/console/endpoints';
import type { AppEnv } from '../../http/types';

/**
 * Headers on everything under /console: no MIME sniffing, no referrer leaving the console, never
 * framed (clickjacking). API answers are never cached (they carry who is signed in and the CSRF
 * token); the console's own pages keep whatever caching and policy they set, gaining only
 * frame-ancestors when their policy lacks it.
 */
export function consoleSecurityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'no-referrer');
    headers.set('x-frame-options', 'DENY');
    if (c.req.path.startsWith(`${CONSOLE_API_BASE_PATH}/`) || c.req.path === CONSOLE_API_BASE_PATH) {
      headers.set('cache-control', 'no-store');
      headers.set('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
      return;
    }
    const policy = headers.get('content-security-policy');
    if (policy === null) headers.set('content-security-policy', "frame-ancestors 'none'");
    else if (!/frame-ancestors/.test(policy))
      headers.set('content-security-policy', `${policy}; frame-ancestors 'none'`);
  };
}
