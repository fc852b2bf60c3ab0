import { afterEach, describe, expect, it } from 'vitest';
import { inspectionBody } from '../testing/bodies';
import { ADMIN_TOKEN, KIOSK_1, newKey, startTestServer, type TestServer } from '../testing/harness';

/** Real HTTP: these faults act on sockets, which app.request() does not have. */

let platform: TestServer;
afterEach(async () => platform.cleanUp());

const VERSION = '/api/v1/catalog/version';
const INSPECTIONS = `/api/v1/terminals/${KIOSK_1.id}/inspections`;

async function socketError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? String(error);
  }
  throw new Error('expected the request to fail at the socket');
}

// Generous timeouts: hundreds of real requests on a 2-core CI machine. No assertion depends on speed.
describe('fault injection over real HTTP', { timeout: 30_000 }, () => {
  it('adds the configured latency', async () => {
    platform = await startTestServer();
    platform.server.faults.update({ latencyMs: 250 });
    const started = performance.now();
    const response = await platform.request('GET', VERSION);
    expect(response.status).toBe(200);
    // A lower bound only: CI machines may be slow, never faster than the injected delay.
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(platform.server.faults.state().counters.delayed).toBe(1);
  });

  it('answers about errorRate of requests with 503 + Retry-After, reproducibly for a seed', async () => {
    platform = await startTestServer();
    const run = async () => {
      platform.server.faults.update({ reset: true, seed: 42, errorRate: 0.25, retryAfterSeconds: 3 });
      const statuses: number[] = [];
      for (let i = 0; i < 200; i += 1) {
        const response = await platform.request('GET', VERSION);
        if (response.status === 503) {
          expect(response.headers.get('retry-after')).toBe('3');
          expect(response.json()).toMatchObject({ code: 'serviceUnavailable', retryAfterSeconds: 3 });
        }
        statuses.push(response.status);
      }
      return statuses;
    };
    const first = await run();
    const failed = first.filter((status) => status === 503).length;
    expect(failed).toBeGreaterThan(30);
    expect(failed).toBeLessThan(70);
    expect(first.filter((status) => status !== 503).every((status) => status === 200)).toBe(true);
    expect(platform.server.faults.state().counters.failed).toBe(failed);
    expect(await run()).toEqual(first);
  });

  it('drops every connection without an answer during an outage; the admin endpoint still answers', async () => {
    platform = await startTestServer();
    platform.server.faults.update({ outage: true });
    expect(await socketError(fetch(`${platform.server.baseUrl}/catalog/version`))).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
    const admin = await platform.request('GET', '/_admin/faults', { token: ADMIN_TOKEN });
    expect(admin.json()).toMatchObject({ settings: { outage: true }, counters: { refused: 1 } });

    await platform.request('PUT', '/_admin/faults', { token: ADMIN_TOKEN, body: { outage: false } });
    expect((await platform.request('GET', VERSION)).status).toBe(200);
  });

  it('drops the answer after the commit; a retry with the same key gets the original answer, written once', async () => {
    platform = await startTestServer();
    platform.server.faults.update({ dropAfterCommitRate: 1 });
    const key = newKey();
    const lost = platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    expect(await socketError(lost)).toMatch(/UND_ERR_SOCKET|ECONNRESET/);

    platform.server.faults.update({ dropAfterCommitRate: 0 });
    const retry = await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json<{ inspectionId: string }>().inspectionId).toMatch(/^INSP-\d{8}-0001$/);
    // Written once: the day's next report is the second (a second write would have taken 0002).
    const next = await platform.request('POST', INSPECTIONS, { body: inspectionBody(), idempotencyKey: newKey() });
    expect(next.json<{ inspectionId: string }>().inspectionId).toMatch(/^INSP-\d{8}-0002$/);
  });

  it('is set through PUT /_admin/faults, which validates the patch', async () => {
    platform = await startTestServer();
    const invalid = await platform.request('PUT', '/_admin/faults', { token: ADMIN_TOKEN, body: { errorRate: 1.5 } });
    expect(invalid.status).toBe(422);
    const set = await platform.request('PUT', '/_admin/faults', {
      token: ADMIN_TOKEN,
      body: { errorRate: 1, seed: 1 },
    });
    expect(set.json()).toMatchObject({ settings: { errorRate: 1 }, seed: 1 });
    expect((await platform.request('GET', VERSION)).status).toBe(503);
    await platform.request('PUT', '/_admin/faults', { token: ADMIN_TOKEN, body: { reset: true } });
    expect((await platform.request('GET', VERSION)).status).toBe(200);
  });
});
