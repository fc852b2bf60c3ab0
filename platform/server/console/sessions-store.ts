import { createHash, randomBytes } from 'node:crypto';
import type { SqlQueries } from '../db/sql';
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

export async function createSession(
  db: SqlQueries,
  userId: string,
  policy: SessionPolicy,
  at: Date,
): Promise<{ readonly token: string; readonly session: ActiveSession }> {
  const token = newSessionToken();
  const session: ActiveSession = {
    tokenHash: sessionTokenHash(token),
    userId,
    idleExpiresAt: new Date(at.getTime() + Math.min(policy.idleMs, policy.absoluteMs)),
    absoluteExpiresAt: new Date(at.getTime() + policy.absoluteMs),
  };
  await db.run(
    `INSERT INTO console_sessions (token_hash, user_id, created_at, idle_expires_at, absolute_expires_at)
     VALUES (?, ?, ?, ?, ?)`,
    [
      session.tokenHash,
      rowIdOf(userId) ?? -1,
      at.toISOString(),
      session.idleExpiresAt.toISOString(),
      session.absoluteExpiresAt.toISOString(),
    ],
  );
  return { token, session };
}

interface SessionRow {
  user_id: number;
  idle_expires_at: string;
  absolute_expires_at: string;
}

/**
 * The live session the cookie names, its idle expiry moved on to `at + idle` (never past the
 * absolute one); an expired row is deleted on the way. Undefined for no, a malformed or an
 * ended session.
 */
export async function touchSession(
  db: SqlQueries,
  token: string | undefined,
  policy: SessionPolicy,
  at: Date,
): Promise<ActiveSession | undefined> {
  if (token === undefined || !SESSION_TOKEN.test(token)) return undefined;
  const tokenHash = sessionTokenHash(token);
  const row = await db.get<SessionRow>(
    'SELECT user_id, idle_expires_at, absolute_expires_at FROM console_sessions WHERE token_hash = ?',
    [tokenHash],
  );
  if (!row) return undefined;
  const absolute = new Date(row.absolute_expires_at);
  const now = at.toISOString();
  if (new Date(row.idle_expires_at) <= at || absolute <= at) {
    await db.run('DELETE FROM console_sessions WHERE token_hash = ?', [tokenHash]);
    return undefined;
  }
  const idle = new Date(Math.min(at.getTime() + policy.idleMs, absolute.getTime()));
  // Conditional on the row still being there and alive: a logout or a disabling committed on
  // another instance since the read ends this request's session too (no row changed).
  const { changes } = await db.run(
    `UPDATE console_sessions SET idle_expires_at = ?
     WHERE token_hash = ? AND idle_expires_at > ? AND absolute_expires_at > ?`,
    [idle.toISOString(), tokenHash, now, now],
  );
  if (changes !== 1) return undefined;
  return { tokenHash, userId: userIdOf(row.user_id), idleExpiresAt: idle, absoluteExpiresAt: absolute };
}

export async function endSession(db: SqlQueries, tokenHash: string): Promise<void> {
  await db.run('DELETE FROM console_sessions WHERE token_hash = ?', [tokenHash]);
}

/** Ends every session of the user, but the one `keep` names (the one that changed the password). */
export async function endSessionsOfUser(db: SqlQueries, userId: string, keep?: string): Promise<number> {
  const { changes } = await db.run(
    `DELETE FROM console_sessions WHERE user_id = :userId AND (CAST(:keep AS TEXT) IS NULL OR token_hash <> :keep)`,
    { userId: rowIdOf(userId) ?? -1, keep: keep ?? null },
  );
  return changes;
}

/** Deletes every session past either expiry; returns how many. */
export async function pruneSessions(db: SqlQueries, at: Date): Promise<number> {
  const now = at.toISOString();
  const { changes } = await db.run(
    'DELETE FROM console_sessions WHERE idle_expires_at <= ? OR absolute_expires_at <= ?',
    [now, now],
  );
  return changes;
}
