import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { bookkeepingWrite } from '../store/bookkeeping-write';
import { redactText } from '../logging/redact';
import { resolveTarget, type JsonBodyOf, type TargetOf, type WriteOperation } from '../platform-client/operations';
import type { DataSealer } from './data-sealer';

/**
 * The outbox table (migration 0004): what is written, read and moved between states. Every
 * function takes the database first and runs inside whatever transaction the caller holds, so a
 * feature can commit its own rows and the outbox row together.
 */

export type OutboxState = 'pending' | 'sent' | 'deadLetter';

/**
 * A platform operation to send later, named as in the contract's endpoint table: its path
 * parameters and body are checked against it. The row keeps the resolved method and path (what
 * rows have always stored), so rows queued before an upgrade send the same way.
 */
export type OutboxRequest<Op extends WriteOperation> = {
  /** What the item is, for staff and logs: 'inspection', 'application', 'rating' … */
  readonly kind: string;
  readonly operation: Op;
  /** Sent as JSON, byte for byte the same on every attempt (the platform fingerprints it). */
  readonly body: JsonBodyOf<Op>;
  /**
   * Made from something the resident confirmed (an application's confirmationId), so a retried
   * confirmation can never enqueue a second request under a new key. A fresh UUID when absent.
   */
  readonly idempotencyKey?: string;
} & TargetOf<Op>;

/**
 * A request whose body the caller sealed already (a material PDF whose sealed bytes the
 * application row shares): opened by the delivery just before sending, then sent with
 * `contentType`, or as JSON text when it is null.
 */
export type OutboxBinaryRequest<Op extends WriteOperation> = {
  readonly kind: string;
  readonly operation: Op;
  readonly idempotencyKey?: string;
  /** Sealed with the kiosk's data key (DataSealer.seal). */
  readonly bytes: Uint8Array;
  readonly contentType: string | null;
  readonly sealed: true;
} & TargetOf<Op>;

/**
 * How an item's body is stored. Every body is sealed at rest (migration 0010 refuses anything
 * else); `json` is a row written before that and not yet sealed by the start-up upgrade
 * (core/outbox/sealed-at-rest.ts). A sent row keeps empty bytes: the platform has them.
 */
export type OutboxBody =
  | { readonly kind: 'json' }
  | { readonly kind: 'bytes'; readonly bytes: Buffer; readonly contentType: string | null; readonly sealed: boolean };

export interface OutboxItem {
  readonly id: number;
  readonly kind: string;
  readonly idempotencyKey: string;
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  /** JSON text exactly as stored; 'null' when the body is stored as bytes (`stored`). */
  readonly body: string;
  readonly stored: OutboxBody;
  readonly createdAt: string;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastError: string | null;
  readonly state: OutboxState;
  readonly sentAt: string | null;
  /** The platform's 2xx answer, parsed; null until sent. */
  readonly response: unknown;
}

export interface OutboxSummary {
  readonly pending: number;
  readonly deadLetters: number;
  readonly oldestPendingAt: string | null;
}

interface OutboxRow {
  id: number;
  kind: string;
  idempotency_key: string;
  method: 'POST' | 'PUT';
  path: string;
  body: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  state: OutboxState;
  sent_at: string | null;
  response: string | null;
  body_blob: Buffer | null;
  content_type: string | null;
  sealed: number;
}

function fromRow(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    kind: row.kind,
    idempotencyKey: row.idempotency_key,
    method: row.method,
    path: row.path,
    body: row.body,
    stored:
      row.body_blob === null
        ? { kind: 'json' }
        : { kind: 'bytes', bytes: row.body_blob, contentType: row.content_type, sealed: row.sealed === 1 },
    createdAt: row.created_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    state: row.state,
    sentAt: row.sent_at,
    response: row.response === null ? null : (JSON.parse(row.response) as unknown),
  };
}

/**
 * Adds a request to the outbox, due now, its JSON body sealed with the data key (bodies carry
 * names, phones and addresses). The Idempotency-Key is made here, once, when the resident or
 * technician confirmed (docs/reliability.md §2.2 promise 1), and never regenerated. Call it inside the
 * transaction that writes the business row; delivery starts on `kick()`.
 */
export function enqueue<Op extends WriteOperation>(
  db: Database.Database,
  sealer: DataSealer,
  request: OutboxRequest<Op>,
  now: Date = new Date(),
): { id: number; idempotencyKey: string } {
  const { body, ...rest } = request;
  // The exact text the delivery sends.
  return insertRow(db, rest as RowTarget, sealer.seal(Buffer.from(JSON.stringify(body), 'utf8')), null, now);
}

/** Like `enqueue`, for bytes the caller sealed itself; same transaction rules. */
export function enqueueBinary<Op extends WriteOperation>(
  db: Database.Database,
  request: OutboxBinaryRequest<Op>,
  now: Date = new Date(),
): { id: number; idempotencyKey: string } {
  return insertRow(db, request as RowTarget, request.bytes, request.contentType, now);
}

/** What a row is sent to, once the typed request has been checked against its operation. */
interface RowTarget {
  readonly kind: string;
  readonly operation: WriteOperation;
  readonly params?: object;
  readonly idempotencyKey?: string;
}

function insertRow(
  db: Database.Database,
  request: RowTarget,
  sealedBytes: Uint8Array,
  contentType: string | null,
  now: Date,
): { id: number; idempotencyKey: string } {
  const { method, path } = resolveTarget(request.operation, request);
  const idempotencyKey = request.idempotencyKey ?? randomUUID();
  const at = now.toISOString();
  const info = db
    .prepare(
      `INSERT INTO outbox (kind, idempotency_key, method, path, body, body_blob, content_type, sealed, created_at,
         next_attempt_at)
       VALUES (?, ?, ?, ?, 'null', ?, ?, ?, ?, ?)`,
    )
    .run(
      request.kind,
      idempotencyKey,
      method,
      path,
      Buffer.from(sealedBytes.buffer, sealedBytes.byteOffset, sealedBytes.byteLength),
      contentType,
      1,
      at,
      at,
    );
  return { id: Number(info.lastInsertRowid), idempotencyKey };
}

export function getOutboxItem(db: Database.Database, id: number): OutboxItem | null {
  const row = db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow | undefined;
  return row ? fromRow(row) : null;
}

/** The item delivery works on: the oldest pending one (the queue drains in order). */
export function oldestPending(db: Database.Database): OutboxItem | null {
  const row = db.prepare(`SELECT * FROM outbox WHERE state = 'pending' ORDER BY id LIMIT 1`).get() as
    OutboxRow | undefined;
  return row ? fromRow(row) : null;
}

/** Bytes the platform now holds are dropped from the outbox (an item once sent is never sent again). */
export function markSent(db: Database.Database, id: number, response: unknown, now: Date): void {
  db.prepare(
    `UPDATE outbox SET state = 'sent', sent_at = ?, response = ?, attempts = attempts + 1,
       next_attempt_at = NULL, last_error = NULL, body_blob = CASE WHEN body_blob IS NULL THEN NULL ELSE x'' END
     WHERE id = ? AND state = 'pending'`,
  ).run(now.toISOString(), JSON.stringify(response ?? null), id);
}

/**
 * What is kept of a failure, shown to staff: a platform's refusal may quote the values it
 * refused, so ID and phone numbers are cut out (core/logging/redact.ts) before it is stored.
 */
const storedError = (error: string) => redactText(error).slice(0, 500);

/** A failed attempt and when to try again: bookkeeping (a lost record costs one earlier retry). */
export function markRetry(db: Database.Database, id: number, error: string, nextAttemptAt: Date): void {
  bookkeepingWrite(db, () =>
    db
      .prepare(
        `UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?
     WHERE id = ? AND state = 'pending'`,
      )
      .run(storedError(error), nextAttemptAt.toISOString(), id),
  );
}

export function markDeadLetter(db: Database.Database, id: number, error: string): void {
  db.prepare(
    `UPDATE outbox SET state = 'deadLetter', attempts = attempts + 1, last_error = ?, next_attempt_at = NULL
     WHERE id = ? AND state = 'pending'`,
  ).run(storedError(error), id);
}

/** Staff asked to try again: dead letters go back to pending and everything pending is due now. */
export function makeAllDue(db: Database.Database, now: Date): { revived: number } {
  return db.transaction(() => {
    const at = now.toISOString();
    const revived = db
      .prepare(`UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE state = 'deadLetter'`)
      .run(at).changes;
    db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?`).run(at, at);
    return { revived };
  })();
}

/** Pending items waiting for a later attempt become due now (kick: "try now"; bookkeeping, see bookkeepingWrite). */
export function makePendingDue(db: Database.Database, now: Date): void {
  const at = now.toISOString();
  bookkeepingWrite(db, () =>
    db.prepare(`UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?`).run(at, at),
  );
}

export function outboxSummary(db: Database.Database): OutboxSummary {
  const row = db
    .prepare(
      `SELECT
         coalesce(sum(state = 'pending'), 0) AS pending,
         coalesce(sum(state = 'deadLetter'), 0) AS deadLetters,
         min(CASE WHEN state = 'pending' THEN created_at END) AS oldestPendingAt
       FROM outbox WHERE state != 'sent'`,
    )
    .get() as { pending: number; deadLetters: number; oldestPendingAt: string | null };
  return { pending: row.pending, deadLetters: row.deadLetters, oldestPendingAt: row.oldestPendingAt };
}

/**
 * What staff see: dead letters first (they wait for staff and are never purged, so none may
 * fall below the limit), then pending items (oldest first), then the most recently sent ones.
 * Bodies are listed without their bytes (empty `bytes`): a listing must not load every scan.
 */
export function listOutbox(db: Database.Database, limit: number): OutboxItem[] {
  const rows = db
    .prepare(
      `SELECT id, kind, idempotency_key, method, path, body, created_at, attempts, next_attempt_at, last_error, state,
         sent_at, response, CASE WHEN body_blob IS NULL THEN NULL ELSE x'' END AS body_blob, content_type, sealed
       FROM outbox
       ORDER BY CASE state WHEN 'deadLetter' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END,
                CASE state WHEN 'sent' THEN -id ELSE id END
       LIMIT ?`,
    )
    .all(limit) as OutboxRow[];
  return rows.map(fromRow);
}
