import type { ZodType } from 'zod';
import type { ProblemFieldError } from '../../contract/problem';
import { err, ok, type Result } from '../../../core/pure/result';
import type { Outcome } from './outcome';
import { problemOutcome } from './problem';

/** Reading request bodies with a size cap, and turning JSON into contract-checked values. */

export type BodyError = { readonly kind: 'tooLarge'; readonly maxBytes: number };

/**
 * Reads at most `maxBytes`; stops reading as soon as the body is known to be bigger, so a
 * runaway upload costs no more memory than the cap.
 */
export async function readCappedBody(request: Request, maxBytes: number): Promise<Result<Uint8Array, BodyError>> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return err({ kind: 'tooLarge', maxBytes });
  if (!request.body) return ok(new Uint8Array(0));
  // Node's Request types the stream loosely; request bodies are bytes.
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return err({ kind: 'tooLarge', maxBytes });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return ok(bytes);
}

export function tooLargeOutcome(maxBytes: number): Outcome {
  return problemOutcome(413, 'payloadTooLarge', `the body exceeds ${maxBytes} bytes`);
}

/** The media type without parameters, lower-cased: `application/json; charset=utf-8` → `application/json`. */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function isJson(request: Request): boolean {
  const type = mediaType(request);
  return type === 'application/json' || type.endsWith('+json');
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Issue paths as JSON pointers; messages are zod's or ours and never echo the submitted values. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ProblemFieldError[] {
  return issues.slice(0, 20).map((issue) => ({
    path: `/${issue.path.map((segment) => String(segment)).join('/')}`,
    message: issue.message,
  }));
}

/** JSON text → value checked against the contract, or the problem to answer with. */
export function parseJsonBody<T>(bytes: Uint8Array, schema: ZodType<T>, what: string): Result<T, Outcome> {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    return err(problemOutcome(400, 'malformedJson', 'the body must be UTF-8 JSON'));
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    return err(
      problemOutcome(422, 'validationFailed', `the body does not match ${what}`, {
        errors: fieldErrors(parsed.error.issues),
      }),
    );
  }
  return ok(parsed.data);
}
