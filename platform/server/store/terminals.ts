import { createHash, timingSafeEqual } from 'node:crypto';
import type { SqlQueries } from '../db/sql';
import { err, ok, type Result } from '../../../core/pure/result';

/**
 * Terminals and their bearer tokens. Only sha256(token) is stored: a copy of the database does
 * not hand out working credentials. Tokens are random and long, so a plain hash (no salt) is
 * enough to look them up without keeping them.
 */

export interface TerminalRegistration {
  readonly id: string;
  readonly token: string;
  readonly stationId: string;
}

export interface TerminalIdentity {
  readonly terminalId: string;
  readonly stationId: string;
}

export type RegisterError =
  | { readonly kind: 'invalidToken'; readonly terminalId: string }
  | { readonly kind: 'invalidId'; readonly terminalId: string }
  | { readonly kind: 'tokenInUse'; readonly terminalId: string };

/** RFC 6750 token68 characters, at least 16 of them. */
const TOKEN_PATTERN = /^[A-Za-z0-9._~+/-]{16,512}=*$/;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two secrets in constant time (for the admin token, which is not in the database). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(Buffer.from(tokenHash(given), 'hex'), Buffer.from(tokenHash(expected), 'hex'));
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** Adds or updates a terminal; registering the same terminal again replaces its token and station. */
export async function registerTerminal(
  db: SqlQueries,
  registration: TerminalRegistration,
  now: Date,
): Promise<Result<void, RegisterError>> {
  const { id, token, stationId } = registration;
  if (!ID_PATTERN.test(id) || !ID_PATTERN.test(stationId)) return err({ kind: 'invalidId', terminalId: id });
  if (!isWellFormedToken(token)) return err({ kind: 'invalidToken', terminalId: id });
  const hash = tokenHash(token);
  const holder = await db.get<{ terminal_id: string }>('SELECT terminal_id FROM terminals WHERE token_sha256 = ?', [
    hash,
  ]);
  if (holder !== undefined && holder.terminal_id !== id) return err({ kind: 'tokenInUse', terminalId: id });
  const at = now.toISOString();
  await db.run(
    `INSERT INTO terminals (terminal_id, station_id, token_sha256, registered_at, updated_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (terminal_id) DO UPDATE SET
       station_id = excluded.station_id, token_sha256 = excluded.token_sha256, updated_at = excluded.updated_at`,
    [id, stationId, hash, at, at],
  );
  return ok(undefined);
}

export function describeRegisterError(error: RegisterError): string {
  switch (error.kind) {
    case 'invalidId':
      return `terminal ${error.terminalId}: ids are letters, digits, ".", "_" and "-" (at most 64)`;
    case 'invalidToken':
      return `terminal ${error.terminalId}: a token is at least 16 token68 characters (A-Z a-z 0-9 - . _ ~ + /)`;
    case 'tokenInUse':
      return `terminal ${error.terminalId}: that token already belongs to another terminal`;
  }
}

/** The token's terminal and whether it was revoked, in one statement (it runs before every request). */
export function findTerminalForToken(
  db: SqlQueries,
  token: string,
): Promise<(TerminalIdentity & { readonly revoked: number }) | undefined> {
  return db.get<TerminalIdentity & { revoked: number }>(
    `SELECT t.terminal_id AS "terminalId", t.station_id AS "stationId",
       CASE WHEN r.terminal_id IS NULL THEN 0 ELSE 1 END AS revoked
     FROM terminals t LEFT JOIN terminal_revocations r ON r.terminal_id = t.terminal_id
     WHERE t.token_sha256 = ?`,
    [tokenHash(token)],
  );
}

export async function markTerminalSeen(db: SqlQueries, terminalId: string, at: Date): Promise<void> {
  await db.run('UPDATE terminals SET last_seen_at = ? WHERE terminal_id = ?', [at.toISOString(), terminalId]);
}
