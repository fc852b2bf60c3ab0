import type { Catalog, CatalogVersion } from '../../platform/contract/catalog';
import { ok, type Result } from '../pure/result';
import { callPlatform } from './client';
import type { HttpOptions, PlatformError } from './http';

/** `getCatalogVersion`: which catalog is current. Cheap; polled by the sync. */
export async function fetchCatalogVersion(options: HttpOptions): Promise<Result<CatalogVersion, PlatformError>> {
  const answer = await callPlatform(options, 'getCatalogVersion');
  return answer.ok ? ok(answer.value.body) : answer;
}

/**
 * `getCatalog` with `If-None-Match`: the whole catalog, or `unchanged` when the platform's
 * current version is the one we hold (304).
 */
export async function fetchCatalog(
  options: HttpOptions,
  heldVersion: string | null,
): Promise<Result<{ kind: 'unchanged' } | { kind: 'catalog'; catalog: Catalog }, PlatformError>> {
  const answer = await callPlatform(options, 'getCatalog', { ifNoneMatch: heldVersion });
  if (!answer.ok) return answer;
  if (answer.value.body === null) return ok({ kind: 'unchanged' });
  return ok({ kind: 'catalog', catalog: answer.value.body });
}
