import type { ZodObject, ZodType } from 'zod';
import type { ProblemCode } from './problem';

/**
 * The shape of an entry in the endpoint table (endpoints.ts) and the protocol constants every
 * endpoint shares: base paths and the Idempotency-Key rules.
 */

export const API_BASE_PATH = '/api/v1';
export const ADMIN_BASE_PATH = '/_admin';

/**
 * Idempotency-Key values (draft-ietf-httpapi-idempotency-key-header): an sf-string, so the draft
 * sends it quoted; bare values are accepted too. At least 16 characters so keys are not guessable
 * by accident; a UUID is what the kiosk sends.
 */
export const IDEMPOTENCY_KEY_PATTERN = /^("[A-Za-z0-9._~:-]{16,128}"|[A-Za-z0-9._~:-]{16,128})$/;
/** Stored responses are kept at least this long; a retry after that is treated as new. */
export const IDEMPOTENCY_RETENTION_DAYS = 30;

export type HttpMethod = 'get' | 'post' | 'put';
export type Tag =
  | 'catalog'
  | 'calendar'
  | 'terminals'
  | 'materials'
  | 'servicePoints'
  | 'ratings'
  | 'assistance'
  | 'applications'
  | 'cases'
  | 'queues'
  | 'appointments'
  | 'admin';
/** Idempotent-Replayed is added to every POST response by openapi.ts; list the others here. */
export type ResponseHeaderName = 'ETag' | 'Location';

export interface SuccessResponse {
  readonly status: 200 | 201 | 202;
  readonly description: string;
  readonly schema: ZodType;
  readonly headers?: readonly ResponseHeaderName[];
}

export type RequestBody =
  | { readonly kind: 'json'; readonly schema: ZodType }
  | { readonly kind: 'binary'; readonly contentTypes: readonly string[]; readonly maxBytes: number };

export type BusinessErrorStatus = 404 | 409 | 422;

export interface Endpoint {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Full path in OpenAPI template syntax, `{param}`. */
  readonly path: string;
  readonly tag: Tag;
  readonly summary: string;
  readonly description?: string;
  /** enrolment: no terminal token yet; the one-time code, then the claim secret, is the credential. */
  readonly auth: 'terminal' | 'admin' | 'enrolment';
  /** The path's terminalId / stationId must be the caller's own, else 403. */
  readonly scope?: 'terminal' | 'station';
  readonly pathParams?: ZodObject;
  readonly query?: ZodObject;
  /** Answers with an ETag and honours If-None-Match with 304. */
  readonly conditional?: boolean;
  readonly requestBody?: RequestBody;
  readonly responses: readonly SuccessResponse[];
  /** Business reasons beyond the protocol-level ones every endpoint of its kind documents. */
  readonly businessErrors?: Partial<Record<BusinessErrorStatus, readonly ProblemCode[]>>;
}
