import { err, ok, type Result } from '../pure/result';
import { platformRequest, type HttpOptions, type PlatformError } from './http';
import {
  endpointOf,
  resolveTarget,
  responseSchema,
  type BodyOf,
  type EndpointOf,
  type PlatformOperation,
  type ResponseOf,
  type TargetOf,
} from './operations';

/**
 * The typed platform client: `callPlatform(options, 'getCase', { params: { caseNo } })`. The
 * operation's path parameters, query, body and Idempotency-Key are checked by TypeScript against
 * the endpoint table, and the 2xx answer is parsed with the endpoint's own response schema, over
 * the one request function (http.ts: timeout, bearer token, Problem answers as PlatformError).
 */

type BodyPart<Op extends PlatformOperation> =
  EndpointOf<Op> extends { readonly requestBody: object } ? { readonly body: BodyOf<Op> } : { readonly body?: never };

/** The platform refuses a POST without an Idempotency-Key; a PUT (content-addressed) may carry one. */
type KeyPart<E> = E extends { readonly method: 'post' }
  ? { readonly idempotencyKey: string }
  : E extends { readonly method: 'put' }
    ? { readonly idempotencyKey?: string }
    : { readonly idempotencyKey?: never };

/** The version held, sent as If-None-Match: an unchanged document answers 304 without a body. */
type ConditionalPart<E> = E extends { readonly conditional: true }
  ? { readonly ifNoneMatch?: string | null }
  : { readonly ifNoneMatch?: never };

export type CallOf<Op extends PlatformOperation> = TargetOf<Op> &
  BodyPart<Op> &
  KeyPart<EndpointOf<Op>> &
  ConditionalPart<EndpointOf<Op>>;

/** No second argument for an operation that needs nothing (`callPlatform(options, 'getCatalogVersion')`). */
export type CallArgs<Op extends PlatformOperation> =
  object extends CallOf<Op> ? [call?: CallOf<Op>] : [call: CallOf<Op>];

export interface PlatformAnswer<T> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** 304 to If-None-Match: the version held is current. */
export interface NotModified {
  readonly status: 304;
  readonly body: null;
  readonly headers: Headers;
}

export type AnswerOf<Op extends PlatformOperation> =
  EndpointOf<Op> extends { readonly conditional: true }
    ? PlatformAnswer<ResponseOf<Op>> | NotModified
    : PlatformAnswer<ResponseOf<Op>>;

interface LooseCall {
  readonly params?: object;
  readonly query?: object;
  readonly body?: unknown;
  readonly idempotencyKey?: string;
  readonly ifNoneMatch?: string | null;
}

/** One call of a platform operation. Never throws; retries are the caller's decision. */
export async function callPlatform<Op extends PlatformOperation>(
  options: HttpOptions,
  operation: Op,
  ...[call]: CallArgs<Op>
): Promise<Result<AnswerOf<Op>, PlatformError>> {
  const request = (call ?? {}) as LooseCall;
  const target = resolveTarget(operation, request);
  const ep = endpointOf(operation);
  const headers: Record<string, string> = {};
  if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
  if (request.ifNoneMatch) headers['if-none-match'] = `"${request.ifNoneMatch}"`;
  const answer = await platformRequest(options, {
    ...target,
    schema: responseSchema(operation),
    headers,
    ...(request.body === undefined
      ? {}
      : { body: ep.requestBody?.kind === 'binary' ? (request.body as BodyOf<'putMaterial'>) : { json: request.body } }),
    emptyStatuses: ep.conditional ? [304] : [],
  });
  if (!answer.ok) return answer;
  const { status, body, headers: answered } = answer.value;
  if (body === null && status !== 304) {
    return err({ kind: 'invalidResponse', message: `${target.method} ${target.path}: empty answer` });
  }
  // Parsed with this operation's response schema just above: the body is what ResponseOf<Op> says.
  return ok({ status, body, headers: answered } as AnswerOf<Op>);
}
