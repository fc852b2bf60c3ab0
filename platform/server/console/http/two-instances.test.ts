import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../testing/harness';
import { createConsoleTwinPlatforms, TEST_PASSWORD, type ConsoleTwinPlatforms } from '../testing/console-platform';

/**
 * The console's sign-in on two platform instances on one database (docs/county-scale.md): the
 * limit per network address and the sessions are the database's, so a load balancer spreading
 * one browser's or one attacker's requests over both instances changes nothing. On PostgreSQL
 * the instances have their own connection pools and the requests really run at once.
 */

const twins: ConsoleTwinPlatforms[] = [];
afterEach(async () => {
  await Promise.all(twins.splice(0).map((twin) => twin.close()));
});

async function setUp() {
  const clock = manualClock('2026-03-02T09:00:00+08:00');
  const twin = await createConsoleTwinPlatforms({ now: clock.now });
  twins.push(twin);
  await twin.a.addUser('wang.li', 'technician');
  return { ...twin, clock };
}

const ATTACKER = '198.51.100.9';

// Two pools and tens of sign-ins: more than the default 5 s on PostgreSQL on a busy machine.
describe('console sign-in on two instances', { timeout: 60_000 }, () => {
  it('holds the limit per address across both: of 30 guesses at once, 20 are checked and 10 refused with 429', async () => {
    const { a, b } = await setUp();
    // Unknown usernames, so no account lockout is involved: only the address limit (20 a window).
    const guesses = Array.from({ length: 30 }, (_, index) =>
      (index % 2 === 0 ? a : b).request('POST', '/console/api/session', {
        body: { username: `guess${index}`, password: 'wrong password' },
        ip: ATTACKER,
      }),
    );
    const statuses = (await Promise.all(guesses)).map((response) => response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    // The right password from that address is refused on either instance until the window ends.
    for (const instance of [a, b]) {
      const blocked = await instance.request('POST', '/console/api/session', {
        body: { username: 'wang.li', password: TEST_PASSWORD },
        ip: ATTACKER,
      });
      expect(blocked.status).toBe(429);
    }
    const audit = await a.sql.all<{ action: string; count: number }>(
      'SELECT action, count(*) AS count FROM console_audit GROUP BY action ORDER BY action',
    );
    expect(audit).toEqual([
      { action: 'login.failed', count: 20 },
      { action: 'login.rateLimited', count: 12 },
    ]);
  });

  it('counts failures on one instance against the other, and successful sign-ins give their place back', async () => {
    const { a, b, clock } = await setUp();
    const login = (instance: typeof a, username: string, password: string) =>
      instance.request('POST', '/console/api/session', { body: { username, password }, ip: ATTACKER });
    for (let attempt = 0; attempt < 25; attempt += 1)
      expect((await login(b, 'wang.li', TEST_PASSWORD)).status, `sign-in ${attempt}`).toBe(201);
    for (let attempt = 0; attempt < 19; attempt += 1)
      expect((await login(attempt < 10 ? a : b, `guess${attempt}`, 'wrong')).status).toBe(401);
    expect((await login(a, 'wang.li', TEST_PASSWORD)).status).toBe(201);
    expect((await login(b, 'guess19', 'wrong')).status).toBe(401);
    const blocked = await login(a, 'wang.li', TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.json<{ retryAfterSeconds: number }>().retryAfterSeconds).toBe(15 * 60);
    // The next window: allowed again, on both.
    clock.set('2026-03-02T09:15:00+08:00');
    expect((await login(b, 'wang.li', TEST_PASSWORD)).status).toBe(201);
  });

  it('shares sessions: signed in on one instance, signed out on the other, refused on both', async () => {
    const { a, b } = await setUp();
    const browser = await a.signIn('wang.li');
    expect((await b.request('GET', '/console/api/session', { as: browser })).status).toBe(200);
    expect((await b.request('POST', '/console/api/session/logout', { as: browser, body: {} })).status).toBe(200);
    expect((await a.request('GET', '/console/api/session', { as: browser })).status).toBe(401);
  });

  it('locks the account once when wrong passwords arrive at both instances at once', async () => {
    const { a, b } = await setUp();
    const wrong = Array.from({ length: 8 }, (_, index) =>
      (index % 2 === 0 ? a : b).request('POST', '/console/api/session', {
        body: { username: 'wang.li', password: `wrong guess ${index}` },
      }),
    );
    expect((await Promise.all(wrong)).map((response) => response.status)).toEqual(Array(8).fill(401));
    for (const instance of [a, b]) {
      const right = await instance.request('POST', '/console/api/session', {
        body: { username: 'wang.li', password: TEST_PASSWORD },
      });
      expect(right.status).toBe(401);
    }
    const row = await a.sql.get<{ locked_until: string | null }>(
      "SELECT locked_until FROM console_users WHERE username = 'wang.li'",
    );
    expect(row?.locked_until).toBe('2026-03-02T01:15:00.000Z');
  });
});
