import type { SqlQueries } from '../db/sql';
import type { EnrolmentView } from '../../contract/console/fleet-views';

/**
 * Enrolment codes and enrolments (`ENR-<n>`). A code is kept only as its sha256 (it is random and
 * long, like a token), expires, and is used by one enrolment; the kiosk's claim secret likewise
 * only as its sha256. The terminal token itself is never stored here: it is made when the kiosk
 * collects it and registered as a terminal, which keeps only its hash.
 *
 * Every step that two requests (two platform instances) could take at once is one conditional
 * write whose row count decides who took it: using the code (`used_at IS NULL`), deciding
 * (`state = 'pending'`), collecting (`state = 'approved'`) and claiming the terminal id (the
 * terminals primary key, or deleting the revocation that freed it).
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

const SELECT = `SELECT id, terminal_id AS "terminalId", station_id AS "stationId", app_version AS "appVersion",
  claim_secret_sha256 AS "claimSecretSha256", requested_at AS "requestedAt", requested_from AS "requestedFrom",
  state, decided_by AS "decidedBy", decided_at AS "decidedAt", code_sha256 AS "codeSha256" FROM enrolments`;

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

export async function storeEnrolmentCode(
  db: SqlQueries,
  code: { sha256: string; stationId: string; createdBy: string; expiresAt: string },
  now: Date,
): Promise<void> {
  await db.run(
    'INSERT INTO enrolment_codes (code_sha256, station_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    [code.sha256, code.stationId, code.createdBy, now.toISOString(), code.expiresAt],
  );
}

export interface StoredCode {
  readonly stationId: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

export function findEnrolmentCode(db: SqlQueries, sha256: string): Promise<StoredCode | undefined> {
  return db.get<StoredCode>(
    'SELECT station_id AS "stationId", expires_at AS "expiresAt", used_at AS "usedAt" FROM enrolment_codes WHERE code_sha256 = ?',
    [sha256],
  );
}

export function findEnrolmentByCode(db: SqlQueries, codeSha256: string): Promise<EnrolmentRow | undefined> {
  return db.get<EnrolmentRow>(`${SELECT} WHERE code_sha256 = ?`, [codeSha256]);
}

/**
 * Uses the code and files the enrolment, pending; undefined when the code was used meanwhile
 * (another request with it committed first). `used_at IS NULL` is the one-time guarantee: the
 * UPDATE locks the code's row and PostgreSQL re-checks the condition once the other commits.
 */
export async function createEnrolment(
  db: SqlQueries,
  request: {
    codeSha256: string;
    terminalId: string;
    stationId: string;
    appVersion: string;
    claimSecretSha256: string;
    requestedFrom: string;
  },
  now: Date,
): Promise<EnrolmentRow | undefined> {
  const at = now.toISOString();
  const used = await db.run('UPDATE enrolment_codes SET used_at = ? WHERE code_sha256 = ? AND used_at IS NULL', [
    at,
    request.codeSha256,
  ]);
  if (used.changes !== 1) return undefined;
  const row = await db.get<EnrolmentRow>(
    `INSERT INTO enrolments (code_sha256, terminal_id, station_id, app_version, claim_secret_sha256,
       requested_at, requested_from, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')
     RETURNING id, terminal_id AS "terminalId", station_id AS "stationId", app_version AS "appVersion",
       claim_secret_sha256 AS "claimSecretSha256", requested_at AS "requestedAt", requested_from AS "requestedFrom",
       state, decided_by AS "decidedBy", decided_at AS "decidedAt", code_sha256 AS "codeSha256"`,
    [
      request.codeSha256,
      request.terminalId,
      request.stationId,
      request.appVersion,
      request.claimSecretSha256,
      at,
      request.requestedFrom,
    ],
  );
  if (!row) throw new Error('INSERT … RETURNING gave no enrolment row');
  return row;
}

export async function findEnrolment(db: SqlQueries, enrolmentId: string): Promise<EnrolmentRow | undefined> {
  const number = enrolmentNumber(enrolmentId);
  if (number === undefined) return undefined;
  return db.get<EnrolmentRow>(`${SELECT} WHERE id = ?`, [number]);
}

/** Newest first. */
export function listEnrolmentRows(db: SqlQueries, limit: number): Promise<EnrolmentRow[]> {
  return db.all<EnrolmentRow>(`${SELECT} ORDER BY id DESC LIMIT ?`, [limit]);
}

/**
 * Moves the enrolment from `from` to `to`; false when it was not in `from` (someone else decided
 * or collected it first: the WHERE on the state is re-checked on the locked row).
 */
export async function moveEnrolment(
  db: SqlQueries,
  id: number,
  from: EnrolmentRowState,
  to: EnrolmentRowState,
  decided?: { by: string; at: string },
): Promise<boolean> {
  const moved = decided
    ? await db.run('UPDATE enrolments SET state = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = ?', [
        to,
        decided.by,
        decided.at,
        id,
        from,
      ])
    : await db.run('UPDATE enrolments SET state = ? WHERE id = ? AND state = ?', [to, id, from]);
  return moved.changes === 1;
}

/**
 * Gives the terminal id to the kiosk that collects its enrolment, with its new token's sha256;
 * false when the id is taken (an enrolled kiosk has it, or another collection got it first). A
 * new id is claimed by the terminals primary key (the second insert waits for the first and does
 * nothing); a revoked id by deleting its revocation, which only one transaction can do.
 */
export async function claimTerminalId(
  db: SqlQueries,
  claim: { terminalId: string; stationId: string; tokenSha256: string },
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const inserted = await db.run(
    `INSERT INTO terminals (terminal_id, station_id, token_sha256, registered_at, updated_at)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (terminal_id) DO NOTHING`,
    [claim.terminalId, claim.stationId, claim.tokenSha256, at, at],
  );
  if (inserted.changes === 1) return true;
  const freed = await db.run('DELETE FROM terminal_revocations WHERE terminal_id = ?', [claim.terminalId]);
  if (freed.changes !== 1) return false;
  await db.run('UPDATE terminals SET station_id = ?, token_sha256 = ?, updated_at = ? WHERE terminal_id = ?', [
    claim.stationId,
    claim.tokenSha256,
    at,
    claim.terminalId,
  ]);
  return true;
}
