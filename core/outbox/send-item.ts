import type { Result } from '../api/result';
import { err } from '../api/result';
import { platformRequest, type HttpOptions, type HttpResponse, type PlatformError } from '../platform-client/http';
import type { DataSealer } from './data-sealer';
import type { OutboxItem } from './outbox-store';

/** A body sealed at rest that cannot be opened: not this kiosk's key, or altered bytes. */
export interface SealedBodyError {
  readonly kind: 'sealed';
  readonly message: string;
}

/**
 * Sends one outbox item as it was stored: JSON text, JSON sealed at rest (opened here, in memory,
 * just before sending), or raw bytes with their content type (a material PDF for
 * `PUT /materials/{sha256}`). The body is the same bytes on every attempt, so the platform's
 * Idempotency-Key fingerprint matches.
 */
export async function sendOutboxItem(
  platform: HttpOptions,
  item: OutboxItem,
  sealer: DataSealer,
): Promise<Result<HttpResponse<unknown>, PlatformError | SealedBodyError>> {
  const headers = { 'idempotency-key': item.idempotencyKey };
  const stored = item.stored;
  if (stored.kind === 'json') {
    // A row from before bodies were sealed (the start-up upgrade seals these before delivery
    // starts). Parsing and re-serialising stored JSON gives back the same text: same fingerprint.
    return platformRequest(platform, {
      method: item.method,
      path: item.path,
      schema: null,
      body: JSON.parse(item.body) as unknown,
      headers,
    });
  }
  let bytes: Buffer = stored.bytes;
  if (stored.sealed) {
    try {
      bytes = sealer.open(stored.bytes);
    } catch {
      // Another key (the key file was replaced) or altered bytes: retrying cannot help.
      return err({ kind: 'sealed', message: 'the sealed body does not open with this kiosk’s data key' });
    }
  }
  if (stored.contentType === null) {
    return platformRequest(platform, {
      method: item.method,
      path: item.path,
      schema: null,
      body: JSON.parse(bytes.toString('utf8')) as unknown,
      headers,
    });
  }
  // platformRequest speaks JSON only; its fetch hook lets the raw bytes through while keeping its
  // timeout, bearer token and error mapping in one place.
  const contentType = stored.contentType;
  const body = new Uint8Array(bytes);
  const baseFetch = platform.fetch ?? globalThis.fetch;
  const withBytes: typeof globalThis.fetch = (input, init) =>
    baseFetch(input, {
      ...init,
      body,
      headers: { ...(init?.headers as Record<string, string>), 'content-type': contentType },
    });
  return platformRequest(
    { ...platform, fetch: withBytes },
    { method: item.method, path: item.path, schema: null, headers },
  );
}
