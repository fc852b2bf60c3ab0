import type { SqlQueries } from '../db/sql';

/**
 * The console's login limit per network address, counted in rate_limit_windows (migration 0010)
 * through the platform's shared budget (platform/server/http/shared-rate-limit.ts), so every
 * instance on the database meets the same count: an attacker whose guesses a load balancer
 * spreads over two instances still gets the one allowance.
 *
 * Every attempt takes a hit before any password is checked (takeHit), and an attempt that signs
 * in gives its hit back (returnHit). So what the window counts is failed attempts plus the ones
 * still being checked, and a burst of guesses sent all at once cannot slip past the limit while
 * the first ones are still in scrypt.
 */

/** The window a hit at `now` was counted in: the same arithmetic as takeHit's. */
const windowStartOf = (now: Date, windowMs: number): number => Math.floor(now.getTime() / windowMs) * windowMs;

/**
 * Gives back a hit taken at `now` (the same instant, so the same window). Each statement is
 * conditional on the count it changes, so a hit taken meanwhile on another instance is never
 * lost; when that race leaves both statements without a row, it tries again.
 */
export async function returnHit(
  db: SqlQueries,
  limiter: string,
  subject: string,
  now: Date,
  windowMs: number,
): Promise<void> {
  const key = [limiter, subject, new Date(windowStartOf(now, windowMs)).toISOString()];
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const lowered = await db.run(
      'UPDATE rate_limit_windows SET hits = hits - 1 WHERE limiter = ? AND subject = ? AND window_start = ? AND hits > 1',
      key,
    );
    if (lowered.changes === 1) return;
    const deleted = await db.run(
      'DELETE FROM rate_limit_windows WHERE limiter = ? AND subject = ? AND window_start = ? AND hits = 1',
      key,
    );
    if (deleted.changes === 1) return;
    const left = await db.get<{ hits: number }>(
      'SELECT hits FROM rate_limit_windows WHERE limiter = ? AND subject = ? AND window_start = ?',
      key,
    );
    // No row: the window was deleted as a newer one started; there is nothing to give back.
    if (!left) return;
  }
}
