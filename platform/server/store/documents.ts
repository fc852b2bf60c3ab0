import type { SqlQueries } from '../db/sql';
import { err, ok, type Result } from '../../../core/pure/result';

/**
 * Versioned documents published whole (catalog, rating options, service points, work calendar). Publishing the
 * same version with the same body again is a no-op; the same version with a different body is
 * refused, because kiosks cache by version and would never see the change.
 */

export type DocumentKind = 'catalog' | 'ratingOptions' | 'servicePoints' | 'workCalendar';

export interface PublishedDocument {
  readonly version: string;
  readonly publishedAt: string;
  readonly itemCount: number;
  /** The JSON text exactly as served. */
  readonly body: string;
}

export type PublishOutcome = 'published' | 'unchanged';
export type PublishError = { readonly kind: 'versionConflict'; readonly version: string };

export async function publishDocument(
  db: SqlQueries,
  kind: DocumentKind,
  document: PublishedDocument,
  now: Date,
): Promise<Result<PublishOutcome, PublishError>> {
  // UNIQUE (kind, version) decides between two instances publishing at once: the loser reads the
  // winner's body and answers unchanged or conflict like any later publisher.
  const inserted = await db.run(
    `INSERT INTO published_documents (kind, version, published_at, item_count, body, stored_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, version) DO NOTHING`,
    [kind, document.version, document.publishedAt, document.itemCount, document.body, now.toISOString()],
  );
  if (inserted.changes === 1) return ok('published');
  const existing = await db.get<{ body: string }>(
    'SELECT body FROM published_documents WHERE kind = ? AND version = ?',
    [kind, document.version],
  );
  return existing?.body === document.body
    ? ok('unchanged')
    : err({ kind: 'versionConflict', version: document.version });
}

export function currentDocument(db: SqlQueries, kind: DocumentKind): Promise<PublishedDocument | undefined> {
  return db.get<PublishedDocument>(
    `SELECT version, published_at AS "publishedAt", item_count AS "itemCount", body
     FROM published_documents WHERE kind = ? ORDER BY id DESC LIMIT 1`,
    [kind],
  );
}

export async function currentVersion(db: SqlQueries, kind: DocumentKind): Promise<string | null> {
  const row = await db.get<{ version: string }>(
    'SELECT version FROM published_documents WHERE kind = ? ORDER BY id DESC LIMIT 1',
    [kind],
  );
  return row?.version ?? null;
}

export async function hasVersion(db: SqlQueries, kind: DocumentKind, version: string): Promise<boolean> {
  return (
    (await db.get('SELECT 1 AS found FROM published_documents WHERE kind = ? AND version = ?', [kind, version])) !==
    undefined
  );
}
