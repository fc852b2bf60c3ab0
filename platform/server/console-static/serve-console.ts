import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context, Env, Hono } from 'hono';
import { CONSOLE_API_BASE_PATH } from '../../contract/console/endpoints';

/**
 * Serves the built county console (out/console, scripts/build-console.ts) at /console.
 *
 * - Hashed files under /console/assets/ are cached for a year (their names change with their content);
 *   index.html is never cached, so a new build is picked up on the next load.
 * - Every other path under /console (a kiosk page, a filtered fleet) answers index.html: the page
 *   reads its state from the URL. /console/api/* is never answered here.
 * - A strict Content-Security-Policy: scripts, styles, images and connections from this origin
 *   only, no inline script or style, no frames. The console loads nothing from the internet.
 */
export const CONSOLE_PATH = '/console';

export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONSOLE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface ConsoleStaticOptions {
  /**
   * The built console: out/console. null where this platform does not serve it (the kiosk's
   * embedded platform, tests): /console then says where the console is.
   */
  readonly dir: string | null;
}

function answer<E extends Env>(
  c: Context<E>,
  status: 200 | 404 | 503,
  body: Uint8Array | string,
  type: string,
  cache: string,
) {
  const headers = { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': cache };
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), status, headers);
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

/** Registers GET /console and /console/* (except the API) on the platform app. */
export function registerConsoleStatic<E extends Env>(app: Hono<E>, options: ConsoleStaticOptions): void {
  const dir = options.dir;
  if (dir === null) {
    const elsewhere = (c: Context<E>) =>
      answer(
        c,
        404,
        'This platform does not serve the county console; it is served by `npm run platform` (`bianmin-kiosk platform`).\n',
        'text/plain; charset=utf-8',
        'no-store',
      );
    app.get(CONSOLE_PATH, elsewhere);
    app.get(`${CONSOLE_PATH}/*`, async (c, next) =>
      c.req.path.startsWith(`${CONSOLE_API_BASE_PATH}/`) ? next() : elsewhere(c),
    );
    return;
  }
  const assets = join(dir, 'assets');
  const serveIndex = async (c: Context<E>) => {
    const index = await readOrNull(join(dir, 'index.html'));
    if (index === null) {
      return answer(
        c,
        503,
        'The county console is not built. Run `npm run build` (or `npx tsx scripts/build-console.ts`).\n',
        'text/plain; charset=utf-8',
        'no-store',
      );
    }
    return answer(c, 200, index, CONTENT_TYPES['.html'] ?? 'text/html', 'no-cache');
  };

  app.get(CONSOLE_PATH, (c) => c.redirect(`${CONSOLE_PATH}/`, 308));
  app.get(`${CONSOLE_PATH}/*`, async (c, next) => {
    const path = c.req.path;
    if (path === CONSOLE_API_BASE_PATH || path.startsWith(`${CONSOLE_API_BASE_PATH}/`)) return next();
    const assetPrefix = `${CONSOLE_PATH}/assets/`;
    if (path.startsWith(assetPrefix)) {
      let name: string;
      try {
        name = decodeURIComponent(path.slice(assetPrefix.length));
      } catch {
        return answer(c, 404, 'not found\n', 'text/plain; charset=utf-8', 'no-store');
      }
      // Flat folder of hashed names: anything with a separator or a dot-dot is not ours.
      const resolved = normalize(join(assets, name));
      if (name.includes('/') || name.includes('\\') || !resolved.startsWith(assets + sep)) {
        return answer(c, 404, 'not found\n', 'text/plain; charset=utf-8', 'no-store');
      }
      const file = await readOrNull(resolved);
      if (file === null) return answer(c, 404, 'not found\n', 'text/plain; charset=utf-8', 'no-store');
      const type = CONTENT_TYPES[extname(name)] ?? 'application/octet-stream';
      return answer(c, 200, file, type, 'public, max-age=31536000, immutable');
    }
    return serveIndex(c);
  });
}
