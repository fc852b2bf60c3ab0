/**
 * The platform as a test scripts it: requests reach it through `fetch`, so the kiosk's real HTTP
 * client and schemas run; answers come from `routes` (keyed `METHOD /path`), from a real platform
 * at `fallbackBaseUrl`, or 404. `online = false` makes every request fail as a pulled cable does.
 * Simulations of a whole area (core/queue/testing/fake-platform.ts for queue and appointments)
 * give their own `fetch` to testServiceDeps instead.
 */
export type Route = (request: {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}) => Response | Promise<Response>;

export interface FakePlatform {
  readonly baseUrl: string;
  online: boolean;
  /** Keyed `METHOD /path` (path without the /api/v1 base); unmatched requests go to `fallback`. */
  readonly routes: Map<string, Route>;
  /** Real fetch to this origin (an embedded platform), when set. */
  fallbackBaseUrl: string | null;
  readonly calls: Array<{ method: string; path: string; headers: Headers; body: unknown }>;
  readonly fetch: typeof globalThis.fetch;
}

const BASE = 'http://platform.test/api/v1';

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export function fakePlatform(): FakePlatform {
  const platform: FakePlatform = {
    baseUrl: BASE,
    online: true,
    routes: new Map(),
    fallbackBaseUrl: null,
    calls: [],
    fetch: async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const path = url.pathname.replace(/^\/api\/v1/, '') + url.search;
      const method = init?.method ?? 'GET';
      const headers = new Headers(init?.headers);
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
      if (!platform.online) {
        throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      }
      platform.calls.push({ method, path, headers, body });
      const route = platform.routes.get(`${method} ${url.pathname.replace(/^\/api\/v1/, '')}`);
      if (route) return route({ method, path, headers, body });
      if (platform.fallbackBaseUrl) return globalThis.fetch(`${platform.fallbackBaseUrl}${path}`, init);
      return json(404, { code: 'notFound', title: 'no such route in the fake platform' });
    },
  };
  return platform;
}
