import { ConsoleScope, type ConsoleRole, type ConsoleUser } from '../../contract/console/users';
import { err, ok, type Result } from '../../../core/pure/result';
import type { SqlQueries } from '../db/sql';

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

// The scope is read as text whatever type the engine's column has (JSON on PostgreSQL).
const COLUMNS = `user_id, username, display_name, role, CAST(scope AS TEXT) AS scope, password_hash, disabled,
  created_at, last_login_at, failed_logins, locked_until`;

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

export async function findUserByUsername(db: SqlQueries, username: string): Promise<StoredUser | undefined> {
  const row = await db.get<UserRow>(`SELECT ${COLUMNS} FROM console_users WHERE username = ?`, [username]);
  return row && toStored(row);
}

export async function findUserById(db: SqlQueries, userId: string): Promise<StoredUser | undefined> {
  const rowId = rowIdOf(userId);
  if (rowId === undefined) return undefined;
  const row = await db.get<UserRow>(`SELECT ${COLUMNS} FROM console_users WHERE user_id = ?`, [rowId]);
  return row && toStored(row);
}

export async function listConsoleUsers(db: SqlQueries): Promise<ConsoleUser[]> {
  const rows = await db.all<UserRow>(`SELECT ${COLUMNS} FROM console_users ORDER BY user_id`);
  return rows.map((row) => toStored(row).user);
}

export interface NewStoredUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: ConsoleRole;
  readonly scope: ConsoleScope;
  readonly passwordHash: string;
}

export async function createConsoleUser(
  db: SqlQueries,
  user: NewStoredUser,
  at: Date,
): Promise<Result<ConsoleUser, { readonly kind: 'usernameTaken' }>> {
  // The UNIQUE username decides between two admins creating the same name at once; DO NOTHING
  // rather than an error, so a caller's transaction is not aborted by it (PostgreSQL).
  const inserted = await db.get<{ user_id: number }>(
    `INSERT INTO console_users (username, display_name, role, scope, password_hash, created_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING RETURNING user_id`,
    [user.username, user.displayName, user.role, JSON.stringify(user.scope), user.passwordHash, at.toISOString()],
  );
  if (!inserted) return err({ kind: 'usernameTaken' });
  const created = await findUserById(db, userIdOf(inserted.user_id));
  if (!created) throw new Error('a console user vanished right after it was created');
  return ok(created.user);
}

export async function setUserDisabled(db: SqlQueries, userId: string, disabled: boolean): Promise<void> {
  await db.run('UPDATE console_users SET disabled = ? WHERE user_id = ?', [disabled ? 1 : 0, rowIdOf(userId) ?? -1]);
}

export async function setPasswordHash(db: SqlQueries, userId: string, passwordHash: string): Promise<void> {
  await db.run('UPDATE console_users SET password_hash = ? WHERE user_id = ?', [passwordHash, rowIdOf(userId) ?? -1]);
}

/**
 * A failed attempt; at `limit` failures the account locks until `lockUntil` and the count
 * restarts. One statement, so failures on several instances at once each count (the row lock
 * orders them) and exactly the one that reaches the limit sets the lock. True when it did.
 */
export async function recordFailedLogin(
  db: SqlQueries,
  userId: string,
  limit: number,
  lockUntil: Date,
): Promise<boolean> {
  const row = await db.get<{ failed_logins: number }>(
    `UPDATE console_users
     SET failed_logins = CASE WHEN failed_logins + 1 >= :limit THEN 0 ELSE failed_logins + 1 END,
         locked_until = CASE WHEN failed_logins + 1 >= :limit THEN :lockUntil ELSE locked_until END
     WHERE user_id = :userId RETURNING failed_logins`,
    { limit, lockUntil: lockUntil.toISOString(), userId: rowIdOf(userId) ?? -1 },
  );
  // After an increment the count is at least 1, unless this failure reached the limit and reset it.
  return row?.failed_logins === 0;
}

/**
 * A successful login, only if the account is still enabled and unlocked at `at`: the condition in
 * the UPDATE decides, so a lock set by a failure on another instance while this attempt's password
 * was being checked still refuses it. False when it was refused.
 */
export async function recordSuccessfulLogin(db: SqlQueries, userId: string, at: Date): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE console_users SET failed_logins = 0, locked_until = NULL, last_login_at = :at
     WHERE user_id = :userId AND disabled = 0 AND (locked_until IS NULL OR locked_until <= :at)`,
    { at: at.toISOString(), userId: rowIdOf(userId) ?? -1 },
  );
  return changes === 1;
}
