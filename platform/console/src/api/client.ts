import type { z, ZodType } from 'zod';
import { err, ok, type Result } from '../../../../core/pure/result';
import {
  CONSOLE_API_BASE_PATH,
  CSRF_HEADER,
  consoleEndpoint,
  type ConsoleEndpointOf,
  type ConsoleOperationId,
} from '../../../contract/console/endpoints';
import type { ConsoleSession } from '../../../contract/console/users';
import { PROBLEM_CONTENT_TYPE } from '../../../contract/problem';

/**
 * The console's one way to the platform: a call by operationId from CONSOLE_ENDPOINTS, with the
 * path filled, the query encoded, the body checked against the contract before it leaves, the
 * CSRF token on every POST and the answer checked against the contract when it comes back.
 * Expected failures come back as a Result; a 401 also tells the app to show the login page.
 */

type Endpoint<Id extends ConsoleOperationId> = ConsoleEndpointOf<Id>;
type InputOf<E, K extends string> = E extends { readonly [P in K]: infer S extends ZodType } ? z.input<S> : undefined;

/** What a call takes: only the parts its endpoint declares, each typed by its schema. */
export type CallArgs<Id extends ConsoleOperationId> = DropUndefined<{
  pathParams: InputOf<Endpoint<Id>, 'pathParams'>;
  query: InputOf<Endpoint<Id>, 'query'>;
  body: InputOf<Endpoint<Id>, 'body'>;
}>;
type DropUndefined<T> = { [K in keyof T as T[K] extends undefined ? never : K]: T[K] };

/** What a call answers: the response schema's output, or the image for `png`. */
export type CallResponse<Id extends ConsoleOperationId> = Endpoint<Id>['response'] extends infer R extends ZodType
  ? z.output<R>
  : Blob;

export type ConsoleError =
  /** No session, or it expired: the app goes back to the login page. */
  | { readonly kind: 'unauthorized' }
  /** The platform refused with a problem+json body; `code` is stable, `detail` is for people. */
  | { readonly kind: 'problem'; readonly status: number; readonly code: string; readonly detail: string | null }
  /** The request never left: what we were about to send does not satisfy the contract. */
  | { readonly kind: 'invalidRequest'; readonly detail: string }
  /** The platform could not be reached. */
  | { readonly kind: 'network'; readonly detail: string }
  /** The platform answered something the contract does not allow. */
  | { readonly kind: 'badResponse'; readonly status: number };

export type CallResult<Id extends ConsoleOperationId> = Result<CallResponse<Id>, ConsoleError>;

export interface ConsoleClientOptions {
  /** window.fetch in the app; a recording function in tests. The client only ever passes a URL string. */
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Called on every 401, before the Result is returned. */
  readonly onUnauthorized?: () => void;
  /** Prefix of every path: '' in the page (same origin). */
  readonly origin?: string;
}

export interface ConsoleClient {
  call<Id extends ConsoleOperationId>(operationId: Id, args: CallArgs<Id>): Promise<CallResult<Id>>;
  /** Remembers the session's CSRF token (after login or getSession); null after logout. */
  setSession(session: ConsoleSession | null): void;
  readonly csrfToken: string | null;
}

type QueryValues = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** The URL of an endpoint with its path filled and its query encoded (also used for <img src>). */
export function consoleUrl(
  operationId: ConsoleOperationId,
  pathParams: Readonly<Record<string, string>> = {},
  query: QueryValues = {},
): string {
  const endpoint = consoleEndpoint(operationId);
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = pathParams[name];
    if (value === undefined) throw new Error(`${operationId} needs path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const encoded = search.toString();
  return `${CONSOLE_API_BASE_PATH}${path}${encoded ? `?${encoded}` : ''}`;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
}

async function readProblem(response: Response): Promise<ConsoleError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith(PROBLEM_CONTENT_TYPE) || type.startsWith('application/json')) {
    try {
      const body = (await response.json()) as { code?: unknown; detail?: unknown; title?: unknown };
      const code = typeof body.code === 'string' ? body.code : 'unknown';
      const detail = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : null;
      return { kind: 'problem', status: response.status, code, detail };
    } catch {
      // A problem body that is not JSON is still a refusal; fall through with no detail.
    }
  }
  return { kind: 'problem', status: response.status, code: 'unknown', detail: null };
}

export function createConsoleClient(options: ConsoleClientOptions): ConsoleClient {
  let csrfToken: string | null = null;
  const origin = options.origin ?? '';

  async function call<Id extends ConsoleOperationId>(operationId: Id, args: CallArgs<Id>): Promise<CallResult<Id>> {
    const endpoint = consoleEndpoint(operationId);
    const given = args as { pathParams?: unknown; query?: unknown; body?: unknown };

    const pathParams = endpoint.pathParams?.safeParse(given.pathParams ?? {});
    if (pathParams && !pathParams.success)
      return err({ kind: 'invalidRequest', detail: describeIssues(pathParams.error) });
    const query = endpoint.query?.safeParse(given.query ?? {});
    if (query && !query.success) return err({ kind: 'invalidRequest', detail: describeIssues(query.error) });
    const body = endpoint.body?.safeParse(given.body ?? {});
    if (body && !body.success) return err({ kind: 'invalidRequest', detail: describeIssues(body.error) });

    const url =
      origin +
      consoleUrl(operationId, (pathParams?.data ?? {}) as Record<string, string>, (query?.data ?? {}) as QueryValues);
    const headers: Record<string, string> = {
      accept: endpoint.response === 'png' ? 'image/png' : `application/json, ${PROBLEM_CONTENT_TYPE}`,
    };
    let requestBody: string | undefined;
    if (endpoint.method === 'post') {
      headers['content-type'] = 'application/json';
      // The login has no session yet (the platform checks its Origin instead).
      if (csrfToken !== null) headers[CSRF_HEADER] = csrfToken;
      requestBody = JSON.stringify(body?.data ?? {});
    }

    let response: Response;
    try {
      response = await options.fetch(url, {
        method: endpoint.method.toUpperCase(),
        headers,
        body: requestBody,
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (error) {
      return err({ kind: 'network', detail: error instanceof Error ? error.message : String(error) });
    }

    if (response.status === 401) {
      csrfToken = null;
      options.onUnauthorized?.();
      return err({ kind: 'unauthorized' });
    }
    if (response.status !== endpoint.status) {
      if (response.ok) return err({ kind: 'badResponse', status: response.status });
      return err(await readProblem(response));
    }
    // Image bytes and downloads (a 台账 export) come back as a Blob; the page saves or shows it.
    if (endpoint.response === 'png' || endpoint.response === 'download') {
      return ok((await response.blob()) as CallResponse<Id>);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      return err({ kind: 'badResponse', status: response.status });
    }
    const parsed = endpoint.response.safeParse(json);
    if (!parsed.success) return err({ kind: 'badResponse', status: response.status });
    if (operationId === 'login' || operationId === 'getSession') {
      csrfToken = (parsed.data as ConsoleSession).csrfToken;
    } else if (operationId === 'logout') {
      csrfToken = null;
    }
    return ok(parsed.data as CallResponse<Id>);
  }

  return {
    call,
    setSession(session) {
      csrfToken = session?.csrfToken ?? null;
    },
    get csrfToken() {
      return csrfToken;
    },
  };
}
