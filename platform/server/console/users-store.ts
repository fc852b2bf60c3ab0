import type Database from 'better-sqlite3';
import { ConsoleScope, type ConsoleRole, type ConsoleUser } from '../../contract/console/users';
import { err, ok, type Result } from '../../../core/pure/result';

/** The console_users table (migration 0007): users, their password hash and their login failures. */

interface UserRow {
  user_id: number;
  username: string;
  display_name: string;
  role: ConsoleRole;
  scope: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  last_login_at: string | null;
  failed_logins: number;
  locked_until: string | null;
}

/** A user as the login needs it: the public view plus what only the platform may see. */
export interface StoredUser {
  readonly user: ConsoleUser;
  readonly passwordHash: string;
  readonly failedLogins: number;
  readonly lockedUntil: Date | null;
}

export const userIdOf = (rowId: number): string => `U-${rowId}`;

export function rowIdOf(userId: string): number | undefined {
  const match = /^U-([0-9]{1,12})$/.exec(userId);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function toStored(row: UserRow): StoredUser {
  return {
    user: {
      userId: userIdOf(row.user_id),
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      // Written only through createConsoleUser, which stored a parsed scope.
      scope: ConsoleScope.parse(JSON.parse(row.scope)),
      disabled: row.disabled === 1,
      createdAt: row.created_at,
      lastLoginAt: row.last_login_at,
    },
    passwordHash: row.password_hash,
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until === null ? null : new Date(row.locked_until),
  };
}

export function findUserByUsername(db: Database.Database, username: string): StoredUser | undefined {
  const row = db.prepare('SELECT * FROM console_users WHERE username = ?').get(username) as UserRow | undefined;
  return row && toStored(row);
}

export function findUserById(db: Database.Database, userId: string): StoredUser | undefined {
  const rowId = rowIdOf(userId);
  if (rowId === undefined) return undefined;
  const row = db.prepare('SELECT * FROM console_users WHERE user_id = ?').get(rowId) as UserRow | undefined;
  return row && toStored(row);
}

export function listConsoleUsers(db: Database.Database): ConsoleUser[] {
  const rows = db.prepare('SELECT * FROM console_users ORDER BY user_id').all() as UserRow[];
  return rows.map((row) => toStored(row).user);
}

export interface NewStoredUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: ConsoleRole;
  readonly scope: ConsoleScope;
  readonly passwordHash: string;
}

export function createConsoleUser(
  db: Database.Database,
  user: NewStoredUser,
  at: Date,
): Result<ConsoleUser, { readonly kind: 'usernameTaken' }> {
  if (findUserByUsername(db, user.username)) return err({ kind: 'usernameTaken' });
  const { lastInsertRowid } = db
    .prepare(
      'INSERT INTO console_users (username, display_name, role, scope, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(user.username, user.displayName, user.role, JSON.stringify(user.scope), user.passwordHash, at.toISOString());
  const created = findUserById(db, userIdOf(Number(lastInsertRowid)));
  if (!created) throw new Error('a console user vanished in the transaction that created it');
  return ok(created.user);
}

export function setUserDisabled(db: Database.Database, userId: string, disabled: boolean): void {
  db.prepare('UPDATE console_users SET disabled = ? WHERE user_id = ?').run(disabled ? 1 : 0, rowIdOf(userId) ?? -1);
}

export function setPasswordHash(db: Database.Database, userId: string, passwordHash: string): void {
  db.prepare('UPDATE console_users SET password_hash = ? WHERE user_id = ?').run(passwordHash, rowIdOf(userId) ?? -1);
}

/** A failed attempt; at `limit` failures the account locks until `lockUntil` and the count restarts. */
export function recordFailedLogin(db: Database.Database, userId: string, limit: number, lockUntil: Date): boolean {
  const rowId = rowIdOf(userId) ?? -1;
  const row = db
    .prepare('UPDATE console_users SET failed_logins = failed_logins + 1 WHERE user_id = ? RETURNING failed_logins')
    .get(rowId) as { failed_logins: number } | undefined;
  if (!row || row.failed_logins < limit) return false;
  db.prepare('UPDATE console_users SET failed_logins = 0, locked_until = ? WHERE user_id = ?').run(
    lockUntil.toISOString(),
    rowId,
  );
  return true;
}

export function recordSuccessfulLogin(db: Database.Database, userId: string, at: Date): void {
  db.prepare(
    'UPDATE console_users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE user_id = ?',
  ).run(at.toISOString(), rowIdOf(userId) ?? -1);
}
