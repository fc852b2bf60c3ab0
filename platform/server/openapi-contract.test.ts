import { CONSOLE_API_BASE_PATH, CONSOLE_ENDPOINTS } from '../contract/console/endpoints';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../contract/endpoints';
import { renderOpenApiYaml } from '../contract/write-openapi';
import { toOpenApiPath } from './http/route';
import { createTestPlatform } from './testing/harness';
import { loadConformanceChecker, OPENAPI_YAML_PATH } from './testing/openapi-conformance';

type Operation = {
  parameters?: Array<{ $ref?: string; name?: string; in?: string }>;
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }>;
  security?: unknown;
};

const committed = readFileSync(OPENAPI_YAML_PATH, 'utf8');
const doc = parse(committed) as {
  security: unknown;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
);

describe('platform/openapi.yaml', () => {
  it('is exactly what platform/contract/openapi.ts generates (run `npm run gen:openapi`)', () => {
    expect(committed).toBe(renderOpenApiYaml());
  });

  it('documents exactly the routes the server registers', async () => {
    const platform = await createTestPlatform();
    const all = platform.app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method} ${toOpenApiPath(route.path)}`);
    // The county console is the reference platform's own human side, not the contract provincial
    // platforms implement: its API has its own table (CONSOLE_ENDPOINTS), checked here too.
    const isConsole = (route: string) => / \/console(\/|$)/.test(route);
    // So are the station TVs' call displays (platform/contract/call-display.ts): read by the
    // reference platform's own page, listed exactly below.
    const isCallDisplay = (route: string) => / \/(call-)?display\//.test(route);
    const registered = all.filter((route) => !isConsole(route) && !isCallDisplay(route));
    const documented = operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(new Set(all).size).toBe(all.length);
    expect([...registered].sort()).toEqual([...documented].sort());
    const consoleApi = CONSOLE_ENDPOINTS.map(
      ({ method, path }) => `${method.toUpperCase()} ${CONSOLE_API_BASE_PATH}${path}`,
    );
    expect(all.filter((route) => route.includes(` ${CONSOLE_API_BASE_PATH}/`)).sort()).toEqual([...consoleApi].sort());
    expect(
      all
        .filter(isConsole)
        .filter((route) => !route.includes(` ${CONSOLE_API_BASE_PATH}/`))
        .sort(),
    ).toEqual(['GET /console', 'GET /console/*']);
    expect(all.filter(isCallDisplay).sort()).toEqual([
      'GET /call-display/v1/chime.wav',
      'GET /call-display/v1/stations/{stationId}/announcements/{file}',
      'GET /call-display/v1/stations/{stationId}/calls',
      'GET /call-display/v1/stations/{stationId}/stream',
      // Without a built page (this test platform) /display answers "served by npm run platform".
      'GET /display/*',
    ]);
    await platform.close();
  });

  it('has 35 operations, and the fixed kiosk paths are among them', () => {
    expect(operations).toHaveLength(ENDPOINTS.length);
    expect(ENDPOINTS).toHaveLength(35);
    const names = operations.map(({ method, path }) => `${method} ${path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'get /api/v1/catalog/version',
        'get /api/v1/catalog',
        'get /api/v1/calendar',
        'post /api/v1/terminals/{terminalId}/heartbeats',
      ]),
    );
  });

  it('requires an Idempotency-Key on every POST and documents 400, 409 and 422 for it', () => {
    const posts = operations.filter(({ method }) => method === 'post');
    expect(posts.length).toBeGreaterThan(10);
    for (const { path, operation } of posts) {
      const refs = (operation.parameters ?? []).map((parameter) => parameter.$ref);
      expect(refs, path).toContain('#/components/parameters/IdempotencyKey');
      expect(Object.keys(operation.responses), path).toEqual(expect.arrayContaining(['400', '409', '422']));
    }
    expect(
      operations
        .filter(({ method }) => method !== 'post')
        .some(({ operation }) =>
          (operation.parameters ?? []).some((parameter) => parameter.$ref?.endsWith('IdempotencyKey')),
        ),
    ).toBe(false);
  });

  it('puts everything under /api/v1 behind the terminal bearer token and /_admin behind the admin token', () => {
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    for (const { path, operation } of operations) {
      if (path.startsWith('/_admin/')) expect(operation.security, path).toEqual([{ adminBearerAuth: [] }]);
      else {
        expect(path.startsWith('/api/v1/'), path).toBe(true);
        expect(operation.security, path).toBeUndefined();
      }
      expect(Object.keys(operation.responses), path).toEqual(expect.arrayContaining(['401', '500']));
    }
  });

  it('documents 503 with Retry-After and 429 on every terminal operation, and no 501: every endpoint is implemented', () => {
    for (const ep of ENDPOINTS.filter((entry) => entry.auth === 'terminal')) {
      const operation = doc.paths[ep.path]?.[ep.method];
      expect(operation, ep.operationId).toBeDefined();
      const responses = operation?.responses ?? {};
      expect(Object.keys(responses['503']?.headers ?? {}), ep.operationId).toContain('Retry-After');
      expect(Object.keys(responses['429']?.headers ?? {}), ep.operationId).toContain('Retry-After');
      expect('501' in responses, ep.operationId).toBe(false);
    }
  });

  it('keeps identity numbers out of every URL', () => {
    for (const { path, operation } of operations) {
      expect(path).not.toMatch(/id(Card)?Number/i);
      for (const parameter of operation.parameters ?? []) expect(parameter.name ?? '').not.toMatch(/idNumber/i);
    }
  });

  it('compiles every component schema with ajv in strict mode', () => {
    expect(Object.keys(doc.components.schemas).length).toBeGreaterThan(50);
    expect(() => loadConformanceChecker().compileAll()).not.toThrow();
  });
});

describe('the conformance checker', () => {
  const checker = loadConformanceChecker();
  const json = (value: unknown) => JSON.stringify(value);
  const headers = (type: string, extra: Record<string, string> = {}) => new Headers({ 'content-type': type, ...extra });
  const version = { version: 'v1', publishedAt: '2026-01-01T00:00:00+08:00', matterCount: 3 };

  it('accepts a conforming response', () => {
    const response = {
      method: 'GET',
      path: '/api/v1/catalog/version',
      status: 200,
      headers: headers('application/json'),
      body: json(version),
    };
    expect(checker.check(response)).toEqual([]);
  });

  it('rejects a wrong body, an extra field, an undocumented status, a wrong content type and a missing header', () => {
    const base = { method: 'GET', path: '/api/v1/catalog/version', headers: headers('application/json') };
    expect(checker.check({ ...base, status: 200, body: json({ ...version, matterCount: -1 }) })).toHaveLength(1);
    expect(checker.check({ ...base, status: 200, body: json({ ...version, extra: true }) })).toHaveLength(1);
    expect(checker.check({ ...base, status: 418, body: '' })[0]).toMatch(/not documented/);
    expect(checker.check({ ...base, status: 200, headers: headers('text/plain'), body: 'x' })[0]).toMatch(
      /content-type/,
    );
    expect(
      checker.check({ method: 'GET', path: '/api/v1/catalog', status: 304, headers: new Headers(), body: '' })[0],
    ).toMatch(/required header ETag missing/);
  });

  it('rejects a problem whose status differs from the HTTP status, and unknown paths', () => {
    const problem = {
      type: 'urn:bianmin:problem:notFound',
      title: 'Not found',
      status: 404,
      detail: 'x',
      code: 'notFound',
    };
    const response = {
      method: 'GET',
      path: '/api/v1/catalog/version',
      status: 401,
      headers: headers('application/problem+json'),
      body: json(problem),
    };
    expect(checker.check(response)[0]).toMatch(/differs from the HTTP status/);
    expect(checker.check({ ...response, path: '/api/v2/nothing' })[0]).toMatch(/path not in openapi.yaml/);
  });
});
