import type { SqlQueries } from '../db/sql';

/**
 * Hits per limiter, subject and fixed window, counted in rate_limit_windows (migration 0010) so
 * that every platform instance on the database meets the same count: an attacker whose guesses a
 * load balancer spreads over two instances still gets the one allowance.
 *
 * The console's login limit per network address uses it like this (login.ts): every attempt
 * takes a hit before any password is checked, and an attempt that signs in gives its hit back.
 * So what the window counts is failed attempts plus the ones still being checked, and a burst of
 * guesses sent all at once cannot slip past the limit while the first ones are still in scrypt.
 */

/** The same shape as platform/server/http/shared-rate-limit.ts's RateLimitVerdict. */
export type HitVerdict =
  | { readonly allowed: true; readonly hits: number }
  | { readonly allowed: false; readonly hits: number; readonly retryAfterSeconds: number };

const windowStartOf = (now: Date, windowMs: number): number => Math.floor(now.getTime() / windowMs) * windowMs;

/**
 * Counts one hit of `subject` in the window `now` falls in; allowed while the window's hits are
 * at most `perWindow`. The count is one upsert whose RETURNING gives this hit's own number: on
 * PostgreSQL concurrent hits on two instances queue on the row's lock and each gets a distinct
 * number, so exactly `perWindow` of them are allowed. A window's first hit deletes the limiter's
 * older windows (nothing reads them any more).
 */
export async function takeHit(
  db: SqlQueries,
  limiter: string,
  subject: string,
  now: Date,
  perWindow: number,
  windowMs: number,
): Promise<HitVerdict> {
  const start = windowStartOf(now, windowMs);
  const windowStart = new Date(start).toISOString();
  const row = await db.get<{ hits: number }>(
    `INSERT INTO rate_limit_windows (limiter, subject, window_start, hits) VALUES (?, ?, ?, 1)
     ON CONFLICT (limiter, subject, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
     RETURNING hits`,
    [limiter, subject, windowStart],
  );
  if (typeof row?.hits !== 'number') throw new Error(`rate limit upsert for ${limiter} returned no count`);
  if (row.hits === 1)
    await db.run('DELETE FROM rate_limit_windows WHERE limiter = ? AND window_start < ?', [limiter, windowStart]);
  if (row.hits <= perWindow) return { allowed: true, hits: row.hits };
  return {
    allowed: false,
    hits: row.hits,
    retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)),
  };
}

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
