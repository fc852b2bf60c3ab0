import type Database from 'better-sqlite3';

export interface SyncState {
  /** Last time the platform confirmed the stored version is current. */
  readonly confirmedAt: string | null;
  readonly lastAttemptAt: string | null;
  /** Why the last attempt failed; null after a success. */
  readonly lastError: string | null;
}

export function readSyncState(db: Database.Database): SyncState {
  const row = db
    .prepare('SELECT confirmed_at, last_attempt_at, last_error FROM catalog_sync_state WHERE id = 1')
    .get() as { confirmed_at: string | null; last_attempt_at: string | null; last_error: string | null } | undefined;
  return {
    confirmedAt: row?.confirmed_at ?? null,
    lastAttemptAt: row?.last_attempt_at ?? null,
    lastError: row?.last_error ?? null,
  };
}

export function recordSyncSuccess(db: Database.Database, at: string): void {
  db.prepare('UPDATE catalog_sync_state SET confirmed_at = ?, last_attempt_at = ?, last_error = NULL WHERE id = 1').run(
    at,
    at,
  );
}

export function recordSyncFailure(db: Database.Database, at: string, error: string): void {
  db.prepare('UPDATE catalog_sync_state SET last_attempt_at = ?, last_error = ? WHERE id = 1').run(
    at,
    error.slice(0, 500),
  );
}
