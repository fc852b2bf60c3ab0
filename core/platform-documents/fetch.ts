import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { err, ok, type Result } from '../pure/result';
import type { Logger } from '../logging/logger';
import { callPlatform } from '../platform-client/client';
import { describePlatformError, type HttpOptions, type PlatformError } from '../platform-client/http';
import { responseSchema, type ConditionalOperation, type ResponseOf } from '../platform-client/operations';
import { atMost } from '../pure/at-most';
import { confirmCurrentDocument, readCurrentDocument, storeCurrentDocument, type PlatformDocumentKind } from './store';

/**
 * A versioned platform document kept for offline use, fetched like the catalog: `If-None-Match`
 * with the held version, 304 confirms it, 200 replaces it (catalog/sync.ts does the same).
 */
export interface PlatformDocumentSpec<Op extends ConditionalOperation> {
  readonly kind: PlatformDocumentKind;
  /** The platform operation that serves it; its response schema also checks the stored copy. */
  readonly operation: Op;
  readonly keepOlder: boolean;
}

export interface PlatformDocumentDeps {
  readonly db: Database.Database;
  readonly platform: HttpOptions;
  readonly logger: Logger;
  readonly now: () => Date;
}

type DocumentOf<Op extends ConditionalOperation> = ResponseOf<Op> & { readonly version: string };

/** Every conditional document carries its version: the ETag the platform answers with. */
const documentSchema = <Op extends ConditionalOperation>(operation: Op) =>
  responseSchema(operation) as z.ZodType<DocumentOf<Op>>;

/** Asks the platform once and stores what it says. Never rejects; on failure the store is unchanged. */
export async function refreshPlatformDocument<Op extends ConditionalOperation>(
  deps: PlatformDocumentDeps,
  spec: PlatformDocumentSpec<Op>,
): Promise<Result<ResponseOf<Op>, PlatformError>> {
  const held = readCurrentDocument(deps.db, spec.kind);
  const heldParsed = held ? documentSchema(spec.operation).safeParse(held.body) : null;
  const heldVersion = heldParsed?.success ? heldParsed.data.version : null;
  // Asked as any conditional operation (none takes parameters); the answer is parsed with this one's schema.
  const answer = await callPlatform<ConditionalOperation>(deps.platform, spec.operation, { ifNoneMatch: heldVersion });
  if (!answer.ok) return answer;
  const at = deps.now().toISOString();
  if (answer.value.body === null) {
    if (!heldParsed?.success) {
      return err({ kind: 'invalidResponse', message: `${spec.operation}: 304 without a held version` });
    }
    confirmCurrentDocument(deps.db, spec.kind, at);
    return ok(heldParsed.data);
  }
  const document = answer.value.body as DocumentOf<Op>;
  storeCurrentDocument(deps.db, spec.kind, { version: document.version, body: document }, at, {
    keepOlder: spec.keepOlder,
  });
  if (document.version !== heldVersion) {
    deps.logger.info({ kind: spec.kind, from: heldVersion, to: document.version }, 'platform document updated');
  }
  return ok(document);
}

/** The stored current copy, if it still parses against the contract. */
export function cachedPlatformDocument<Op extends ConditionalOperation>(
  deps: PlatformDocumentDeps,
  spec: PlatformDocumentSpec<Op>,
): ResponseOf<Op> | null {
  const held = readCurrentDocument(deps.db, spec.kind);
  if (!held) return null;
  const parsed = documentSchema(spec.operation).safeParse(held.body);
  if (!parsed.success) {
    deps.logger.warn({ kind: spec.kind, version: held.version }, 'stored platform document no longer parses; ignored');
    return null;
  }
  return parsed.data;
}

export type PlatformDocumentRead<T> = { readonly source: 'platform' | 'cache'; readonly document: T };

/**
 * What a resident's screen shows: the platform's answer if it comes within `waitMs`, else the
 * stored copy (a late answer is still stored). Null when the platform never answered and nothing
 * is stored.
 */
export async function readPlatformDocument<Op extends ConditionalOperation>(
  deps: PlatformDocumentDeps,
  spec: PlatformDocumentSpec<Op>,
  waitMs: number,
): Promise<PlatformDocumentRead<ResponseOf<Op>> | null> {
  const refreshing = refreshPlatformDocument(deps, spec).catch((error: unknown) => {
    // A bug (the store threw): logged here so a late failure is never an unhandled rejection.
    deps.logger.error({ err: error, kind: spec.kind }, 'platform document refresh crashed');
    return err<PlatformError>({ kind: 'invalidResponse', message: 'refresh crashed' });
  });
  const answered = await atMost(refreshing, waitMs);
  if (answered.done && answered.value.ok) return { source: 'platform', document: answered.value.value };
  if (answered.done && !answered.value.ok) {
    deps.logger.info(
      { kind: spec.kind, reason: describePlatformError(answered.value.error) },
      'platform did not give the platform document; using the stored copy',
    );
  }
  const cached = cachedPlatformDocument(deps, spec);
  return cached === null ? null : { source: 'cache', document: cached };
}
