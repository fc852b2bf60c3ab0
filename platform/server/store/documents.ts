import type Database from 'better-sqlite3';
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

export function publishDocument(
  db: Database.Database,
  kind: DocumentKind,
  document: PublishedDocument,
  now: Date,
): Result<PublishOutcome, PublishError> {
  const existing = db
    .prepare('SELECT body FROM published_documents WHERE kind = ? AND version = ?')
    .pluck()
    .get(kind, document.version);
  if (existing !== undefined) {
    return existing === document.body ? ok('unchanged') : err({ kind: 'versionConflict', version: document.version });
  }
  db.prepare(
    `INSERT INTO published_documents (kind, version, published_at, item_count, body, stored_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(kind, document.version, document.publishedAt, document.itemCount, document.body, now.toISOString());
  return ok('published');
}

export function currentDocument(db: Database.Database, kind: DocumentKind): PublishedDocument | undefined {
  return db
    .prepare(
      `SELECT version, published_at AS publishedAt, item_count AS itemCount, body
       FROM published_documents WHERE kind = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(kind) as PublishedDocument | undefined;
}

export function currentVersion(db: Database.Database, kind: DocumentKind): string | null {
  const version = db
    .prepare('SELECT version FROM published_documents WHERE kind = ? ORDER BY id DESC LIMIT 1')
    .pluck()
    .get(kind);
  return typeof version === 'string' ? version : null;
}

export function hasVersion(db: Database.Database, kind: DocumentKind, version: string): boolean {
  return (
    db.prepare('SELECT 1 FROM published_documents WHERE kind = ? AND version = ?').get(kind, version) !== undefined
  );
}
