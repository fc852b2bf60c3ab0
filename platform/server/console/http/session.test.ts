import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleSession } from '../../../contract/console/users';
import { manualClock } from '../../testing/harness';
import { createConsoleTestPlatform, TEST_PASSWORD, type ConsoleTestPlatform } from '../testing/console-platform';

const platforms: ConsoleTestPlatform[] = [];
afterEach(async () => {
  await Promise.all(platforms.splice(0).map((platform) => platform.close()));
});

async function setUp(options: Parameters<typeof createConsoleTestPlatform>[0] = {}) {
  const clock = manualClock('2026-03-02T09:00:00+08:00');
  const platform = await createConsoleTestPlatform({ now: clock.now, ...options });
  platforms.push(platform);
  await platform.addUser('wang.li', 'technician');
  return { platform, clock };
}

const login = (platform: ConsoleTestPlatform, username: string, password: string, ip?: string) =>
  platform.request('POST', '/console/api/session', { body: { username, password }, ip });

const auditActions = async (platform: ConsoleTestPlatform): Promise<string[]> =>
  (await platform.sql.all<{ action: string }>('SELECT action FROM console_audit ORDER BY audit_id')).map(
    (row) => row.action,
  );

const sessionCount = async (platform: ConsoleTestPlatform): Promise<number | undefined> =>
  (await platform.sql.get<{ count: number }>('SELECT count(*) AS count FROM console_sessions'))?.count;

describe('console sign-in', () => {
  it('signs in with the right password: an HttpOnly SameSite=Strict cookie on /console, the user and a CSRF token', async () => {
    const { platform } = await setUp();
    const response = await login(platform, 'wang.li', TEST_PASSWORD);
    expect(response.status).toBe(201);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^bianmin_console=[A-Za-z0-9_-]{43}; Path=\/console; HttpOnly; SameSite=Strict$/);
    const session = response.json<ConsoleSession>();
    expect(session.user).toMatchObject({
      username: 'wang.li',
      role: 'technician',
      lastLoginAt: '2026-03-02T01:00:00.000Z',
    });
    expect(session.expiresAt).toBe('2026-03-02T01:30:00.000Z');
    expect(session.csrfToken).toHaveLength(43);
    // Only the id's sha256 is stored.
    const token = /=([^;]+)/.exec(cookie)?.[1] ?? '';
    const stored = await platform.sql.all<{ token_hash: string }>('SELECT token_hash FROM console_sessions');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(token);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('marks the cookie Secure over https and when forced', async () => {
    const { platform } = await setUp({ forceSecureCookie: true });
    expect((await login(platform, 'wang.li', TEST_PASSWORD)).headers.get('set-cookie')).toMatch(/; Secure$/);
    const viaProxy = await setUp();
    const https = await viaProxy.platform.request('POST', '/console/api/session', {
      body: { username: 'wang.li', password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https', origin: 'https://localhost' },
    });
    expect(https.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('answers a wrong password and an unknown user alike, and audits both', async () => {
    const { platform } = await setUp();
    const wrong = await login(platform, 'wang.li', 'not the password');
    const unknown = await login(platform, 'nobody.here', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.text).toBe(wrong.text);
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const rows = await platform.sql.all(
      'SELECT action, target, outcome, detail, ip FROM console_audit ORDER BY audit_id',
    );
    expect(rows).toEqual([
      { action: 'login.failed', target: 'wang.li', outcome: 'denied', detail: 'wrong password', ip: '203.0.113.7' },
      {
        action: 'login.failed',
        target: 'nobody.here',
        outcome: 'denied',
        detail: 'unknown username',
        ip: '203.0.113.7',
      },
    ]);
  });

  it('locks the account for 15 minutes after 5 failures, even against the right password, then lets it in', async () => {
    const { platform, clock } = await setUp();
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect((await login(platform, 'wang.li', `wrong guess ${attempt}`)).status).toBe(401);
    const locked = await login(platform, 'wang.li', TEST_PASSWORD);
    expect(locked.status).toBe(401);
    expect(locked.text).toBe((await login(platform, 'nobody.here', 'x')).text);
    expect((await auditActions(platform)).filter((action) => action === 'login.locked')).toHaveLength(2);
    clock.set('2026-03-02T09:14:59+08:00');
    expect((await login(platform, 'wang.li', TEST_PASSWORD)).status).toBe(401);
    clock.set('2026-03-02T09:15:01+08:00');
    expect((await login(platform, 'wang.li', TEST_PASSWORD)).status).toBe(201);
  });

  it('refuses an address with 20 recent failures before looking at the password, with 429', async () => {
    const { platform, clock } = await setUp();
    for (let attempt = 0; attempt < 20; attempt += 1)
      await login(platform, `guess${attempt}`, 'wrong password', '198.51.100.9');
    const blocked = await login(platform, 'wang.li', TEST_PASSWORD, '198.51.100.9');
    expect(blocked.status).toBe(429);
    expect((await auditActions(platform)).at(-1)).toBe('login.rateLimited');
    // Another address is not affected; the window slides on.
    expect((await login(platform, 'wang.li', TEST_PASSWORD, '198.51.100.10')).status).toBe(201);
    clock.set('2026-03-02T09:16:00+08:00');
    expect((await login(platform, 'wang.li', TEST_PASSWORD, '198.51.100.9')).status).toBe(201);
  });

  it('refuses a disabled user with the same answer', async () => {
    const { platform } = await setUp();
    await platform.sql.run("UPDATE console_users SET disabled = 1 WHERE username = 'wang.li'");
    const refused = await login(platform, 'wang.li', TEST_PASSWORD);
    expect(refused.status).toBe(401);
    expect(refused.text).toBe((await login(platform, 'nobody.here', 'x')).text);
  });
});

describe('console sessions', () => {
  it('ends after 30 idle minutes; each request moves the idle expiry on', async () => {
    const { platform, clock } = await setUp();
    const browser = await platform.signIn('wang.li');
    clock.set('2026-03-02T09:29:00+08:00');
    const seen = await platform.request('GET', '/console/api/session', { as: browser });
    expect(seen.status).toBe(200);
    expect(seen.json<ConsoleSession>().expiresAt).toBe('2026-03-02T01:59:00.000Z');
    clock.set('2026-03-02T09:58:59+08:00');
    expect((await platform.request('GET', '/console/api/session', { as: browser })).status).toBe(200);
    clock.set('2026-03-02T10:29:00+08:00');
    const ended = await platform.request('GET', '/console/api/session', { as: browser });
    expect(ended.status).toBe(401);
    expect(ended.headers.get('content-type')).toBe('application/problem+json');
    expect(await sessionCount(platform)).toBe(0);
  });

  it('ends 12 hours after sign-in however busy it is', async () => {
    const { platform, clock } = await setUp();
    const browser = await platform.signIn('wang.li');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock.set(new Date(Date.parse('2026-03-02T09:00:00+08:00') + minutes * 60_000).toISOString());
      expect((await platform.request('GET', '/console/api/session', { as: browser })).status).toBe(200);
    }
    clock.set('2026-03-02T21:00:00+08:00');
    expect((await platform.request('GET', '/console/api/session', { as: browser })).status).toBe(401);
  });

  it('signs out: the cookie is cleared and the session no longer opens anything', async () => {
    const { platform } = await setUp();
    const browser = await platform.signIn('wang.li');
    const out = await platform.request('POST', '/console/api/session/logout', { as: browser, body: {} });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toBe('bianmin_console=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0');
    expect((await platform.request('GET', '/console/api/session', { as: browser })).status).toBe(401);
    expect(await auditActions(platform)).toEqual(['login.succeeded', 'logout']);
  });

  it('ends every session of a user a county admin disables, and refuses them afterwards', async () => {
    const { platform } = await setUp();
    await platform.addUser('zhao.admin', 'countyAdmin');
    const technician = await platform.signIn('wang.li');
    const county = await platform.signIn('zhao.admin');
    const userId = technician.session.user.userId;
    const disabled = await platform.request('POST', `/console/api/users/${userId}/disabled`, {
      as: county,
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.json()).toMatchObject({ username: 'wang.li', disabled: true });
    expect((await platform.request('GET', '/console/api/session', { as: technician })).status).toBe(401);
    expect((await login(platform, 'wang.li', TEST_PASSWORD)).status).toBe(401);
    expect(await auditActions(platform)).toContain('user.disabled');
  });

  it('changes a password with the current one, keeping this session and ending the others', async () => {
    const { platform } = await setUp();
    const here = await platform.signIn('wang.li');
    const elsewhere = await platform.signIn('wang.li');
    const wrong = await platform.request('POST', '/console/api/session/password', {
      as: here,
      body: { current: 'not it at all', next: 'a new strong password' },
    });
    expect(wrong.status).toBe(403);
    const weak = await platform.request('POST', '/console/api/session/password', {
      as: here,
      body: { current: TEST_PASSWORD, next: 'password123' },
    });
    expect(weak.status).toBe(422);
    const changed = await platform.request('POST', '/console/api/session/password', {
      as: here,
      body: { current: TEST_PASSWORD, next: 'a new strong password' },
    });
    expect(changed.status).toBe(200);
    expect((await platform.request('GET', '/console/api/session', { as: here })).status).toBe(200);
    expect((await platform.request('GET', '/console/api/session', { as: elsewhere })).status).toBe(401);
    expect((await login(platform, 'wang.li', 'a new strong password')).status).toBe(201);
  });

  it('prunes expired sessions when someone signs in', async () => {
    const { platform, clock } = await setUp();
    await platform.signIn('wang.li');
    await platform.signIn('wang.li');
    clock.set('2026-03-02T11:00:00+08:00');
    await platform.signIn('wang.li');
    expect(await sessionCount(platform)).toBe(1);
  });

  it('sends the console security headers, and never caches the API', async () => {
    const { platform } = await setUp();
    const response = await platform.request('GET', '/console/api/session');
    expect(response.status).toBe(401);
    expect(
      Object.fromEntries(
        ['cache-control', 'x-content-type-options', 'referrer-policy', 'content-security-policy'].map((name) => [
          name,
          response.headers.get(name),
        ]),
      ),
    ).toEqual({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    });
  });
});

describe('console sign-in under a burst', () => {
  it('counts failures sent all at once: five parallel wrong passwords lock the account', async () => {
    const { platform } = await setUp();
    const wrong = Array.from({ length: 5 }, (_, index) => login(platform, 'wang.li', `wrong guess ${index}`));
    const answers = await Promise.all(wrong);
    const right = await login(platform, 'wang.li', TEST_PASSWORD);
    expect([...answers, right].map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 401]);
  });
});
