import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_SCHEME, isKioskUrl, OUT_OF_SERVICE_PATH } from './origin';

/**
 * `app://` is registered before `ready` as a privileged standard scheme (checklist item 18: never
 * `file://`, whose pages get extra privileges):
 * - standard: real origins, relative URLs and `new URL` work as on https;
 * - secure: a secure context, which `getUserMedia` (the document camera) requires;
 * - supportFetchAPI + corsEnabled: Vite emits `<script type="module" crossorigin>`, and module
 *   scripts are fetched in CORS mode;
 * - no bypassCSP: our CSP header applies to everything served from it.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

export type AppRequestTarget = { kind: 'file'; path: string } | { kind: 'outOfService' } | { kind: 'notFound' };

/**
 * Maps an `app://kiosk/…` URL to a file inside `rendererDir`, or refuses it. The URL parser already
 * folds `..` and `%2e%2e` segments; `%2f` is decoded here, so the containment check runs on the
 * decoded, resolved path. Backslashes and NUL bytes are refused outright.
 */
export function resolveAppRequest(requestUrl: string, rendererDir: string): AppRequestTarget {
  if (!isKioskUrl(requestUrl)) return { kind: 'notFound' };
  const { pathname } = new URL(requestUrl);
  if (pathname === OUT_OF_SERVICE_PATH) return { kind: 'outOfService' };

  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'notFound' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'notFound' };
  const wanted = decoded === '/' || decoded === '' ? '/index.html' : decoded;

  const path = resolve(rendererDir, `.${wanted}`);
  return isInside(rendererDir, path) ? { kind: 'file', path } : { kind: 'notFound' };
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppProtocolOptions {
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** Sent on every response, including errors (checklist item 7). */
  readonly contentSecurityPolicy: string;
  /** The out-of-service page as it should read right now; null while the kiosk is in service (404). */
  readonly outOfServicePage: () => string | null;
}

/**
 * The `protocol.handle` handler for `app://`. Serves static files only: GET/HEAD, no directory
 * listings, 404 for anything outside `rendererDir`, including through a symlink.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const baseHeaders = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  const answer = (status: number, body: string | Uint8Array | null, contentType: string): Response =>
    new Response(body, { status, headers: { ...baseHeaders, 'Content-Type': contentType } });
  const notFound = () => answer(404, 'not found', 'text/plain; charset=utf-8');

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return answer(405, 'method not allowed', 'text/plain; charset=utf-8');
    }
    const target = resolveAppRequest(request.url, options.rendererDir);
    switch (target.kind) {
      case 'notFound':
        return notFound();
      case 'outOfService': {
        const page = options.outOfServicePage();
        return page === null ? notFound() : answer(200, page, 'text/html; charset=utf-8');
      }
      case 'file': {
        const file = await readInside(options.rendererDir, target.path);
        return file ? answer(200, file, contentTypeFor(target.path)) : notFound();
      }
    }
  };
}

/** Reads `path` only if its real path (symlinks followed) is still inside `dir`; null otherwise. */
async function readInside(dir: string, path: string): Promise<Uint8Array | null> {
  try {
    const [realDir, realFile] = await Promise.all([realpath(dir), realpath(path)]);
    if (!isInside(realDir, realFile)) return null;
    return await readFile(realFile);
  } catch {
    // ENOENT, EISDIR, ENOTDIR, EACCES: all mean "no such page" to the renderer.
    return null;
  }
}
