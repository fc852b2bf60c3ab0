import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { endpoint, ENDPOINTS } from '../../contract/endpoints';
import type { AppEnv } from '../http/types';
import { createTestPlatform } from '../testing/harness';
import { registerNotImplemented } from './not-implemented';

const platform = createTestPlatform();
afterAll(() => platform.close());

describe('endpoints not implemented yet', () => {
  it('are none: the reference platform implements the whole contract', () => {
    expect(ENDPOINTS.filter((ep) => !ep.implemented).map((ep) => ep.operationId)).toEqual([]);
  });

  it('would answer 501 problem+json for an endpoint flagged unimplemented', async () => {
    const app = new Hono<AppEnv>();
    registerNotImplemented(app, [{ ...endpoint('getCase'), implemented: false }]);
    const response = await app.request('/api/v1/cases/CASE-000001');
    expect(response.status).toBe(501);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      status: 501,
      code: 'notImplemented',
      type: 'urn:bianmin:problem:notImplemented',
    });
  });

  it('validate path and query first: an invalid query is 422, an impossible id 404', async () => {
    const noDate = await platform.request('GET', '/api/v1/service-points/aq-zwfw-centre/appointment-slots');
    expect(noDate.status).toBe(422);
    expect(noDate.json()).toMatchObject({ code: 'validationFailed', errors: [{ path: '/date' }] });
    expect((await platform.request('GET', '/api/v1/cases/no!such')).status).toBe(404);
  });

  it('still enforce the protocol first: token, own scope, Idempotency-Key', async () => {
    expect((await platform.request('POST', '/api/v1/ratings', { token: null, body: {} })).status).toBe(401);
    expect((await platform.request('GET', '/api/v1/stations/station-2/queues')).status).toBe(403);
    expect((await platform.request('POST', '/api/v1/ratings', { body: {}, idempotencyKey: null })).status).toBe(400);
  });
});
