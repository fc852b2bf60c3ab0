import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context, Env, Hono } from 'hono';
import { CALL_DISPLAY_PAGE_PATH } from '../../contract/call-display';

/**
 * Serves the built call display (out/display, built with the console by scripts/build-console.ts)
 * at /display/<stationId>, its hashed assets under /display/assets/ (cached for a year; the page
 * itself never). The same strict policy as the console (console-static/serve-console.ts) plus
 * `media-src 'self'` for the chime and the spoken announcements.
 */
export const DISPLAY_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': DISPLAY_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

/** `dir`: the built page (out/display); null where this platform does not serve it (the kiosk's embedded platform, tests). */
export function registerDisplayStatic<E extends Env>(app: Hono<E>, dir: string | null): void {
  const text = (c: Context<E>, status: 404 | 503, body: string) =>
    c.body(body, status, {
      ...SECURITY_HEADERS,
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
    });
  if (dir === null) {
    app.get(`${CALL_DISPLAY_PAGE_PATH}/*`, (c) =>
      text(
        c,
        404,
        'This platform does not serve the call display; `npm run platform` (`bianmin-kiosk platform`) does.\n',
      ),
    );
    return;
  }
  const assets = join(dir, 'assets');
  app.get(`${CALL_DISPLAY_PAGE_PATH}/assets/:name`, async (c) => {
    let name: string;
    try {
      name = decodeURIComponent(c.req.param('name'));
    } catch {
      return text(c, 404, 'not found\n');
    }
    const resolved = normalize(join(assets, name));
    if (name.includes('/') || name.includes('\\') || !resolved.startsWith(assets + sep))
      return text(c, 404, 'not found\n');
    const file = await readOrNull(resolved);
    if (file === null) return text(c, 404, 'not found\n');
    return c.body(new Uint8Array(file), 200, {
      ...SECURITY_HEADERS,
      'content-type': CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });
  // One page for every station: it reads the station id from its own URL.
  app.get(`${CALL_DISPLAY_PAGE_PATH}/:stationId`, async (c) => {
    const index = await readOrNull(join(dir, 'index.html'));
    if (index === null) return text(c, 503, 'The call display is not built. Run `npm run build`.\n');
    return c.body(new Uint8Array(index), 200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
    });
  });
}
