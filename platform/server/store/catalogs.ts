import type { SqlQueries } from '../db/sql';
import { Catalog, type CatalogVersion } from '../../contract/catalog';
import { err, type Result } from '../../../core/pure/result';
import { currentDocument, publishDocument, type PublishOutcome } from './documents';

export type PublishCatalogError =
  | { readonly kind: 'invalidCatalog'; readonly issues: readonly string[] }
  | { readonly kind: 'versionConflict'; readonly version: string };

/**
 * Publishes a catalog version; it becomes the one `GET /catalog` serves. Tests use this to check
 * that kiosks pick up new versions. The catalog is validated against the contract first.
 */
export async function publishCatalog(
  db: SqlQueries,
  catalog: Catalog,
  now: Date = new Date(),
): Promise<Result<PublishOutcome, PublishCatalogError>> {
  const parsed = Catalog.safeParse(catalog);
  if (!parsed.success) {
    return err({
      kind: 'invalidCatalog',
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    });
  }
  const body = JSON.stringify(parsed.data);
  return await publishDocument(
    db,
    'catalog',
    { version: parsed.data.version, publishedAt: parsed.data.publishedAt, itemCount: parsed.data.matters.length, body },
    now,
  );
}

export function describePublishCatalogError(error: PublishCatalogError): string {
  return error.kind === 'invalidCatalog'
    ? `the catalog does not match the contract: ${error.issues.slice(0, 5).join('; ')}`
    : `catalog version ${error.version} is already published with different content; publish a new version`;
}

export async function currentCatalogVersion(db: SqlQueries): Promise<CatalogVersion | undefined> {
  const doc = await currentDocument(db, 'catalog');
  return doc && { version: doc.version, publishedAt: doc.publishedAt, matterCount: doc.itemCount };
}
