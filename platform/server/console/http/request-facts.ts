import type { HttpBindings } from '@hono/node-server';
import type { AppContext } from '../../http/types';

/**
 * Where a console request came from and over what. Behind a reverse proxy (trustProxy) the
 * proxy's X-Forwarded-For (its last entry: the address the proxy saw) and X-Forwarded-Proto are
 * believed; otherwise they are ignored, since any client can send them.
 */

export function clientIp(c: AppContext, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.incoming?.socket.remoteAddress ?? 'unknown';
}

export function isHttps(c: AppContext, trustProxy: boolean): boolean {
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (proto) return proto === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}

/** `https://host:port` the request was addressed to, as a browser would write it in Origin. */
export function ownOrigin(c: AppContext, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  const host = (trustProxy ? c.req.header('x-forwarded-host') : undefined) ?? c.req.header('host') ?? url.host;
  return `${isHttps(c, trustProxy) ? 'https' : 'http'}://${host}`;
}
