import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { ENDPOINTS, type Endpoint } from '../../../platform/contract/endpoints';
import { Problem, PROBLEM_CONTENT_TYPE } from '../../../platform/contract/problem';
import { toHonoPath } from '../../../platform/server/http/route';
import { catalogFixture } from '../../../platform/server/testing/catalog-fixture';
import {
  ADMIN_TOKEN,
  conformance,
  createTestPlatform,
  KIOSK_1,
  KIOSK_2,
} from '../../../platform/server/testing/harness';
import { Harvest } from '../harvest';
import { mutated, nastyValue } from '../mutate';
import { asyncProperty, check, Violation, type FuzzTarget } from '../target';
import { arbitraryFor, type Hints } from '../zod-arbitrary';

/**
 * The reference platform's request handling (platform/server, through the hono app's `fetch`):
 * every endpoint of platform/contract/endpoints.ts with bodies derived from its schema, mutated
 * bodies, bad JSON, wrong content types, bodies over the limit, bad or reused Idempotency-Keys,
 * wrong or missing tokens, odd path parameters and queries. Whatever comes in, the platform
 * answers without a 5xx, every error is
 * application/problem+json with a Problem body, bad input gets a 4xx, every answer to a
 * documented operation matches platform/openapi.yaml, and a retried POST gets the same answer.
 */

const JSON_MAX_BYTES = 16 * 1024;
const MATERIAL_MAX_BYTES = 32 * 1024;

interface PlatformRequest {
  readonly endpoint: number;
  readonly method: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: string;
  readonly auth: 'own' | 'other' | 'none' | 'garbage' | 'admin';
  readonly key: 'fresh' | 'none' | 'invalid' | 'shared' | 'quoted';
  readonly contentType: string | null;
  readonly body: {
    readonly kind: 'valid' | 'mutated' | 'raw' | 'text' | 'none' | 'oversized';
    readonly bytes: Uint8Array;
  };
  /** Sent twice with the same key: the second answer must be the first one replayed. */
  readonly repeat: boolean;
  /** A material upload addressed by its own sha256 (else by whatever the path says). */
  readonly ownHash: boolean;
  /** What makes this request bad input, if anything (for the 4xx rule). */
  readonly bad: readonly string[];
}

const encoder = new TextEncoder();
const json = (value: unknown): Uint8Array => {
  let text: string;
  try {
    text = JSON.stringify(value) ?? 'null';
  } catch {
    text = 'null';
  }
  return encoder.encode(text);
};

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? 'undefined';
  } catch {
    return 'unprintable';
  }
}

/** A (possibly mutated) query object as a client would send it; anything else as one odd parameter. */
function queryString(query: unknown): string {
  const entries: [string, string][] =
    typeof query === 'object' && query !== null && !Array.isArray(query)
      ? Object.entries(query).map(([k, v]): [string, string] => [k, asText(v)])
      : [['q', asText(query)]];
  return new URLSearchParams(entries).toString();
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
function parsesAs(schema: { safeParse(value: unknown): { success: boolean } }, bytes: Uint8Array): boolean {
  try {
    return schema.safeParse(JSON.parse(strictUtf8.decode(bytes))).success;
  } catch {
    return false;
  }
}

function paramNames(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!);
}

export const platformTarget: FuzzTarget = {
  name: 'platform',
  async setup() {
    const platform = await createTestPlatform({
      limits: { requestsPerMinute: 1e9, jsonMaxBytes: JSON_MAX_BYTES, materialMaxBytes: MATERIAL_MAX_BYTES },
    });
    const harvest = new Harvest();
    const checker = conformance();
    const sharedKey = randomUUID();
    const matters = catalogFixture().matters.map((m) => ({
      matterCode: m.code,
      matterVersion: m.version,
      matterName: m.name,
    }));

    const hints: Hints = {
      terminalId: () => [KIOSK_1.id],
      stationId: () => [KIOSK_1.stationId],
      matter: () => matters,
      matterCode: () => harvest.get('matterCode', 'code'),
      caseNo: () => harvest.get('caseNo'),
      appointmentId: () => harvest.get('appointmentId'),
      slotId: () => harvest.get('slotId'),
      requestId: () => harvest.get('requestId'),
      servicePointId: () => harvest.get('servicePointId', 'id'),
      serviceCode: () => harvest.get('serviceCode'),
      sha256: () => harvest.get('sha256'),
      localRef: () => harvest.get('localRef'),
      optionsVersion: () => harvest.get('version'),
      catalogVersion: () => harvest.get('version'),
    };
    const oddPathValue = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('..', '%2e%2e', '%2F', 'a%00b', '%E4%BD%A0', '%ZZ', 'x'.repeat(2000), ' ', '__proto__'),
    );
    /** Path parameters: from the endpoint's schema (with hints) mostly, odd values now and then. */
    const pathParamsFor = (ep: Endpoint, names: readonly string[]): fc.Arbitrary<Record<string, string>> => {
      const odd = fc.record(Object.fromEntries(names.map((name) => [name, oddPathValue])));
      if (!ep.pathParams) return fc.constant({});
      const valid = arbitraryFor(ep.pathParams, { hints }).map((params) =>
        Object.fromEntries(Object.entries(params as Record<string, unknown>).map(([k, v]) => [k, String(v)])),
      );
      return fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: odd });
    };

    const requestFor = (index: number): fc.Arbitrary<PlatformRequest> => {
      const ep: Endpoint = ENDPOINTS[index]!;
      const names = paramNames(ep.path);
      const params = pathParamsFor(ep, names);
      const query = ep.query
        ? fc.oneof(
            { weight: 4, arbitrary: arbitraryFor(ep.query, { hints }) },
            { weight: 1, arbitrary: mutated(arbitraryFor(ep.query, { hints })) },
            {
              weight: 1,
              arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 12 }), { maxKeys: 3 }),
            },
          )
        : fc.constant({});
      let body: fc.Arbitrary<PlatformRequest['body']>;
      if (ep.requestBody?.kind === 'json') {
        const valid = arbitraryFor(ep.requestBody.schema, { hints });
        body = fc.oneof(
          { weight: 6, arbitrary: valid.map((v) => ({ kind: 'valid' as const, bytes: json(v) })) },
          { weight: 4, arbitrary: mutated(valid).map((v) => ({ kind: 'mutated' as const, bytes: json(v) })) },
          {
            weight: 1,
            arbitrary: fc.oneof(fc.jsonValue(), nastyValue()).map((v) => ({ kind: 'raw' as const, bytes: json(v) })),
          },
          {
            weight: 1,
            arbitrary: fc
              .oneof(
                fc.uint8Array({ maxLength: 60 }),
                valid.chain((v) => fc.nat().map((cut) => json(v).slice(0, cut % (json(v).length + 1)))),
                fc.constant(encoder.encode('\ufeff{}')),
                fc
                  .integer({ min: 1_000, max: 100_000 })
                  .map((depth) => encoder.encode(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
                fc.constant(Uint8Array.of(0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d)),
              )
              .map((bytes) => ({ kind: 'text' as const, bytes })),
          },
          { weight: 1, arbitrary: fc.constant({ kind: 'none' as const, bytes: new Uint8Array(0) }) },
          {
            weight: 1,
            arbitrary: fc.constant({
              kind: 'oversized' as const,
              bytes: encoder.encode(`{"x":"${'a'.repeat(JSON_MAX_BYTES)}"}`),
            }),
          },
        );
      } else if (ep.requestBody?.kind === 'binary') {
        body = fc.oneof(
          fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({ kind: 'valid' as const, bytes })),
          fc.constant({ kind: 'none' as const, bytes: new Uint8Array(0) }),
          fc.constant({ kind: 'oversized' as const, bytes: new Uint8Array(MATERIAL_MAX_BYTES + 1).fill(7) }),
        );
      } else {
        body = fc.oneof(
          { weight: 8, arbitrary: fc.constant({ kind: 'none' as const, bytes: new Uint8Array(0) }) },
          { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((bytes) => ({ kind: 'text' as const, bytes })) },
        );
      }
      const defaultType =
        ep.requestBody?.kind === 'binary'
          ? fc.constantFrom(...ep.requestBody.contentTypes)
          : fc.constant('application/json');
      const contentType = fc.oneof(
        { weight: 8, arbitrary: defaultType },
        {
          weight: 1,
          arbitrary: fc.constantFrom<string | null>(
            null,
            'text/plain',
            'application/json; charset=utf-8',
            'application/problem+json',
            'multipart/form-data; boundary=x',
            'application/x-www-form-urlencoded',
            'APPLICATION/JSON',
            '',
            'image/gif',
          ),
        },
      );
      const auth = fc.oneof(
        { weight: 12, arbitrary: fc.constant(ep.auth === 'admin' ? ('admin' as const) : ('own' as const)) },
        { weight: 1, arbitrary: fc.constantFrom('other' as const, 'none' as const, 'garbage' as const) },
      );
      const key = fc.oneof(
        { weight: 12, arbitrary: fc.constant('fresh' as const) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('none' as const, 'invalid' as const, 'shared' as const, 'quoted' as const),
        },
      );
      const method = fc.oneof(
        { weight: 20, arbitrary: fc.constant(ep.method.toUpperCase()) },
        { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH') },
      );
      return fc
        .record({
          method,
          pathParams: params,
          query,
          auth,
          key,
          contentType,
          body,
          repeat: fc.nat({ max: 9 }).map((n) => n === 0),
          ownHash: fc.nat({ max: 3 }).map((n) => n > 0),
        })
        .map((generated) => {
          const r =
            generated.ownHash && ep.requestBody?.kind === 'binary'
              ? {
                  ...generated,
                  pathParams: {
                    ...generated.pathParams,
                    sha256: createHash('sha256').update(generated.body.bytes).digest('hex'),
                  },
                }
              : generated;
          const bad: string[] = [];
          if (r.body.kind !== 'valid' && r.body.kind !== 'none' && ep.requestBody) {
            // A mutation may leave the body valid (an unknown key on a non-strict object): judge by the schema.
            if (ep.requestBody.kind === 'binary' || !parsesAs(ep.requestBody.schema, r.body.bytes)) {
              bad.push(`body ${r.body.kind}`);
            }
          }
          if (r.body.kind === 'none' && ep.requestBody) bad.push('no body');
          for (const name of names) {
            const schema = ep.pathParams?.shape[name] as { safeParse(v: unknown): { success: boolean } } | undefined;
            if (schema && !schema.safeParse(r.pathParams[name]).success) bad.push(`path ${name}`);
          }
          return {
            endpoint: index,
            method: r.method,
            pathParams: r.pathParams,
            query: queryString(r.query),
            auth: r.auth,
            key: r.key,
            contentType: r.contentType,
            body: r.body,
            repeat: r.repeat,
            ownHash: r.ownHash,
            bad,
          };
        });
    };
    const requests = fc.oneof(...ENDPOINTS.map((_, i) => requestFor(i)));

    const send = async (r: PlatformRequest, key: string) => {
      const ep: Endpoint = ENDPOINTS[r.endpoint]!;
      let path = ep.path;
      for (const [name, value] of Object.entries(r.pathParams)) {
        // Values meant to be raw (%2e%2e, %ZZ) go in as they are; others are encoded as a client would.
        const raw = /%/.test(value) ? value : encodeURIComponent(value);
        path = path.replace(`{${name}}`, raw);
      }
      const url = `${path}${r.query ? `?${r.query}` : ''}`;
      const headers: Record<string, string> = {};
      const token = { own: KIOSK_1.token, other: KIOSK_2.token, none: null, garbage: 'Bearer', admin: ADMIN_TOKEN }[
        r.auth
      ];
      if (token !== null) headers['authorization'] = r.auth === 'garbage' ? 'Basic Zm9vOmJhcg==' : `Bearer ${token}`;
      if (r.method === 'POST' && r.key !== 'none') {
        headers['idempotency-key'] = { fresh: key, invalid: 'short', shared: sharedKey, quoted: `"${key}"` }[r.key];
      }
      if (r.contentType !== null) headers['content-type'] = r.contentType;
      const hasBody = r.method !== 'GET' && r.body.kind !== 'none';
      const response = await platform.app.request(url, {
        method: r.method,
        headers,
        ...(hasBody ? { body: r.body.bytes } : {}),
      });
      return { url, response, text: await response.text() };
    };

    const property = asyncProperty(
      'requests',
      requests,
      async (r) => {
        const ep: Endpoint = ENDPOINTS[r.endpoint]!;
        // A reference platform on a test machine: fault injection is the admin endpoint's own
        // business; whatever the last request set, every request starts without faults.
        platform.faults.update({ reset: true });
        const key = randomUUID();
        const first = await send(r, key);
        const { status } = first.response;
        const where = `${r.method} ${first.url.slice(0, 200)} → ${status}`;
        check(status < 500, `${where}: a server error: ${first.text.slice(0, 300)}`);
        if (status >= 400) {
          const type = first.response.headers.get('content-type') ?? '';
          check(type.startsWith(PROBLEM_CONTENT_TYPE), `${where}: an error answered as ${type}`);
          let body: unknown;
          try {
            body = JSON.parse(first.text);
          } catch {
            throw new Violation(`${where}: the problem body is not JSON`);
          }
          const problem = Problem.safeParse(body);
          check(problem.success && problem.data.status === status, `${where}: not a Problem with this status`);
        }
        if (r.bad.length > 0 && r.method === ep.method.toUpperCase()) {
          check(status >= 400 && status < 500, `${where}: bad input (${r.bad.join(', ')}) was not refused with a 4xx`);
        }
        const documented =
          r.method === ep.method.toUpperCase() &&
          new RegExp(`^${toHonoPath(ep.path).replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`).test(first.url.split('?')[0]!);
        if (documented && status !== 404) {
          const problems = checker.check({
            method: r.method,
            path: first.url,
            status,
            headers: first.response.headers,
            body: first.text,
          });
          check(problems.length === 0, `the answer does not match openapi.yaml:\n${problems.join('\n')}`);
        }
        if (status < 300) {
          try {
            harvest.collect(JSON.parse(first.text));
          } catch {
            // a binary answer (a material): nothing to harvest
          }
        }
        if (r.repeat && r.method === 'POST' && r.key !== 'none' && r.key !== 'invalid') {
          const again = await send(r, key);
          check(
            again.response.status === status && again.text === first.text,
            `${where}: the same POST with the same key answered ${again.response.status} differently`,
          );
        }
        if (r.method === 'PUT' && ep.requestBody?.kind === 'binary' && status < 300) {
          const sha = createHash('sha256').update(r.body.bytes).digest('hex');
          harvest.add('sha256', sha);
        }
      },
      { weight: 1, timeoutMs: 10_000 },
    );
    return { properties: [property], teardown: () => platform.close() };
  },
};
