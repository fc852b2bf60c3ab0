import { Catalog, CatalogVersion } from '../../platform/contract/catalog';
import { err, ok, type Result } from '../api/result';
import { platformRequest, type HttpOptions, type PlatformError } from './http';

/** `GET /catalog/version`: which catalog is current. Cheap; polled by the sync. */
export async function fetchCatalogVersion(options: HttpOptions): Promise<Result<CatalogVersion, PlatformError>> {
  const response = await platformRequest(options, { method: 'GET', path: '/catalog/version', schema: CatalogVersion });
  if (!response.ok) return response;
  if (response.value.body === null)
    return err({ kind: 'invalidResponse', message: 'GET /catalog/version: empty answer' });
  return ok(response.value.body);
}

/**
 * `GET /catalog` with `If-None-Match`: the whole catalog, or `unchanged` when the platform's
 * current version is the one we hold (304).
 */
export async function fetchCatalog(
  options: HttpOptions,
  heldVersion: string | null,
): Promise<Result<{ kind: 'unchanged' } | { kind: 'catalog'; catalog: Catalog }, PlatformError>> {
  const response = await platformRequest(options, {
    method: 'GET',
    path: '/catalog',
    schema: Catalog,
    headers: heldVersion ? { 'if-none-match': `"${heldVersion}"` } : {},
    emptyStatuses: [304],
  });
  if (!response.ok) return response;
  if (response.value.status === 304 || response.value.body === null) return ok({ kind: 'unchanged' });
  return ok({ kind: 'catalog', catalog: response.value.body });
}
