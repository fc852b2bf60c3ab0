import type { ConsoleEndpoint } from '../../../contract/console/endpoints';
import type { Result } from '../../../../core/pure/result';
import { problemResponse } from '../../http/problem';
import type { PlatformLog } from '../../http/types';
import type { ConsoleDownload, ConsoleFailure } from '../handler-types';
import type { RouteOutcome } from './route-types';

/**
 * An operation's Result as an HTTP answer. Successful answers are checked against the table's
 * response schema before they leave, so a handler that drifts from the contract fails loudly
 * (500, logged) rather than feeding the console something it cannot read.
 */

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function failureOutcome(failure: ConsoleFailure): RouteOutcome {
  switch (failure.kind) {
    case 'notFound':
      return { response: problemResponse(404, 'notFound', failure.detail), audit: 'failed', detail: failure.detail };
    case 'forbidden':
      return { response: problemResponse(403, 'forbidden', failure.detail), audit: 'denied', detail: failure.detail };
    case 'conflict':
      return {
        response: problemResponse(409, 'conflict', failure.detail),
        audit: 'failed',
        detail: failure.detail,
      };
    case 'invalid':
      return {
        response: problemResponse(422, 'validationFailed', failure.detail),
        audit: 'failed',
        detail: failure.detail,
      };
  }
}

export function replyOutcome(
  endpoint: ConsoleEndpoint,
  result: Result<unknown, ConsoleFailure>,
  log: PlatformLog,
  headers: Record<string, string> = {},
): RouteOutcome {
  if (!result.ok) return failureOutcome(result.error);
  if (endpoint.response === 'png') {
    if (!(result.value instanceof Uint8Array)) return contractBreach(endpoint, log, 'not image bytes');
    const bytes = new Uint8Array(result.value);
    return {
      response: new Response(bytes, { status: endpoint.status, headers: { 'content-type': 'image/png', ...headers } }),
      audit: 'ok',
    };
  }
  if (endpoint.response === 'download') {
    if (!isDownload(result.value)) return contractBreach(endpoint, log, 'not a download');
    const { fileName, contentType, body } = result.value;
    return {
      response: new Response(body, {
        status: endpoint.status,
        headers: {
          'content-type': contentType,
          // RFC 6266 / RFC 5987: an ASCII fallback and the UTF-8 name (台账 file names are Chinese).
          'content-disposition': `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
          'cache-control': 'no-store',
          ...headers,
        },
      }),
      audit: 'ok',
    };
  }
  const checked = endpoint.response.safeParse(result.value);
  if (!checked.success) return contractBreach(endpoint, log, checked.error.message);
  return { response: jsonResponse(endpoint.status, checked.data, headers), audit: 'ok' };
}

function contractBreach(endpoint: ConsoleEndpoint, log: PlatformLog, why: string): RouteOutcome {
  log('error', 'console handler answered outside the contract', { operationId: endpoint.operationId, why });
  return {
    response: problemResponse(500, 'internalError', 'the platform failed to process the request'),
    audit: 'failed',
    detail: 'internal error',
  };
}

function isDownload(value: unknown): value is ConsoleDownload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ConsoleDownload).fileName === 'string' &&
    typeof (value as ConsoleDownload).contentType === 'string' &&
    (value as ConsoleDownload).body instanceof ReadableStream
  );
}

function asciiFallback(fileName: string): string {
  return fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}
