import type { z } from 'zod';
import { API_BASE_PATH, ENDPOINTS, type Endpoint } from '../../platform/contract/endpoints';

/**
 * What the kiosk may ask the platform, read off the contract's endpoint table
 * (platform/contract/endpoints.ts) by operationId: the method and path, the path parameters, the
 * query, the request body and the response schema. A call names an operation and TypeScript
 * checks the rest against the table; nothing here repeats a path or a schema.
 */

type TerminalEndpoint = Extract<(typeof ENDPOINTS)[number], { readonly auth: 'terminal' }>;

/** The operations a terminal calls (the admin ones belong to the reference platform's tests and staff). */
export type PlatformOperation = TerminalEndpoint['operationId'];

export type EndpointOf<Op extends PlatformOperation> = Extract<TerminalEndpoint, { readonly operationId: Op }>;

/** Raw bytes for a binary body (a material page for `putMaterial`). */
export interface RawBody {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

export type PathParamsOf<Op extends PlatformOperation> =
  EndpointOf<Op> extends { readonly pathParams: infer P extends z.ZodType } ? z.input<P> : undefined;

export type QueryOf<Op extends PlatformOperation> =
  EndpointOf<Op> extends { readonly query: infer Q extends z.ZodType } ? z.input<Q> : undefined;

/** The JSON body an operation takes; never for an operation without one or with a binary body. */
export type JsonBodyOf<Op extends PlatformOperation> =
  EndpointOf<Op> extends { readonly requestBody: { readonly kind: 'json'; readonly schema: infer S extends z.ZodType } }
    ? z.input<S>
    : never;

export type BodyOf<Op extends PlatformOperation> =
  EndpointOf<Op> extends { readonly requestBody: { readonly kind: 'binary' } } ? RawBody : JsonBodyOf<Op>;

/** What a 2xx answer holds, parsed (every success response of an endpoint shares one schema). */
export type ResponseOf<Op extends PlatformOperation> = z.output<EndpointOf<Op>['responses'][number]['schema']>;

/** Operations that change something: the outbox sends only these. */
export type WriteOperation = Extract<TerminalEndpoint, { readonly method: 'post' | 'put' }>['operationId'];

/** GETs answered 304 to If-None-Match with the version held: versioned documents kept for offline use. */
export type ConditionalOperation = Extract<TerminalEndpoint, { readonly conditional: true }>['operationId'];

/** POSTs, which the platform replays by Idempotency-Key (core/queue/same-key-retry.ts). */
export type PostOperation = Extract<TerminalEndpoint, { readonly method: 'post' }>['operationId'];

/** Where an operation's path parameters and query go: the `{param}`s of its path and its query string. */
export type TargetOf<Op extends PlatformOperation> = (EndpointOf<Op> extends { readonly pathParams: z.ZodType }
  ? { readonly params: PathParamsOf<Op> }
  : { readonly params?: never }) &
  (EndpointOf<Op> extends { readonly query: z.ZodType } ? { readonly query: QueryOf<Op> } : { readonly query?: never });

export interface ResolvedTarget {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Relative to the platform's base URL (which ends in the API base path). */
  readonly path: string;
}

const TERMINAL_ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map(
  ENDPOINTS.filter((entry) => entry.auth === 'terminal').map((entry) => [entry.operationId, entry]),
);

export function endpointOf(operation: PlatformOperation): Endpoint {
  const found = TERMINAL_ENDPOINTS.get(operation);
  // The type admits only the table's terminal operations: a miss is a bug.
  if (!found) throw new Error(`no terminal endpoint ${operation}`);
  return found;
}

const relativePath = (ep: Endpoint): string => {
  if (!ep.path.startsWith(API_BASE_PATH)) throw new Error(`${ep.operationId} is not under ${API_BASE_PATH}`);
  return ep.path.slice(API_BASE_PATH.length);
};

/** Method and path of one call: each `{param}` filled in, encoded, and the query appended. */
export function resolveTarget(
  operation: PlatformOperation,
  target: { readonly params?: object | undefined; readonly query?: object | undefined },
): ResolvedTarget {
  const ep = endpointOf(operation);
  const params = (target.params ?? {}) as Record<string, unknown>;
  const path = relativePath(ep).replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (typeof value !== 'string') throw new Error(`${operation}: path parameter ${name} missing`);
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(target.query ?? {})) {
    if (value !== undefined) query.set(name, String(value));
  }
  const search = query.toString();
  return { method: methodOf(ep), path: search === '' ? path : `${path}?${search}` };
}

function methodOf(ep: Endpoint): ResolvedTarget['method'] {
  return ep.method === 'get' ? 'GET' : ep.method === 'post' ? 'POST' : 'PUT';
}

/** The schema a 2xx answer of the operation is parsed with. */
export function responseSchema<Op extends PlatformOperation>(operation: Op): z.ZodType<ResponseOf<Op>> {
  const first = endpointOf(operation).responses[0];
  if (!first) throw new Error(`${operation} documents no success response`);
  // The table entry of this very operation: its schema is the one ResponseOf<Op> is read from.
  return first.schema as z.ZodType<ResponseOf<Op>>;
}

const MATCHERS = [...TERMINAL_ENDPOINTS.values()].map((ep) => ({
  operation: ep.operationId as PlatformOperation,
  method: methodOf(ep),
  pattern: new RegExp(`^${relativePath(ep).replace(/\{[A-Za-z0-9_]+\}/g, '[^/?]+')}(\\?.*)?$`),
}));

/**
 * Which operation a stored request (method and path, as the outbox keeps them) is; null for a
 * path the contract does not know. Lets rows queued before an upgrade be sent, and their answer
 * parsed, like the ones queued after.
 */
export function matchOperation(method: string, path: string): PlatformOperation | null {
  return MATCHERS.find((matcher) => matcher.method === method && matcher.pattern.test(path))?.operation ?? null;
}
