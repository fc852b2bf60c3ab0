import type Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { rowIdOf, userIdOf } from './users-store';

/**
 * Console sessions in the database (migration 0007), so several platform instances share them.
 * The cookie carries a random 256-bit id; the table keeps only its sha256, so reading the
 * database opens no session. A session ends at its idle expiry (moved on by every request) or
 * its absolute expiry, whichever comes first, at logout, or when its user is disabled.
 */

export interface SessionPolicy {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };

export interface ActiveSession {
  readonly tokenHash: string;
  readonly userId: string;
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
}

export const sessionTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A 256-bit id as 43 base64url characters. */
export const newSessionToken = (): string => randomBytes(32).toString('base64url');

const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function createSession(
  db: Database.Database,
  userId: string,
  policy: SessionPolicy,
  at: Date,
): { readonly token: string; readonly session: ActiveSession } {
  const token = newSessionToken();
  const session: ActiveSession = {
    tokenHash: sessionTokenHash(token),
    userId,
    idleExpiresAt: new Date(at.getTime() + Math.min(policy.idleMs, policy.absoluteMs)),
    absoluteExpiresAt: new Date(at.getTime() + policy.absoluteMs),
  };
  db.prepare('INSERT INTO console_sessions VALUES (?, ?, ?, ?, ?)').run(
    session.tokenHash,
    rowIdOf(userId) ?? -1,
    at.toISOString(),
    session.idleExpiresAt.toISOString(),
    session.absoluteExpiresAt.toISOString(),
  );
  return { token, session };
}

interface SessionRow {
  token_hash: string;
  user_id: number;
  idle_expires_at: string;
  absolute_expires_at: string;
}

/**
 * The live session the cookie names, its idle expiry moved on to `at + idle` (never past the
 * absolute one); an expired row is deleted on the way. Undefined for no, a malformed or an
 * ended session.
 */
export function touchSession(
  db: Database.Database,
  token: string | undefined,
  policy: SessionPolicy,
  at: Date,
): ActiveSession | undefined {
  if (token === undefined || !SESSION_TOKEN.test(token)) return undefined;
  const tokenHash = sessionTokenHash(token);
  const row = db.prepare('SELECT * FROM console_sessions WHERE token_hash = ?').get(tokenHash) as
    SessionRow | undefined;
  if (!row) return undefined;
  const absolute = new Date(row.absolute_expires_at);
  if (new Date(row.idle_expires_at) <= at || absolute <= at) {
    db.prepare('DELETE FROM console_sessions WHERE token_hash = ?').run(tokenHash);
    return undefined;
  }
  const idle = new Date(Math.min(at.getTime() + policy.idleMs, absolute.getTime()));
  db.prepare('UPDATE console_sessions SET idle_expires_at = ? WHERE token_hash = ?').run(idle.toISOString(), tokenHash);
  return { tokenHash, userId: userIdOf(row.user_id), idleExpiresAt: idle, absoluteExpiresAt: absolute };
}

export function endSession(db: Database.Database, tokenHash: string): void {
  db.prepare('DELETE FROM console_sessions WHERE token_hash = ?').run(tokenHash);
}

/** Ends every session of the user, but the one `keep` names (the one that changed the password). */
export function endSessionsOfUser(db: Database.Database, userId: string, keep?: string): number {
  return db
    .prepare('DELETE FROM console_sessions WHERE user_id = ? AND token_hash IS NOT ?')
    .run(rowIdOf(userId) ?? -1, keep ?? null).changes;
}

/** Deletes every session past either expiry; returns how many. */
export function pruneSessions(db: Database.Database, at: Date): number {
  const now = at.toISOString();
  return db.prepare('DELETE FROM console_sessions WHERE idle_expires_at <= ? OR absolute_expires_at <= ?').run(now, now)
    .changes;
}
