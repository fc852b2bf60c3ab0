import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { err, ok, type Result } from '../api/result';
import type { Logger } from '../logging/logger';
import { describePlatformError, platformRequest, type HttpOptions, type PlatformError } from '../platform-client/http';
import { atMost } from '../pure/at-most';
import {
  confirmCurrentDocument,
  readCurrentDocument,
  storeCurrentDocument,
  type CareDocumentKind,
} from './care-documents';

/**
 * A versioned platform document kept for offline use, fetched like the catalog: `If-None-Match`
 * with the held version, 304 confirms it, 200 replaces it (catalog/sync.ts does the same).
 */
export interface CareDocumentSpec<S extends z.ZodType<{ version: string }>> {
  readonly kind: CareDocumentKind;
  /** Relative to the platform's base URL. */
  readonly path: string;
  readonly schema: S;
  readonly keepOlder: boolean;
}

export interface CareDocumentDeps {
  readonly db: Database.Database;
  readonly platform: HttpOptions;
  readonly logger: Logger;
  readonly now: () => Date;
}

/** Asks the platform once and stores what it says. Never rejects; on failure the store is unchanged. */
export async function refreshCareDocument<S extends z.ZodType<{ version: string }>>(
  deps: CareDocumentDeps,
  spec: CareDocumentSpec<S>,
): Promise<Result<z.output<S>, PlatformError>> {
  const held = readCurrentDocument(deps.db, spec.kind);
  const heldParsed = held ? spec.schema.safeParse(held.body) : null;
  const heldVersion = heldParsed?.success ? heldParsed.data.version : null;
  const answer = await platformRequest(deps.platform, {
    method: 'GET',
    path: spec.path,
    schema: spec.schema,
    headers: heldVersion ? { 'if-none-match': `"${heldVersion}"` } : {},
    emptyStatuses: [304],
  });
  if (!answer.ok) return answer;
  const at = deps.now().toISOString();
  if (answer.value.status === 304 || answer.value.body === null) {
    if (!heldParsed?.success) {
      return err({ kind: 'invalidResponse', message: `GET ${spec.path}: 304 without a held version` });
    }
    confirmCurrentDocument(deps.db, spec.kind, at);
    return ok(heldParsed.data);
  }
  const document = answer.value.body;
  storeCurrentDocument(deps.db, spec.kind, { version: document.version, body: document }, at, {
    keepOlder: spec.keepOlder,
  });
  if (document.version !== heldVersion) {
    deps.logger.info({ kind: spec.kind, from: heldVersion, to: document.version }, 'care document updated');
  }
  return ok(document);
}

/** The stored current copy, if it still parses against the contract. */
export function cachedCareDocument<S extends z.ZodType<{ version: string }>>(
  deps: CareDocumentDeps,
  spec: CareDocumentSpec<S>,
): z.output<S> | null {
  const held = readCurrentDocument(deps.db, spec.kind);
  if (!held) return null;
  const parsed = spec.schema.safeParse(held.body);
  if (!parsed.success) {
    deps.logger.warn({ kind: spec.kind, version: held.version }, 'stored care document no longer parses; ignored');
    return null;
  }
  return parsed.data;
}

export type CareDocumentRead<T> = { readonly source: 'platform' | 'cache'; readonly document: T };

/**
 * What a resident's screen shows: the platform's answer if it comes within `waitMs`, else the
 * stored copy (a late answer is still stored). Null when the platform never answered and nothing
 * is stored.
 */
export async function readCareDocument<S extends z.ZodType<{ version: string }>>(
  deps: CareDocumentDeps,
  spec: CareDocumentSpec<S>,
  waitMs: number,
): Promise<CareDocumentRead<z.output<S>> | null> {
  const refreshing = refreshCareDocument(deps, spec).catch((error: unknown) => {
    // A bug (the store threw): logged here so a late failure is never an unhandled rejection.
    deps.logger.error({ err: error, kind: spec.kind }, 'care document refresh crashed');
    return err<PlatformError>({ kind: 'invalidResponse', message: 'refresh crashed' });
  });
  const answered = await atMost(refreshing, waitMs);
  if (answered.done && answered.value.ok) return { source: 'platform', document: answered.value.value };
  if (answered.done && !answered.value.ok) {
    deps.logger.info(
      { kind: spec.kind, reason: describePlatformError(answered.value.error) },
      'platform did not give the care document; using the stored copy',
    );
  }
  const cached = cachedCareDocument(deps, spec);
  return cached === null ? null : { source: 'cache', document: cached };
}
