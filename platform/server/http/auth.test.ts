import { afterEach, describe, expect, it } from 'vitest';
import { heartbeatBody, inspectionBody } from '../testing/bodies';
import {
  ADMIN_TOKEN,
  createTestPlatform,
  createTwinPlatforms,
  KIOSK_1,
  KIOSK_2,
  type TestPlatform,
  type TwinPlatforms,
} from '../testing/harness';

let platform: TestPlatform | TwinPlatforms;
afterEach(() => platform.close());

describe('terminal authentication', () => {
  it('answers 401 problem+json with WWW-Authenticate when no token is sent', async () => {
    platform = await createTestPlatform();
    const response = await platform.request('GET', '/api/v1/catalog/version', { token: null });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(response.json()).toMatchObject({ code: 'unauthorized', status: 401 });
  });

  it('answers 401 for a token no terminal holds, and for a malformed Authorization header', async () => {
    platform = await createTestPlatform();
    const wrong = await platform.request('GET', '/api/v1/catalog/version', { token: 'token-of-nobody-xxxxxxxx' });
    expect(wrong.status).toBe(401);
    const basic = await platform.request('GET', '/api/v1/catalog/version', {
      token: null,
      headers: { authorization: `Basic ${KIOSK_1.token}` },
    });
    expect(basic.status).toBe(401);
  });

  it('lets a registered terminal in', async () => {
    platform = await createTestPlatform();
    expect((await platform.request('GET', '/api/v1/catalog/version')).status).toBe(200);
    expect((await platform.request('GET', '/api/v1/catalog/version', { token: KIOSK_2.token })).status).toBe(200);
  });

  it("answers 403 when a terminal reports under another terminal's id", async () => {
    platform = await createTestPlatform();
    const response = await platform.request('POST', `/api/v1/terminals/${KIOSK_2.id}/heartbeats`, {
      body: heartbeatBody(),
    });
    expect(response.status).toBe(403);
    expect(response.json()).toMatchObject({ code: 'forbidden' });
    const other = await platform.request('POST', `/api/v1/terminals/${KIOSK_2.id}/inspections`, {
      body: inspectionBody(),
    });
    expect(other.status).toBe(403);
    const own = await platform.request('POST', `/api/v1/terminals/${KIOSK_1.id}/inspections`, {
      body: inspectionBody(),
    });
    expect(own.status).toBe(201);
  });

  it("answers 403 for another station's queue", async () => {
    platform = await createTestPlatform();
    const other = await platform.request('GET', `/api/v1/stations/${KIOSK_2.stationId}/queues`);
    expect(other.status).toBe(403);
    const own = await platform.request('GET', `/api/v1/stations/${KIOSK_1.stationId}/queues`);
    expect(own.status).toBe(200);
  });

  it('checks the token before anything else: a bad token on a POST without a key is 401, not 400', async () => {
    platform = await createTestPlatform();
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
    platform = await createTestPlatform();
    expect((await platform.request('GET', '/_admin/faults', { token: null })).status).toBe(401);
    expect((await platform.request('GET', '/_admin/faults', { token: KIOSK_1.token })).status).toBe(401);
    expect((await platform.request('GET', '/_admin/faults', { token: ADMIN_TOKEN })).status).toBe(200);
  });

  it('does not accept the admin token as a terminal token', async () => {
    platform = await createTestPlatform();
    expect((await platform.request('GET', '/api/v1/catalog', { token: ADMIN_TOKEN })).status).toBe(401);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a terminal spends its budget for the minute, per terminal', async () => {
    let now = new Date('2026-03-01T10:00:10Z');
    platform = await createTestPlatform({ limits: { requestsPerMinute: 3 }, now: () => now });
    for (let i = 0; i < 3; i += 1) expect((await platform.request('GET', '/api/v1/catalog/version')).status).toBe(200);
    const limited = await platform.request('GET', '/api/v1/catalog/version');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('50');
    expect(limited.json()).toMatchObject({ code: 'rateLimited', retryAfterSeconds: 50 });
    expect((await platform.request('GET', '/api/v1/catalog/version', { token: KIOSK_2.token })).status).toBe(200);
    now = new Date('2026-03-01T10:01:00Z');
    expect((await platform.request('GET', '/api/v1/catalog/version')).status).toBe(200);
  });

  it('counts in the database: two instances behind a load balancer spend one budget', async () => {
    let now = new Date('2026-03-01T10:00:30Z');
    const twins = await createTwinPlatforms({ limits: { requestsPerMinute: 4 }, now: () => now });
    platform = twins;
    const statuses = [];
    for (const instance of [twins.a, twins.b, twins.a, twins.b, twins.a, twins.b]) {
      statuses.push((await instance.request('GET', '/api/v1/catalog/version')).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    now = new Date('2026-03-01T10:01:00Z');
    expect((await twins.b.request('GET', '/api/v1/catalog/version')).status).toBe(200);
  });

  it('refuses no more and no fewer than the budget when both instances are hit at once', async () => {
    const now = new Date('2026-03-01T10:00:30Z');
    const twins = await createTwinPlatforms({ limits: { requestsPerMinute: 15 }, now: () => now });
    platform = twins;
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? twins.a : twins.b).request('GET', '/api/v1/catalog/version')),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(15);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });

  it("limits enrolment, which has no terminal yet, per address: a terminal's budget is apart", async () => {
    const now = new Date('2026-03-01T10:00:30Z');
    const twins = await createTwinPlatforms({ limits: { requestsPerMinute: 2 }, now: () => now });
    platform = twins;
    const enrolment = '/api/v1/enrolments/ENR-0000000000000000';
    const statuses = [];
    for (const instance of [twins.a, twins.b, twins.a]) {
      statuses.push((await instance.request('GET', enrolment, { token: null })).status);
    }
    expect(statuses.slice(0, 2)).not.toContain(429);
    expect(statuses[2]).toBe(429);
    expect((await twins.b.request('GET', '/api/v1/catalog/version')).status).toBe(200);
  });
});
