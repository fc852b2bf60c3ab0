import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../contract/endpoints';
import { toHonoPath } from '../http/route';
import { createTestPlatform, type TestPlatform } from '../testing/harness';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.close());

describe('the reference platform', () => {
  it('has a route for every endpoint of the contract', () => {
    // Middleware is registered with method ALL; a handler with the endpoint's own method is a route.
    const served = new Set(platform.app.routes.map((route) => `${route.method} ${route.path}`));
    const missing = ENDPOINTS.filter((ep) => !served.has(`${ep.method.toUpperCase()} ${toHonoPath(ep.path)}`));
    expect(missing.map((ep) => ep.operationId)).toEqual([]);
  });

  it('validates path and query first: an invalid query is 422, an impossible id 404', async () => {
    const noDate = await platform.request('GET', '/api/v1/service-points/aq-zwfw-centre/appointment-slots');
    expect(noDate.status).toBe(422);
    expect(noDate.json()).toMatchObject({ code: 'validationFailed', errors: [{ path: '/date' }] });
    expect((await platform.request('GET', '/api/v1/cases/no!such')).status).toBe(404);
  });

  it('enforces the protocol before any route: token, own scope, Idempotency-Key', async () => {
    expect((await platform.request('POST', '/api/v1/ratings', { token: null, body: {} })).status).toBe(401);
    expect((await platform.request('GET', '/api/v1/stations/station-2/queues')).status).toBe(403);
    expect((await platform.request('POST', '/api/v1/ratings', { body: {}, idempotencyKey: null })).status).toBe(400);
  });
});
