import type Database from 'better-sqlite3';

/**
 * Wrong-PIN bookkeeping (migration 0005, one row). Kept in the store, not in memory, so five
 * wrong tries cannot be reset by restarting the kiosk (vxsuite: wrong-PIN lockout, b.12).
 */

export const MAX_WRONG_PINS = 5;

export interface LockoutState {
  /** Wrong PINs since the last correct one or the last lockout. */
  readonly failedAttempts: number;
  readonly lockedUntil: string | null;
}

export function readLockout(db: Database.Database): LockoutState {
  const row = db.prepare('SELECT failed_attempts, locked_until FROM technician_lockout WHERE id = 1').get() as {
    failed_attempts: number;
    locked_until: string | null;
  };
  return { failedAttempts: row.failed_attempts, lockedUntil: row.locked_until };
}

/**
 * Counts a wrong PIN; the fifth locks entry until `now + lockoutMinutes` and starts a fresh count
 * for after the lockout. Returns the state after this attempt.
 */
export function recordWrongPin(db: Database.Database, now: Date, lockoutMinutes: number): LockoutState {
  return db.transaction(() => {
    const failed = readLockout(db).failedAttempts + 1;
    const locks = failed >= MAX_WRONG_PINS;
    const lockedUntil = locks ? new Date(now.getTime() + lockoutMinutes * 60_000).toISOString() : null;
    db.prepare(
      'UPDATE technician_lockout SET failed_attempts = ?, locked_until = ?, last_attempt_at = ? WHERE id = 1',
    ).run(locks ? 0 : failed, lockedUntil, now.toISOString());
    return { failedAttempts: locks ? MAX_WRONG_PINS : failed, lockedUntil };
  })();
}

export function recordRightPin(db: Database.Database, now: Date): void {
  db.prepare(
    'UPDATE technician_lockout SET failed_attempts = 0, locked_until = NULL, last_attempt_at = ? WHERE id = 1',
  ).run(now.toISOString());
}

/** The end of a lockout still running at `now`, or null. */
export function activeLockout(state: LockoutState, now: Date): string | null {
  return state.lockedUntil !== null && Date.parse(state.lockedUntil) > now.getTime() ? state.lockedUntil : null;
}
