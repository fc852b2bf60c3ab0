import type Database from 'better-sqlite3';

/**
 * Stored responses of idempotent POSTs. A record is written in the same transaction as the
 * business write it answers for, so after a crash either both exist or neither does.
 */

export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface IdempotencyRecord extends StoredResponse {
  readonly fingerprint: string;
}

export interface RecordKey {
  readonly terminalId: string;
  readonly key: string;
}

interface Row {
  fingerprint: string;
  status: number;
  headers: string;
  body: Buffer;
}

export function findIdempotencyRecord(db: Database.Database, at: RecordKey): IdempotencyRecord | undefined {
  const row = db
    .prepare(
      'SELECT fingerprint, status, headers, body FROM idempotency_records WHERE terminal_id = ? AND idem_key = ?',
    )
    .get(at.terminalId, at.key) as Row | undefined;
  if (!row) return undefined;
  return {
    fingerprint: row.fingerprint,
    status: row.status,
    headers: JSON.parse(row.headers) as Record<string, string>,
    body: new Uint8Array(row.body),
  };
}

export function saveIdempotencyRecord(
  db: Database.Database,
  at: RecordKey & { readonly fingerprint: string; readonly method: string; readonly path: string },
  response: StoredResponse,
  now: Date,
): void {
  db.prepare(
    `INSERT INTO idempotency_records (terminal_id, idem_key, fingerprint, method, path, status, headers, body, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    at.terminalId,
    at.key,
    at.fingerprint,
    at.method,
    at.path,
    response.status,
    JSON.stringify(response.headers),
    Buffer.from(response.body),
    now.toISOString(),
  );
}

/** Forgets records older than the retention; returns how many went. */
export function purgeIdempotencyRecords(db: Database.Database, olderThan: Date): number {
  return db.prepare('DELETE FROM idempotency_records WHERE created_at < ?').run(olderThan.toISOString()).changes;
}
