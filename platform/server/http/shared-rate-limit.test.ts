import { afterEach, describe, expect, it } from 'vitest';
import type { SqlQueries } from '../db/sql';
import { ephemeralSealer } from '../sealing/sealer';
import { openTestDatabase, type TestDatabase } from '../testing/test-database';
import { takeHit } from './shared-rate-limit';

const MINUTE = 60_000;

const opened: TestDatabase[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
});
async function database(): Promise<TestDatabase> {
  const db = await openTestDatabase(ephemeralSealer());
  opened.push(db);
  return db;
}
async function windowsOf(db: SqlQueries, limiter: string): Promise<string[]> {
  const rows = await db.all<{ subject: string; window_start: string }>(
    'SELECT subject, window_start FROM rate_limit_windows WHERE limiter = ? ORDER BY window_start, subject',
    [limiter],
  );
  return rows.map((row) => `${row.window_start} ${row.subject}`);
}

describe('takeHit', () => {
  it('allows perWindow hits a window, then refuses with the seconds left in the window', async () => {
    const { db } = await database();
    const at = new Date('2026-03-02T02:00:10Z');
    const verdicts = [];
    for (let i = 0; i < 4; i += 1) verdicts.push(await takeHit(db, 'terminalRequests', 'kiosk-1', at, 3, MINUTE));
    expect(verdicts).toEqual([
      { allowed: true, hits: 1 },
      { allowed: true, hits: 2 },
      { allowed: true, hits: 3 },
      { allowed: false, hits: 4, retryAfterSeconds: 50 },
    ]);
    // The last second of the window still waits one whole second; the next window starts afresh.
    expect(await takeHit(db, 'terminalRequests', 'kiosk-1', new Date('2026-03-02T02:00:59.600Z'), 3, MINUTE)).toEqual({
      allowed: false,
      hits: 5,
      retryAfterSeconds: 1,
    });
    expect(await takeHit(db, 'terminalRequests', 'kiosk-1', new Date('2026-03-02T02:01:00Z'), 3, MINUTE)).toEqual({
      allowed: true,
      hits: 1,
    });
  });

  it('keeps one budget per limiter and subject', async () => {
    const { db } = await database();
    const at = new Date('2026-03-02T02:00:00Z');
    expect((await takeHit(db, 'terminalRequests', 'kiosk-1', at, 1, MINUTE)).allowed).toBe(true);
    expect((await takeHit(db, 'terminalRequests', 'kiosk-1', at, 1, MINUTE)).allowed).toBe(false);
    expect((await takeHit(db, 'terminalRequests', 'kiosk-2', at, 1, MINUTE)).allowed).toBe(true);
    expect((await takeHit(db, 'consoleLogins', 'kiosk-1', at, 1, MINUTE)).allowed).toBe(true);
  });

  it('deletes the windows before the previous one when a window begins, and only its own limiter', async () => {
    const { db } = await database();
    await takeHit(db, 'terminalRequests', 'kiosk-1', new Date('2026-03-02T02:00:00Z'), 5, MINUTE);
    await takeHit(db, 'terminalRequests', 'kiosk-2', new Date('2026-03-02T02:01:30Z'), 5, MINUTE);
    await takeHit(db, 'consoleLogins', '10.0.0.7', new Date('2026-03-02T02:00:00Z'), 5, MINUTE);
    await takeHit(db, 'terminalRequests', 'kiosk-2', new Date('2026-03-02T02:02:10Z'), 5, MINUTE);
    expect(await windowsOf(db, 'terminalRequests')).toEqual([
      '2026-03-02T02:01:00.000Z ',
      '2026-03-02T02:01:00.000Z kiosk-2',
      '2026-03-02T02:02:00.000Z ',
      '2026-03-02T02:02:00.000Z kiosk-2',
    ]);
    expect(await windowsOf(db, 'consoleLogins')).toEqual([
      '2026-03-02T02:00:00.000Z ',
      '2026-03-02T02:00:00.000Z 10.0.0.7',
    ]);
  });

  it('loses no hit when two instances count the same subject at once', async () => {
    const database_ = await database();
    const instances = [database_.db, await database_.openSecond()];
    const at = new Date('2026-03-02T02:00:00Z');
    const verdicts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => takeHit(instances[i % 2]!, 'terminalRequests', 'kiosk-1', at, 25, MINUTE)),
    );
    expect(verdicts.map((verdict) => verdict.hits).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(25);
  });

  it('refuses an empty subject: the pruning mark is stored under it', async () => {
    const { db } = await database();
    await expect(takeHit(db, 'terminalRequests', '', new Date(), 5, MINUTE)).rejects.toThrow(/must not be empty/);
  });
});
