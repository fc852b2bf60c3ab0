import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP, registerConsoleStatic } from './serve-console';

const dir = mkdtempSync(join(tmpdir(), 'console-static-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(
  join(dir, 'index.html'),
  '<!doctype html><script type="module" src="/console/assets/index-abc.js"></script>',
);
writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(dir, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(dir, 'secret.txt'), 'not served');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function app(root: string | null = dir) {
  const hono = new Hono();
  registerConsoleStatic(hono, { dir: root });
  hono.get('/console/api/session', (c) => c.json({ from: 'api' }));
  return hono;
}

describe('the console at /console', () => {
  it('serves index.html uncached with the strict CSP', async () => {
    const response = await app().request('/console/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('/console/assets/index-abc.js');
  });

  it('has no inline script, inline style or foreign origin in its policy', () => {
    expect(CONSOLE_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).toContain("frame-ancestors 'none'");
  });

  it('answers index.html for the pages the app routes itself (deep links)', async () => {
    for (const path of ['/console/kiosks/KIOSK-0001', '/console/alarms', '/console/?state=offline']) {
      const response = await app().request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
    }
  });

  it('redirects /console to /console/', async () => {
    const response = await app().request('/console');
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/console/');
  });

  it('caches hashed assets for a year, with their type', async () => {
    const js = await app().request('/console/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const css = await app().request('/console/assets/index-abc.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('answers 404 for a missing asset instead of the page (a stale tab must not run HTML as script)', async () => {
    const response = await app().request('/console/assets/index-old.js');
    expect(response.status).toBe(404);
  });

  it('serves nothing outside the assets folder', async () => {
    for (const path of [
      '/console/assets/..%2Fsecret.txt',
      '/console/assets/%2e%2e%2fsecret.txt',
      '/console/assets/../secret.txt',
    ]) {
      const response = await app().request(path);
      expect(await response.text(), path).not.toContain('not served');
    }
  });

  it('leaves the console API to its own routes', async () => {
    const response = await app().request('/console/api/session');
    expect(await response.json()).toEqual({ from: 'api' });
  });

  it('says how to build it when the build is missing', async () => {
    const response = await app(join(dir, 'nowhere')).request('/console/');
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
  });

  it('says where the console is on a platform that does not serve it, and leaves the API alone', async () => {
    const elsewhere = await app(null).request('/console/kiosks/K-1');
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.text()).toMatch(/served by `npm run platform`/);
    expect(await (await app(null).request('/console/api/session')).json()).toEqual({ from: 'api' });
  });

  it('answers 404, not an error, for an asset name that is not valid percent-encoding', async () => {
    expect((await app().request('/console/assets/%E0%A4%A')).status).toBe(404);
  });
});
