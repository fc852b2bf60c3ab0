/**
 * The platform as a test scripts it: requests reach it through `fetch`, so the kiosk's real HTTP
 * client and schemas run; answers come from `routes` (keyed `METHOD /path`, where a `:name` segment
 * matches any one segment), from a real platform at `fallbackBaseUrl`, or 404. `online = false` makes
 * every request fail as a pulled cable does. Route sets for a whole area (platform-applications.ts,
 * platform-catalog.ts, platform-queue.ts) are given as `routes` when the fake is made.
 * `faults` make the next requests time out, answer 503 or lose a committed POST's answer; with
 * `replayByIdempotencyKey` a POST repeated with its Idempotency-Key gets the first answer again.
 */
export interface RouteRequest {
  method: string;
  /** Without the /api/v1 base, with the query string. */
  path: string;
  headers: Headers;
  /** The Idempotency-Key header, when sent. */
  idempotencyKey: string | null;
  /** The body parsed as JSON when it was text, else undefined. */
  body: unknown;
  /** The body as sent, for uploads (materials are PDF bytes). */
  bytes: Buffer;
}

export type Route = (request: RouteRequest) => Response | Promise<Response>;

export interface FakePlatform {
  readonly baseUrl: string;
  online: boolean;
  /** Keyed `METHOD /path` (path without the /api/v1 base); unmatched requests go to `fallback`. */
  readonly routes: Map<string, Route>;
  /** Real fetch to this origin (an embedded platform), when set. */
  fallbackBaseUrl: string | null;
  /** The requests that reached the platform. */
  readonly calls: RouteRequest[];
  /** Every request the kiosk tried, including those lost while offline. */
  readonly attempts: RouteRequest[];
  /** Counted down one per request: the next N requests time out, answer 503, or (POSTs) lose the answer after committing. */
  readonly faults: { timeoutNext: number; unavailableNext: number; dropAfterCommitNext: number };
  readonly fetch: typeof globalThis.fetch;
}

const BASE = 'http://platform.test/api/v1';

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function bytesOf(body: RequestInit['body']): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body);
  throw new Error('the fake platform reads string and byte bodies only');
}

function parsed(body: RequestInit['body']): unknown {
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** The route for `method path`: an exact key first, then a key whose `:name` segments match any segment. */
function routeFor(routes: Map<string, Route>, method: string, path: string): Route | undefined {
  const exact = routes.get(`${method} ${path}`);
  if (exact) return exact;
  const segments = path.split('/');
  for (const [key, route] of routes) {
    const [keyMethod, keyPath = ''] = key.split(' ');
    const keySegments = keyPath.split('/');
    if (keyMethod !== method || keySegments.length !== segments.length) continue;
    if (keySegments.every((s, i) => s === segments[i] || (s.startsWith(':') && segments[i] !== ''))) return route;
  }
  return undefined;
}

export interface FakePlatformOptions {
  readonly routes?: Iterable<[string, Route]>;
  /** Store each POST's answer (below 500) by its Idempotency-Key and answer a repeat with it, as the platform does. */
  readonly replayByIdempotencyKey?: boolean;
}

const networkError = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: { code, message: code } });

export function fakePlatform(options: FakePlatformOptions = {}): FakePlatform {
  const stored = new Map<string, { status: number; headers: Headers; text: string }>();
  const answer = async (request: RouteRequest, bare: string, init: RequestInit | undefined): Promise<Response> => {
    const key = request.method === 'POST' && options.replayByIdempotencyKey ? request.idempotencyKey : null;
    const replay = key === null ? undefined : stored.get(key);
    if (replay) return new Response(replay.text, { status: replay.status, headers: replay.headers });
    const route = routeFor(platform.routes, request.method, bare);
    if (!route) {
      if (platform.fallbackBaseUrl) return globalThis.fetch(`${platform.fallbackBaseUrl}${request.path}`, init);
      return json(404, { code: 'notFound', title: 'no such route in the fake platform' });
    }
    const response = await route(request);
    if (key === null || response.status >= 500) return response;
    const text = await response.text();
    stored.set(key, { status: response.status, headers: response.headers, text });
    return new Response(text, { status: response.status, headers: response.headers });
  };
  const platform: FakePlatform = {
    baseUrl: BASE,
    online: true,
    routes: new Map(options.routes ?? []),
    fallbackBaseUrl: null,
    calls: [],
    attempts: [],
    faults: { timeoutNext: 0, unavailableNext: 0, dropAfterCommitNext: 0 },
    fetch: async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const bare = url.pathname.replace(/^\/api\/v1/, '');
      const path = bare + url.search;
      const method = init?.method ?? 'GET';
      const headers = new Headers(init?.headers);
      const request: RouteRequest = {
        method,
        path,
        headers,
        idempotencyKey: headers.get('idempotency-key'),
        body: parsed(init?.body),
        bytes: bytesOf(init?.body),
      };
      platform.attempts.push(request);
      if (!platform.online) throw networkError('ECONNREFUSED');
      platform.calls.push(request);
      const { faults } = platform;
      if (faults.timeoutNext > 0) {
        faults.timeoutNext -= 1;
        throw Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
      }
      if (faults.unavailableNext > 0) {
        faults.unavailableNext -= 1;
        return json(503, { title: 'serviceUnavailable', status: 503, code: 'serviceUnavailable' });
      }
      const response = await answer(request, bare, init);
      if (method === 'POST' && faults.dropAfterCommitNext > 0) {
        faults.dropAfterCommitNext -= 1;
        throw networkError('ECONNRESET');
      }
      return response;
    },
  };
  return platform;
}
