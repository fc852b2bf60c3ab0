import type Database from 'better-sqlite3';

/**
 * Wrong-PIN bookkeeping (migration 0005, one row). Kept in the store, not in memory, so wrong tries
 * cannot be reset by restarting the kiosk (vxsuite: wrong-PIN lockout, b.12).
 *
 * `failed_attempts` counts every wrong PIN since the last right one; every fifth locks entry, and
 * each lockout in a row lasts twice the one before (15, 30, 60 … minutes), up to a cap. So an
 * attacker at the screen gets five guesses per lockout, ever more slowly, while a technician who
 * mistyped loses only a quarter of an hour. The number of lockouts so far is derived from the
 * count (no schema change). A store from before escalation (which restarted the count at each
 * lockout) starts escalating from its current count.
 */

export const MAX_WRONG_PINS = 5;

export interface LockoutPolicy {
  /** The first lockout. */
  readonly firstMinutes: number;
  /** No lockout is longer than this. */
  readonly maxMinutes: number;
}

export interface LockoutState {
  /** Wrong PINs since the last correct one. */
  readonly failedAttempts: number;
  readonly lockedUntil: string | null;
}

export interface WrongPinOutcome {
  /** Wrong PINs left before the next lockout (0 when this one locked). */
  readonly attemptsLeft: number;
  /** Set when this attempt started a lockout. */
  readonly lockedUntil: string | null;
  /** How long that lockout is, and which one in a row (1 = the first). */
  readonly lockout: { readonly minutes: number; readonly number: number } | null;
}

export function readLockout(db: Database.Database): LockoutState {
  const row = db.prepare('SELECT failed_attempts, locked_until FROM technician_lockout WHERE id = 1').get() as {
    failed_attempts: number;
    locked_until: string | null;
  };
  return { failedAttempts: row.failed_attempts, lockedUntil: row.locked_until };
}

/** The length of the `number`-th lockout in a row (1-based): doubling from the first, capped. */
export function lockoutMinutes(number: number, policy: LockoutPolicy): number {
  // 2^30 minutes is far beyond any cap; stopping there keeps the arithmetic exact.
  const doubled = policy.firstMinutes * 2 ** Math.min(Math.max(number - 1, 0), 30);
  return Math.min(doubled, policy.maxMinutes);
}

/** Counts a wrong PIN; every fifth since the last right PIN locks entry, longer each time. */
export function recordWrongPin(db: Database.Database, now: Date, policy: LockoutPolicy): WrongPinOutcome {
  return db.transaction((): WrongPinOutcome => {
    const failed = readLockout(db).failedAttempts + 1;
    const locks = failed % MAX_WRONG_PINS === 0;
    const number = Math.floor(failed / MAX_WRONG_PINS);
    const minutes = locks ? lockoutMinutes(number, policy) : 0;
    const lockedUntil = locks ? new Date(now.getTime() + minutes * 60_000).toISOString() : null;
    db.prepare(
      'UPDATE technician_lockout SET failed_attempts = ?, locked_until = ?, last_attempt_at = ? WHERE id = 1',
    ).run(failed, lockedUntil, now.toISOString());
    return {
      attemptsLeft: locks ? 0 : MAX_WRONG_PINS - (failed % MAX_WRONG_PINS),
      lockedUntil,
      lockout: locks ? { minutes, number } : null,
    };
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
