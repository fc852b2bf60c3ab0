import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../core/security/csp';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveAppRequest } from './app-protocol';

const CSP = contentSecurityPolicy({ connect: [] });

let sandbox: string;
let rendererDir: string;
let outOfServicePage: string | null;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'kiosk-protocol-'));
  rendererDir = join(sandbox, 'out', 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(rendererDir, 'assets', '中文 name.css'), 'body{}');
  writeFileSync(join(sandbox, 'out', 'secret.txt'), 'secret next door');
  writeFileSync(join(sandbox, 'secret.txt'), 'secret above');
  symlinkSync(join(sandbox, 'secret.txt'), join(rendererDir, 'assets', 'link.txt'));
  handle = createAppProtocolHandler({
    rendererDir,
    contentSecurityPolicy: CSP,
    outOfServicePage: () => outOfServicePage,
  });
});

afterAll(() => {
  rmSync(sandbox, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('the app:// protocol handler', () => {
  it('serves index.html for / and by name, with its type and the CSP header', async () => {
    for (const url of ['app://kiosk/', 'app://kiosk/index.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CSP);
      expect(await response.text()).toContain('<title>kiosk</title>');
    }
  });

  it('serves assets with a script type (module scripts need one) and decodes names', async () => {
    const script = await get('app://kiosk/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    const css = await get(`app://kiosk/assets/${encodeURIComponent('中文 name.css')}`);
    expect(css.status).toBe(200);
    expect(await css.text()).toBe('body{}');
  });

  it.each([
    ['dot-dot segments', 'app://kiosk/../secret.txt'],
    ['dot-dot segments deeper', 'app://kiosk/assets/../../secret.txt'],
    ['encoded dots', 'app://kiosk/%2e%2e/secret.txt'],
    ['encoded slashes', 'app://kiosk/..%2fsecret.txt'],
    ['encoded slashes twice up', 'app://kiosk/..%2f..%2fsecret.txt'],
    ['upper-case encoded slashes', 'app://kiosk/assets/..%2F..%2F..%2Fsecret.txt'],
    ['an encoded backslash', 'app://kiosk/..%5csecret.txt'],
    ['an absolute path smuggled in', 'app://kiosk/%2fetc%2fpasswd'],
    ['a NUL byte', 'app://kiosk/index.html%00.js'],
    ['a malformed escape', 'app://kiosk/%E0%A4%A'],
    ['a symlink pointing outside', 'app://kiosk/assets/link.txt'],
    ['a missing file', 'app://kiosk/nope.js'],
    ['a directory', 'app://kiosk/assets'],
    ['another host', 'app://evil/index.html'],
    ['a lookalike host', 'app://kiosk.evil/index.html'],
  ])('answers 404 for %s, still with the CSP header', async (_name, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    const body = await response.text();
    expect(body).not.toContain('secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://kiosk/index.html', 'POST')).status).toBe(405);
    expect((await get('app://kiosk/index.html', 'HEAD')).status).toBe(200);
  });

  it('serves the out-of-service page only while out of service', async () => {
    outOfServicePage = null;
    expect((await get('app://kiosk/out-of-service.html')).status).toBe(404);
    outOfServicePage = '<!doctype html><h1>暂停服务</h1>';
    const response = await get('app://kiosk/out-of-service.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(await response.text()).toContain('暂停服务');
  });
});

describe('resolveAppRequest', () => {
  it('keeps every resolved file inside the renderer folder', () => {
    expect(resolveAppRequest('app://kiosk/assets/app.js', '/srv/r')).toEqual({
      kind: 'file',
      path: '/srv/r/assets/app.js',
    });
    expect(resolveAppRequest('app://kiosk/..%2f..%2fetc%2fpasswd', '/srv/r')).toEqual({ kind: 'notFound' });
    // Backslashes (a path separator on Windows) and NUL bytes are refused before any file lookup.
    expect(resolveAppRequest('app://kiosk/assets%5capp.js', '/srv/r')).toEqual({ kind: 'notFound' });
    expect(resolveAppRequest('app://kiosk/index.html%00.js', '/srv/r')).toEqual({ kind: 'notFound' });
    // A sibling folder whose name starts like ours is still outside.
    expect(resolveAppRequest('app://kiosk/..%2fr-other%2fx.js', '/srv/r')).toEqual({ kind: 'notFound' });
  });
});

describe('the scheme registration', () => {
  it('is a secure standard scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges?.standard).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges?.secure).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).not.toBe(true);
  });
});
