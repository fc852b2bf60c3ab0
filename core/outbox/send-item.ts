import type { Result } from '../pure/result';
import { err } from '../pure/result';
import { platformRequest, type HttpOptions, type HttpResponse, type PlatformError } from '../platform-client/http';
import { matchOperation, responseSchema } from '../platform-client/operations';
import type { DataSealer } from './data-sealer';
import type { OutboxItem } from './outbox-store';

/** A body sealed at rest that cannot be opened: not this kiosk's key, or altered bytes. */
export interface SealedBodyError {
  readonly kind: 'sealed';
  readonly message: string;
}

/**
 * Sends one outbox item as it was stored: JSON text, JSON sealed at rest (opened here, in memory,
 * just before sending), or raw bytes with their content type (a material PDF for `putMaterial`).
 * The body is the same bytes on every attempt, so the platform's Idempotency-Key fingerprint
 * matches. The answer is parsed with the response schema of the operation the stored method and
 * path belong to (platform/contract/endpoints.ts); a row whose path the contract no longer knows
 * is still sent, its answer kept unparsed.
 */
export async function sendOutboxItem(
  platform: HttpOptions,
  item: OutboxItem,
  sealer: DataSealer,
): Promise<Result<HttpResponse<unknown>, PlatformError | SealedBodyError>> {
  const stored = item.stored;
  let bytes: Buffer;
  if (stored.kind === 'json') {
    // A row from before bodies were sealed (the start-up upgrade seals these before delivery starts).
    bytes = Buffer.from(item.body, 'utf8');
  } else if (stored.sealed) {
    try {
      bytes = sealer.open(stored.bytes);
    } catch {
      // Another key (the key file was replaced) or altered bytes: retrying cannot help.
      return err({ kind: 'sealed', message: 'the sealed body does not open with this kiosk’s data key' });
    }
  } else {
    bytes = stored.bytes;
  }
  const contentType = stored.kind === 'bytes' ? stored.contentType : null;
  const operation = matchOperation(item.method, item.path);
  return platformRequest(platform, {
    method: item.method,
    path: item.path,
    schema: operation === null ? null : responseSchema(operation),
    // Stored JSON text parsed and serialised again is the same text: the same fingerprint.
    body:
      contentType === null
        ? { json: JSON.parse(bytes.toString('utf8')) as unknown }
        : { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType },
    headers: { 'idempotency-key': item.idempotencyKey },
  });
}
