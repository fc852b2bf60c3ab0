import { describe, expect, it } from 'vitest';
import { ENDPOINTS, type Endpoint } from '../../platform/contract/endpoints';
import { callPlatform } from './client';
import type { HttpOptions } from './http';
import { matchOperation, resolveTarget, type PlatformOperation } from './operations';

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | undefined;
}

/** A platform that answers every request with `answer` and keeps what it was sent. */
function recording(answer: () => Response): { options: HttpOptions; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    sent.push({
      url: input instanceof Request ? input.url : input.toString(),
      method: init?.method ?? 'GET',
      headers: init?.headers as Record<string, string>,
      body: init?.body as string | Uint8Array | undefined,
    });
    return Promise.resolve(answer());
  };
  return { options: { baseUrl: 'https://platform.test/api/v1', token: 'tok', timeoutMs: 1_000, fetch }, sent };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const VERSION = { version: 'v7', publishedAt: '2026-01-01T00:00:00+08:00', matterCount: 3 };

describe('callPlatform', () => {
  it('fills the path from the table, sends the token, and parses the answer with the endpoint schema', async () => {
    const platform = recording(() => json({ ...VERSION, extra: 'dropped' }));
    const answer = await callPlatform(platform.options, 'getCatalogVersion');
    expect(answer).toMatchObject({ ok: true, value: { status: 200, body: VERSION } });
    expect(platform.sent[0]).toMatchObject({
      url: 'https://platform.test/api/v1/catalog/version',
      method: 'GET',
      headers: { authorization: 'Bearer tok' },
    });
  });

  it('encodes path parameters and appends the query', async () => {
    const platform = recording(() => json({ servicePointId: 'aq-zwfw-centre', date: '2026-03-02', slots: [] }));
    const answer = await callPlatform(platform.options, 'listAppointmentSlots', {
      params: { servicePointId: 'sp/1' },
      query: { date: '2026-03-02', matterCode: undefined },
    });
    expect(answer.ok).toBe(true);
    expect(platform.sent[0]?.url).toBe(
      'https://platform.test/api/v1/service-points/sp%2F1/appointment-slots?date=2026-03-02',
    );
  });

  it('sends a JSON body with its Idempotency-Key', async () => {
    const platform = recording(() => json({ cases: [] }));
    const body = { idType: 'residentIdCard', idNumber: '11010519491231002X' } as const;
    const answer = await callPlatform(platform.options, 'searchCases', {
      body,
      idempotencyKey: 'search-0123456789abcdef',
    });
    expect(answer).toMatchObject({ ok: true, value: { body: { cases: [] } } });
    expect(platform.sent[0]).toMatchObject({
      method: 'POST',
      url: 'https://platform.test/api/v1/case-searches',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'search-0123456789abcdef' },
      body: JSON.stringify(body),
    });
  });

  it('sends a binary body as its bytes with their content type', async () => {
    const sha256 = 'a'.repeat(64);
    const receipt = { sha256, size: 3, contentType: 'application/pdf', storedAt: '2026-01-01T00:00:00.000Z' };
    const platform = recording(() => json(receipt, 201));
    const bytes = new Uint8Array([1, 2, 3]);
    const answer = await callPlatform(platform.options, 'putMaterial', {
      params: { sha256 },
      body: { bytes, contentType: 'application/pdf' },
    });
    expect(answer).toMatchObject({ ok: true, value: { status: 201, body: receipt } });
    expect(platform.sent[0]).toMatchObject({ method: 'PUT', headers: { 'content-type': 'application/pdf' } });
    expect(platform.sent[0]?.body).toBe(bytes);
  });

  it('asks with the held version and answers NotModified on 304', async () => {
    const platform = recording(() => new Response(null, { status: 304 }));
    const answer = await callPlatform(platform.options, 'getCatalog', { ifNoneMatch: 'v7' });
    expect(answer).toMatchObject({ ok: true, value: { status: 304, body: null } });
    expect(platform.sent[0]?.headers['if-none-match']).toBe('"v7"');
  });

  it('maps a Problem answer to an http error with its code', async () => {
    const platform = recording(() => json({ status: 404, code: 'caseNotFound', title: 'No such case' }, 404));
    const answer = await callPlatform(platform.options, 'getCase', { params: { caseNo: 'CASE-1' } });
    expect(answer).toEqual({
      ok: false,
      error: { kind: 'http', status: 404, code: 'caseNotFound', message: 'No such case' },
    });
  });

  it('refuses an answer off the endpoint’s schema', async () => {
    const platform = recording(() => json({ version: 'v7' }));
    const answer = await callPlatform(platform.options, 'getCatalogVersion');
    expect(answer).toMatchObject({ ok: false, error: { kind: 'invalidResponse' } });
  });

  it('types calls by the table (checked by tsc, not at run time)', () => {
    const options = recording(() => json({})).options;
    const calls = [
      // @ts-expect-error getCase needs its caseNo
      () => callPlatform(options, 'getCase'),
      // @ts-expect-error a POST needs its Idempotency-Key
      () => callPlatform(options, 'searchCases', { body: { idType: 'residentIdCard', idNumber: 'x' } }),
      // @ts-expect-error the body is the endpoint's own schema
      () => callPlatform(options, 'searchCases', { body: { caseNo: 'x' }, idempotencyKey: 'k' }),
      // @ts-expect-error admin operations are not the kiosk's
      () => callPlatform(options, 'getFaults'),
    ];
    expect(calls).toHaveLength(4);
  });
});

describe('the endpoint table as the client reads it', () => {
  const terminal: readonly Endpoint[] = ENDPOINTS.filter((ep) => ep.auth === 'terminal');

  it('gives every endpoint one response schema, so an answer parses the same whatever its 2xx', () => {
    for (const ep of terminal) {
      expect(new Set(ep.responses.map((response) => response.schema)).size, ep.operationId).toBe(1);
    }
  });

  it('finds the operation of every path it resolves (how stored outbox rows are recognised)', () => {
    for (const ep of terminal) {
      const operation = ep.operationId as PlatformOperation;
      const params = Object.fromEntries([...ep.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, 'X-1']));
      const target = resolveTarget(operation, { params, query: ep.query ? { date: '2026-01-01' } : undefined });
      expect(matchOperation(target.method, target.path), `${target.method} ${target.path}`).toBe(operation);
    }
  });

  it('matches the paths the outbox stored before it was typed, and nothing else', () => {
    expect(matchOperation('POST', '/terminals/T-01/inspections')).toBe('postInspection');
    expect(matchOperation('PUT', `/materials/${'f'.repeat(64)}`)).toBe('putMaterial');
    expect(matchOperation('POST', '/ratings')).toBe('submitRating');
    expect(matchOperation('GET', '/ratings')).toBeNull();
    expect(matchOperation('POST', '/terminals/T-01/inspections/extra')).toBeNull();
    expect(matchOperation('POST', '/nowhere')).toBeNull();
  });
});
