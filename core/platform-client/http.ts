import { keepAliveFetch } from './keep-alive-fetch';
import type { z } from 'zod';
import { err, ok, type Result } from '../pure/result';

/**
 * Why a platform request failed, in the terms the kiosk acts on: the network or platform is down
 * (retry later, keep working offline), the platform said no (do not retry blindly), or it answered
 * something off-contract (a bug on one side; log it).
 */
export type PlatformError =
  | { kind: 'unreachable'; message: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'http'; status: number; code: string | null; message: string }
  | { kind: 'invalidResponse'; message: string };

export function describePlatformError(error: PlatformError): string {
  switch (error.kind) {
    case 'unreachable':
      return `platform unreachable: ${error.message}`;
    case 'timeout':
      return `platform did not answer in time: ${error.message}`;
    case 'http':
      return `platform answered ${error.status}${error.code ? ` ${error.code}` : ''}: ${error.message}`;
    case 'invalidResponse':
      return `platform answered off-contract: ${error.message}`;
  }
}

export interface HttpOptions {
  readonly baseUrl: string;
  readonly token: string;
  readonly timeoutMs: number;
  /** The transport; keepAliveFetch (keep-alive node:http/https) unless a test gives another. */
  readonly fetch?: typeof globalThis.fetch;
}

export interface HttpRequest<S extends z.ZodType> {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly schema: S | null;
  /** Sent as JSON, or as these bytes with their own content type (a material page, a stored outbox body). */
  readonly body?: { readonly json: unknown } | { readonly bytes: Uint8Array; readonly contentType: string };
  readonly headers?: Record<string, string>;
  /** Statuses answered without a body that the caller handles itself (e.g. 304). */
  readonly emptyStatuses?: readonly number[];
}

/** `body` is null only for the caller's `emptyStatuses`. */
export interface HttpResponse<T> {
  readonly status: number;
  readonly body: T | null;
  readonly headers: Headers;
}

/**
 * One request to the platform with the terminal's bearer token, a hard timeout, and the answer
 * validated against the contract schema. Never throws; retries are the caller's decision, because
 * only the caller knows whether a request is safe to repeat.
 */
export async function platformRequest<S extends z.ZodType>(
  options: HttpOptions,
  request: HttpRequest<S>,
): Promise<Result<HttpResponse<z.output<S>>, PlatformError>> {
  const doFetch = options.fetch ?? keepAliveFetch;
  const headers: Record<string, string> = {
    authorization: `Bearer ${options.token}`,
    accept: 'application/json',
    ...request.headers,
  };
  let body: string | Uint8Array | undefined;
  if (request.body && 'json' in request.body) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body.json);
  } else if (request.body) {
    headers['content-type'] = request.body.contentType;
    body = request.body.bytes;
  }

  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl}${request.path}`, {
      method: request.method,
      headers,
      body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return err({ kind: 'timeout', message: `${request.method} ${request.path} after ${options.timeoutMs} ms` });
    }
    return err({ kind: 'unreachable', message: causeMessage(error) });
  }

  if (request.emptyStatuses?.includes(response.status)) {
    await response.body?.cancel();
    return ok({ status: response.status, body: null, headers: response.headers });
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The connection dropped after the headers: as good as no answer.
    return err({ kind: 'unreachable', message: causeMessage(error) });
  }

  if (!response.ok) {
    const problem = parseProblem(text);
    return err({
      kind: 'http',
      status: response.status,
      code: problem.code,
      message: problem.detail ?? response.statusText,
    });
  }

  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    return err({ kind: 'invalidResponse', message: `${request.method} ${request.path}: not JSON` });
  }
  if (!request.schema) return ok({ status: response.status, body: json as z.output<S>, headers: response.headers });
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return err({
      kind: 'invalidResponse',
      message: `${request.method} ${request.path}: ${first ? `${first.path.join('.')}: ${first.message}` : 'schema mismatch'}`,
    });
  }
  return ok({ status: response.status, body: parsed.data, headers: response.headers });
}

function parseProblem(text: string): { code: string | null; detail: string | null } {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    return {
      code: typeof body['code'] === 'string' ? body['code'] : null,
      detail:
        typeof body['detail'] === 'string' ? body['detail'] : typeof body['title'] === 'string' ? body['title'] : null,
    };
  } catch {
    return { code: null, detail: null };
  }
}

/** fetch wraps the socket error in `cause`; the cause says what actually happened (ECONNREFUSED …). */
function causeMessage(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
