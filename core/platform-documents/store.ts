import type Database from 'better-sqlite3';

/**
 * Platform documents kept for offline use (migrations 0009, 0013): the 好差评 option set, the
 * service-point list and the working calendar, each by version, with the one that is current and
 * when the platform last confirmed it. Bodies are stored as the platform's JSON and parsed by the caller
 * against the contract schema, so a stored copy is never trusted blindly.
 *
 * The tables are named care_document and care_document_current: migration 0009 made them for the
 * care journeys (好差评, 帮办代办, the service map; docs/domain.md), before the calendar joined.
 */

export type PlatformDocumentKind = 'ratingOptions' | 'servicePoints' | 'workCalendar';

export interface StoredPlatformDocument {
  readonly version: string;
  readonly body: unknown;
  readonly storedAt: string;
  readonly confirmedAt: string;
}

interface DocumentRow {
  version: string;
  body: string;
  stored_at: string;
  confirmed_at: string;
}

export function readCurrentDocument(db: Database.Database, kind: PlatformDocumentKind): StoredPlatformDocument | null {
  const row = db
    .prepare(
      `SELECT d.version, d.body, d.stored_at, c.confirmed_at
       FROM care_document_current c JOIN care_document d ON d.kind = c.kind AND d.version = c.version
       WHERE c.kind = ?`,
    )
    .get(kind) as DocumentRow | undefined;
  return row ? fromRow(row) : null;
}

/** Any stored version, current or not (a rating validates against the version it was shown with). */
export function readDocumentVersion(
  db: Database.Database,
  kind: PlatformDocumentKind,
  version: string,
): { readonly version: string; readonly body: unknown } | null {
  const row = db
    .prepare('SELECT version, body FROM care_document WHERE kind = ? AND version = ?')
    .get(kind, version) as { version: string; body: string } | undefined;
  return row ? { version: row.version, body: JSON.parse(row.body) as unknown } : null;
}

/**
 * Stores `body` as the current version of `kind` in one transaction. `keepOlder` false drops the
 * versions no longer current (the service map needs only the latest).
 */
export function storeCurrentDocument(
  db: Database.Database,
  kind: PlatformDocumentKind,
  document: { readonly version: string; readonly body: unknown },
  at: string,
  options: { readonly keepOlder: boolean },
): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO care_document (kind, version, body, stored_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, version) DO UPDATE SET body = excluded.body, stored_at = excluded.stored_at`,
    ).run(kind, document.version, JSON.stringify(document.body), at);
    db.prepare(
      `INSERT INTO care_document_current (kind, version, confirmed_at) VALUES (?, ?, ?)
       ON CONFLICT (kind) DO UPDATE SET version = excluded.version, confirmed_at = excluded.confirmed_at`,
    ).run(kind, document.version, at);
    if (!options.keepOlder) {
      db.prepare('DELETE FROM care_document WHERE kind = ? AND version != ?').run(kind, document.version);
    }
  })();
}

/** The platform said the version we hold is still current (304). */
export function confirmCurrentDocument(db: Database.Database, kind: PlatformDocumentKind, at: string): void {
  db.prepare('UPDATE care_document_current SET confirmed_at = ? WHERE kind = ?').run(at, kind);
}

function fromRow(row: DocumentRow): StoredPlatformDocument {
  return {
    version: row.version,
    body: JSON.parse(row.body) as unknown,
    storedAt: row.stored_at,
    confirmedAt: row.confirmed_at,
  };
}
