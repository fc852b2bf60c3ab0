import type { SqlQueries } from '../db/sql';

/**
 * A request budget per subject in fixed windows, counted in the database (rate_limit_windows,
 * migration 0010) so that every platform instance on it spends the same budget: a kiosk stuck in
 * a retry loop, or an address guessing codes or passwords, meets one limit however a load
 * balancer spreads its requests. Coarse on purpose: it protects the platform, it is not a
 * fairness scheduler.
 *
 * `limiter` names the budget ('terminalRequests', 'consoleLogins' …) so several share the table.
 */

export type RateLimitVerdict =
  | { readonly allowed: true; readonly hits: number }
  | { readonly allowed: false; readonly hits: number; readonly retryAfterSeconds: number };

/**
 * The subject every limiter's pruning mark is stored under; no real subject is empty (takeHit
 * refuses one), so the mark never spends anybody's budget.
 */
const PRUNE_MARK = '';

/**
 * Counts one hit for `subject` in the window holding `now` and answers whether it is within
 * `perWindow`. Hits over the budget are counted too (a caller that keeps hammering stays
 * refused until the window ends). Not inside a transaction: the count must hold even when the
 * caller's own work later rolls back.
 */
export async function takeHit(
  db: SqlQueries,
  limiter: string,
  subject: string,
  now: Date,
  perWindow: number,
  windowMs: number,
): Promise<RateLimitVerdict> {
  if (subject === PRUNE_MARK) throw new Error(`rate limit ${limiter}: the subject must not be empty`);
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  // One upsert, no read before it: on PostgreSQL two instances counting the same subject at once
  // serialise on the row (the second waits for the first's insert and then adds one to it), so
  // no hit is lost; on SQLite the one writer does the same.
  const row = await db.get<{ hits: number }>(
    `INSERT INTO rate_limit_windows (limiter, subject, window_start, hits) VALUES (?, ?, ?, 1)
     ON CONFLICT (limiter, subject, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
     RETURNING hits`,
    [limiter, subject, new Date(windowStart).toISOString()],
  );
  if (typeof row?.hits !== 'number') throw new Error(`rate limit ${limiter}: the upsert returned ${String(row?.hits)}`);
  if (row.hits === 1) await pruneOnWindowChange(db, limiter, windowStart, windowMs);
  if (row.hits <= perWindow) return { allowed: true, hits: row.hits };
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now.getTime()) / 1000));
  return { allowed: false, hits: row.hits, retryAfterSeconds };
}

/**
 * Deletes the limiter's windows older than the previous one, once per window: the first subject
 * counted in a new window tries to store the window's mark, and only the one whose insert lands
 * (the primary key admits one, on any number of instances) runs the delete. So old rows go
 * within a window of ending, and never two deletes of the same rows race each other.
 */
async function pruneOnWindowChange(
  db: SqlQueries,
  limiter: string,
  windowStart: number,
  windowMs: number,
): Promise<void> {
  const marked = await db.run(
    `INSERT INTO rate_limit_windows (limiter, subject, window_start, hits) VALUES (?, ?, ?, 1)
     ON CONFLICT (limiter, subject, window_start) DO NOTHING`,
    [limiter, PRUNE_MARK, new Date(windowStart).toISOString()],
  );
  if (marked.changes === 0) return;
  await db.run('DELETE FROM rate_limit_windows WHERE limiter = ? AND window_start < ?', [
    limiter,
    new Date(windowStart - windowMs).toISOString(),
  ]);
}
