import type Database from 'better-sqlite3';
import type { EnrolmentView } from '../../contract/console/fleet-views';

/**
 * Enrolment codes and enrolments (`ENR-<n>`). A code is kept only as its sha256 (it is random and
 * long, like a token), expires, and is used by one enrolment; the kiosk's claim secret likewise
 * only as its sha256. The terminal token itself is never stored here: it is made when the kiosk
 * collects it and registered as a terminal, which keeps only its hash.
 */

export type EnrolmentRowState = EnrolmentView['state'];

export interface EnrolmentRow {
  readonly id: number;
  readonly terminalId: string;
  readonly stationId: string;
  readonly appVersion: string;
  readonly claimSecretSha256: string;
  readonly requestedAt: string;
  readonly requestedFrom: string;
  readonly state: EnrolmentRowState;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly codeSha256: string;
}

const SELECT = `SELECT id, terminal_id AS terminalId, station_id AS stationId, app_version AS appVersion,
  claim_secret_sha256 AS claimSecretSha256, requested_at AS requestedAt, requested_from AS requestedFrom,
  state, decided_by AS decidedBy, decided_at AS decidedAt, code_sha256 AS codeSha256 FROM enrolments`;

export const enrolmentIdOf = (id: number): string => `ENR-${id}`;

export function enrolmentNumber(id: string): number | undefined {
  const match = /^ENR-([0-9]{1,15})$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

export function enrolmentView(row: EnrolmentRow): EnrolmentView {
  return {
    enrolmentId: enrolmentIdOf(row.id),
    terminalId: row.terminalId,
    stationId: row.stationId,
    requestedAt: row.requestedAt,
    requestedFrom: row.requestedFrom,
    appVersion: row.appVersion,
    state: row.state,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
  };
}

export function storeEnrolmentCode(
  db: Database.Database,
  code: { sha256: string; stationId: string; createdBy: string; expiresAt: string },
  now: Date,
): void {
  db.prepare(
    'INSERT INTO enrolment_codes (code_sha256, station_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  ).run(code.sha256, code.stationId, code.createdBy, now.toISOString(), code.expiresAt);
}

export interface StoredCode {
  readonly stationId: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

export function findEnrolmentCode(db: Database.Database, sha256: string): StoredCode | undefined {
  return db
    .prepare(
      'SELECT station_id AS stationId, expires_at AS expiresAt, used_at AS usedAt FROM enrolment_codes WHERE code_sha256 = ?',
    )
    .get(sha256) as StoredCode | undefined;
}

export function findEnrolmentByCode(db: Database.Database, codeSha256: string): EnrolmentRow | undefined {
  return db.prepare(`${SELECT} WHERE code_sha256 = ?`).get(codeSha256) as EnrolmentRow | undefined;
}

/** Uses the code and files the enrolment, pending; call in one transaction with the code check. */
export function createEnrolment(
  db: Database.Database,
  request: {
    codeSha256: string;
    terminalId: string;
    stationId: string;
    appVersion: string;
    claimSecretSha256: string;
    requestedFrom: string;
  },
  now: Date,
): EnrolmentRow {
  const at = now.toISOString();
  db.prepare('UPDATE enrolment_codes SET used_at = ? WHERE code_sha256 = ?').run(at, request.codeSha256);
  const info = db
    .prepare(
      `INSERT INTO enrolments (code_sha256, terminal_id, station_id, app_version, claim_secret_sha256,
         requested_at, requested_from, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')`,
    )
    .run(
      request.codeSha256,
      request.terminalId,
      request.stationId,
      request.appVersion,
      request.claimSecretSha256,
      at,
      request.requestedFrom,
    );
  const row = findEnrolment(db, enrolmentIdOf(Number(info.lastInsertRowid)));
  if (!row) throw new Error('an enrolment vanished inside its own transaction');
  return row;
}

export function findEnrolment(db: Database.Database, enrolmentId: string): EnrolmentRow | undefined {
  const number = enrolmentNumber(enrolmentId);
  if (number === undefined) return undefined;
  return db.prepare(`${SELECT} WHERE id = ?`).get(number) as EnrolmentRow | undefined;
}

/** Newest first. */
export function listEnrolmentRows(db: Database.Database, limit: number): EnrolmentRow[] {
  return db.prepare(`${SELECT} ORDER BY id DESC LIMIT ?`).all(limit) as EnrolmentRow[];
}

/** Moves the enrolment from `from` to `to`; false when it was not in `from` (someone else decided). */
export function moveEnrolment(
  db: Database.Database,
  id: number,
  from: EnrolmentRowState,
  to: EnrolmentRowState,
  decided?: { by: string; at: string },
): boolean {
  const sql = decided
    ? 'UPDATE enrolments SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = ?'
    : 'UPDATE enrolments SET state = ? WHERE id = ? AND state = ?';
  const args = decided ? [to, decided.by, decided.at, id, from] : [to, id, from];
  return db.prepare(sql).run(...args).changes === 1;
}
