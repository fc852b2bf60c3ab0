import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, createTestPlatform, KIOSK_1, KIOSK_2, type TestPlatform } from '../testing/harness';
import { heartbeatBody } from '../testing/bodies';

let platform: TestPlatform;
afterEach(() => platform.close());

describe('terminal authentication', () => {
  it('answers 401 problem+json with WWW-Authenticate when no token is sent', async () => {
    platform = createTestPlatform();
    const response = await platform.request('GET', '/api/v1/catalog/version', { token: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(response.json()).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('answers 401 for a token no terminal holds, and for a malformed Authorization header', async () => {
    platform = createTestPlatform();
    const wrong = await platform.request('GET', '/api/v1/catalog/version', { token: 'token-of-nobody-xxxxxxxx' });
    expect(wrong.status).toBe(401);
    const basic = await platform.request('GET', '/api/v1/catalog/version', {
      token: null,
      headers: { authorization: `Basic ${KIOSK_1.token}` },
    });
    expect(basic.status).toBe(401);
  });

  it('lets a registered terminal in', async () => {
    platform = createTestPlatform();
    expect((await platform.request('GET', '/api/v1/catalog/version')).status).toBe(200);
    expect((await platform.request('GET', '/api/v1/catalog/version', { token: KIOSK_2.token })).status).toBe(200);
  });

  it("answers 403 when a terminal posts a heartbeat under another terminal's id", async () => {
    platform = createTestPlatform();
    const response = await platform.request('POST', `/api/v1/terminals/${KIOSK_2.id}/heartbeats`, {
      body: heartbeatBody(),
    });
    expect(response.status).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden' });
    const own = await platform.request('POST', `/api/v1/terminals/${KIOSK_1.id}/heartbeats`, { body: heartbeatBody() });
    expect(own.status).toBe(202);
  });

  it("answers 403 for another station's queue", async () => {
    platform = createTestPlatform();
    const other = await platform.request('GET', `/api/v1/stations/${KIOSK_2.stationId}/queues`);
    expect(other.status).toBe(403);
    const own = await platform.request('GET', `/api/v1/stations/${KIOSK_1.stationId}/queues`);
    expect(own.status).toBe(200);
  });

  it('checks the token before anything else: a bad token on a POST without a key is 401, not 400', async () => {
    platform = createTestPlatform();
    const response = await platform.request('POST', `/api/v1/terminals/${KIOSK_1.id}/heartbeats`, {
      token: null,
      idempotencyKey: null,
      body: heartbeatBody(),
    });
    expect(response.status).toBe(401);
  });
});

describe('admin authentication', () => {
  it('opens /_admin only with the admin token; terminal tokens do not work there', async () => {
    platform = createTestPlatform();
    expect((await platform.request('GET', '/_admin/faults', { token: null })).status).toBe(401);
    expect((await platform.request('GET', '/_admin/faults', { token: KIOSK_1.token })).status).toBe(401);
    expect((await platform.request('GET', '/_admin/faults', { token: ADMIN_TOKEN })).status).toBe(200);
  });

  it('does not accept the admin token as a terminal token', async () => {
    platform = createTestPlatform();
    expect((await platform.request('GET', '/api/v1/catalog', { token: ADMIN_TOKEN })).status).toBe(401);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a terminal spends its budget for the minute, per terminal', async () => {
    let now = new Date('2026-03-01T10:00:10Z');
    platform = createTestPlatform({ limits: { requestsPerMinute: 3 }, now: () => now });
    for (let i = 0; i < 3; i += 1) expect((await platform.request('GET', '/api/v1/catalog/version')).status).toBe(200);
    const limited = await platform.request('GET', '/api/v1/catalog/version');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('50');
    expect(limited.json()).toMatchObject({ code: 'rateLimited', retryAfterSeconds: 50 });
    expect((await platform.request('GET', '/api/v1/catalog/version', { token: KIOSK_2.token })).status).toBe(200);
    now = new Date('2026-03-01T10:01:00Z');
    expect((await platform.request('GET', '/api/v1/catalog/version')).status).toBe(200);
  });
});
