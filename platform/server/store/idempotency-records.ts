import type { SqlQueries } from '../db/sql';
import type { PlatformSealer } from '../sealing/sealer';

/**
 * Stored responses of idempotent POSTs. A record is written in the same transaction as the
 * business write it answers for, so after a crash either both exist or neither does. The stored
 * body is sealed: answers to searches and bookings are about people. The fingerprint is keyed by
 * the caller (see PlatformSealer.requestFingerprint).
 */

const SEALED = 'idempotency_records.sealed_body';

/** The record a sealed body belongs to: terminal and key, which together are unique. */
const recordId = (at: RecordKey): string => `${at.terminalId}\n${at.key}`;

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

export async function findIdempotencyRecord(
  db: SqlQueries,
  sealer: PlatformSealer,
  at: RecordKey,
): Promise<IdempotencyRecord | undefined> {
  const row = await db.get<Row>(
    `SELECT fingerprint, status, headers, sealed_body AS body FROM idempotency_records
     WHERE terminal_id = ? AND idem_key = ?`,
    [at.terminalId, at.key],
  );
  if (!row) return undefined;
  return {
    fingerprint: row.fingerprint,
    status: row.status,
    headers: JSON.parse(row.headers) as Record<string, string>,
    body: new Uint8Array(sealer.open(SEALED, recordId(at), row.body)),
  };
}

export async function saveIdempotencyRecord(
  db: SqlQueries,
  sealer: PlatformSealer,
  at: RecordKey & { readonly fingerprint: string; readonly method: string; readonly path: string },
  response: StoredResponse,
  now: Date,
): Promise<void> {
  await db.run(
    `INSERT INTO idempotency_records
       (terminal_id, idem_key, fingerprint, method, path, status, headers, sealed_body, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      at.terminalId,
      at.key,
      at.fingerprint,
      at.method,
      at.path,
      response.status,
      JSON.stringify(response.headers),
      sealer.seal(SEALED, recordId(at), response.body),
      now.toISOString(),
    ],
  );
}
