import type { PublishedDocument } from '../store/documents';
import { etagOf, ifNoneMatchHits } from './etag';
import { problemResponse } from './problem';
import type { AppContext } from './types';

/**
 * Serves a published document with its version as a strong ETag; If-None-Match with the current
 * version answers 304 without a body, so a kiosk polling on a slow link pays only for headers.
 */
export function documentResponse(c: AppContext, document: PublishedDocument | undefined, what: string): Response {
  if (!document) return problemResponse(404, 'notFound', `no ${what} has been published yet`);
  const headers = { etag: etagOf(document.version), 'cache-control': 'no-cache' };
  if (ifNoneMatchHits(c.req.header('if-none-match'), document.version)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(document.body, { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
}
