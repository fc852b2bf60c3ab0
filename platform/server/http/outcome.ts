import type { StoredResponse } from '../store/idempotency-records';

/**
 * A response as data: what handlers of idempotent requests return, so the same bytes can be
 * stored in the transaction and sent (or replayed) afterwards.
 */
export type Outcome = StoredResponse;

const encoder = new TextEncoder();

export function jsonOutcome(status: number, value: unknown, headers: Record<string, string> = {}): Outcome {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: encoder.encode(JSON.stringify(value)),
  };
}

export function toResponse(outcome: Outcome, extraHeaders: Record<string, string> = {}): Response {
  // Copy into a fresh ArrayBuffer-backed array: Response wants exactly that, not any ArrayBufferLike.
  const body = new Uint8Array(outcome.body.byteLength);
  body.set(outcome.body);
  return new Response(body, {
    status: outcome.status,
    headers: { ...outcome.headers, ...extraHeaders },
  });
}
