import { z } from 'zod';
import { ENDPOINTS, IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_RETENTION_DAYS, type Endpoint } from './endpoints';
import { PROBLEM_CONTENT_TYPE, type ProblemCode } from './problem';

/**
 * Builds the OpenAPI 3.1 document from the endpoint table and the zod schemas. Every schema with
 * `.meta({ id })` that an endpoint reaches becomes `components/schemas/<id>` and is referenced by
 * `$ref`; nothing is written by hand, so the yaml cannot disagree with the code. Pure: returns a
 * plain object; write-openapi.ts renders it to platform/openapi.yaml.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SCHEMA_REF_PREFIX = '#/components/schemas/';
/** Problem statuses a POST handler decides after claiming the key (so they are stored). */
const REPLAYABLE_PROBLEM_STATUSES = [400, 404, 409, 422];
const schemaRef = (id: string): JsonObject => ({ $ref: `${SCHEMA_REF_PREFIX}${id}` });

/** The problem codes an endpoint can answer with, by status. Protocol-level codes first. */
export function documentedProblems(ep: Endpoint): Map<number, ProblemCode[]> {
  const byStatus = new Map<number, ProblemCode[]>();
  const add = (status: number, ...codes: ProblemCode[]) => {
    const list = byStatus.get(status) ?? [];
    for (const code of codes) if (!list.includes(code)) list.push(code);
    byStatus.set(status, list);
  };
  const isPost = ep.method === 'post';
  if (ep.requestBody?.kind === 'json') add(400, 'malformedJson');
  if (isPost) add(400, 'idempotencyKeyMissing', 'idempotencyKeyInvalid');
  add(401, 'unauthorized');
  if (ep.scope) add(403, 'forbidden');
  if (ep.pathParams) add(404, 'notFound');
  if (isPost) add(409, 'idempotencyKeyInFlight');
  if (ep.requestBody) add(413, 'payloadTooLarge');
  if (ep.requestBody) add(415, 'unsupportedMediaType');
  if (ep.requestBody || ep.query) add(422, 'validationFailed');
  if (isPost) add(422, 'idempotencyKeyReused');
  for (const [status, codes] of Object.entries(ep.businessErrors ?? {})) add(Number(status), ...(codes ?? []));
  if (ep.auth !== 'admin') add(429, 'rateLimited');
  add(500, 'internalError');
  if (ep.auth !== 'admin') add(503, 'serviceUnavailable');
  return byStatus;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function statusText(status: number): string {
  const text = STATUS_TEXT[status];
  if (!text) throw new Error(`no status text for ${status}`);
  return text;
}

/** JSON Schema of a schema used inline (parameters), which must not contain registered schemas. */
function inlineSchema(schema: z.ZodType): JsonObject {
  const converted = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'throw' }) as JsonObject;
  delete converted['$schema'];
  if ('$defs' in converted) throw new Error('parameter schemas must not contain schemas with an id');
  return converted;
}

function parameters(ep: Endpoint): Json[] {
  const list: Json[] = [];
  const fromObject = (object: z.ZodObject | undefined, where: 'path' | 'query') => {
    for (const [name, field] of Object.entries(object?.shape ?? {})) {
      const schema = inlineSchema(field as z.ZodType);
      const description = schema['description'];
      delete schema['description'];
      list.push({
        name,
        in: where,
        required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        ...(typeof description === 'string' ? { description } : {}),
        schema,
      });
    }
  };
  fromObject(ep.pathParams, 'path');
  fromObject(ep.query, 'query');
  if (ep.method === 'post') list.push({ $ref: '#/components/parameters/IdempotencyKey' });
  if (ep.conditional) list.push({ $ref: '#/components/parameters/IfNoneMatch' });
  return list;
}

function requestBody(ep: Endpoint): JsonObject | undefined {
  const body = ep.requestBody;
  if (!body) return undefined;
  if (body.kind === 'binary') {
    const content: JsonObject = {};
    for (const type of body.contentTypes) content[type] = {};
    return { required: true, description: `The raw file, at most ${body.maxBytes} bytes.`, content };
  }
  const id = z.globalRegistry.get(body.schema)?.id;
  if (!id) throw new Error(`${ep.operationId}: request schemas need .meta({ id })`);
  return { required: true, content: { 'application/json': { schema: schemaRef(id) } } };
}

const HEADER_REFS: Record<string, string> = {
  ETag: 'ETag',
  Location: 'Location',
  'Idempotent-Replayed': 'IdempotentReplayed',
  'Retry-After': 'RetryAfter',
};

function headerRefs(names: readonly string[]): JsonObject | undefined {
  if (names.length === 0) return undefined;
  const headers: JsonObject = {};
  for (const name of names) headers[name] = { $ref: `#/components/headers/${HEADER_REFS[name] ?? name}` };
  return headers;
}

function responses(ep: Endpoint): JsonObject {
  const entries: Array<[number, JsonObject]> = [];
  const replayable = ep.method === 'post' ? ['Idempotent-Replayed'] : [];
  for (const success of ep.responses) {
    const id = z.globalRegistry.get(success.schema)?.id;
    if (!id) throw new Error(`${ep.operationId}: response schemas need .meta({ id })`);
    const headers = headerRefs([...(success.headers ?? []), ...replayable]);
    entries.push([
      success.status,
      {
        description: success.description,
        ...(headers ? { headers } : {}),
        content: { 'application/json': { schema: schemaRef(id) } },
      },
    ]);
  }
  if (ep.conditional) {
    entries.push([
      304,
      { description: 'Not Modified: If-None-Match named the current version.', headers: headerRefs(['ETag']) ?? {} },
    ]);
  }
  for (const [status, codes] of documentedProblems(ep)) {
    const extraHeaders = [
      ...(status === 429 || status === 503 ? ['Retry-After'] : []),
      // Answers decided inside the idempotent transaction are stored and replayed like successes.
      ...(REPLAYABLE_PROBLEM_STATUSES.includes(status) ? replayable : []),
    ];
    const headers = headerRefs(extraHeaders);
    entries.push([
      status,
      {
        description: `${statusText(status)}. code: ${codes.join(', ')}.`,
        ...(headers ? { headers } : {}),
        content: { [PROBLEM_CONTENT_TYPE]: { schema: schemaRef('Problem') } },
      },
    ]);
  }
  entries.sort(([a], [b]) => a - b);
  return Object.fromEntries(entries.map(([status, response]) => [String(status), response]));
}

function operation(ep: Endpoint): JsonObject {
  const body = requestBody(ep);
  const params = parameters(ep);
  return {
    operationId: ep.operationId,
    tags: [ep.tag],
    summary: ep.summary,
    ...(ep.description ? { description: ep.description } : {}),
    ...(ep.auth === 'admin' ? { security: [{ adminBearerAuth: [] }] } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: responses(ep),
  };
}

/** Every `#/components/schemas/<id>` reachable from `root`. */
function collectRefs(root: Json, schemas: Record<string, Json>, found = new Set<string>()): Set<string> {
  const visit = (node: Json) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const ref = node['$ref'];
    if (typeof ref === 'string' && ref.startsWith(SCHEMA_REF_PREFIX)) {
      const id = ref.slice(SCHEMA_REF_PREFIX.length);
      if (!found.has(id)) {
        found.add(id);
        const target = schemas[id];
        if (target === undefined) throw new Error(`dangling $ref ${ref}`);
        visit(target);
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(root);
  return found;
}

function componentSchemas(paths: JsonObject): JsonObject {
  const all = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    uri: (id) => `${SCHEMA_REF_PREFIX}${id}`,
    unrepresentable: 'throw',
  }).schemas as Record<string, JsonObject>;
  for (const schema of Object.values(all)) {
    delete schema['$schema'];
    delete schema['$id'];
  }
  const used = [...collectRefs(paths, all)].sort();
  return Object.fromEntries(used.map((id) => [id, all[id] ?? {}]));
}

const DESCRIPTION = `The contract between a village self-service kiosk (bianmin-kiosk) and the central government
service platform. Real provincial platforms implement it; platform/server is the reference implementation.

Authentication: every /api/v1 request carries \`Authorization: Bearer <token>\`, one token per terminal.
Paths naming a terminal or station must name the caller's own (else 403).

Idempotency (draft-ietf-httpapi-idempotency-key-header): every POST carries an Idempotency-Key, made when
the resident confirmed and reused for every retry. The platform keys it on (terminal, key) and fingerprints
method, path and body. Same key and body again: the original status and body are replayed with
\`Idempotent-Replayed: true\`. Same key, different body: 422 idempotencyKeyReused. Same key while the first
request is still being processed: 409 idempotencyKeyInFlight (retry later). No key: 400. The stored
response is committed in the same transaction as the business write. Stored responses are kept at least
${IDEMPOTENCY_RETENTION_DAYS} days; 5xx answers are not stored, so a retry runs again.

Errors are RFC 9457 problem details (application/problem+json) with a stable \`code\`; branch on \`code\`.
429 and 503 carry Retry-After. Identity numbers only travel in request bodies, never in URLs.`;

export function buildOpenApiDocument(): JsonObject {
  const paths: JsonObject = {};
  for (const ep of ENDPOINTS) {
    const item = (paths[ep.path] ?? {}) as JsonObject;
    item[ep.method] = operation(ep);
    paths[ep.path] = item;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'bianmin-kiosk central platform API', version: '1.0.0', description: DESCRIPTION },
    servers: [
      {
        url: 'http://127.0.0.1:{port}',
        description: 'the reference platform (embedded in the kiosk or run with `npm run platform`)',
        variables: { port: { default: '8787' } },
      },
    ],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(ENDPOINTS.map((ep) => ep.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'Per-terminal token issued by the platform operator.',
        },
        adminBearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'Reference platform only: the admin token for /_admin, separate from terminal tokens.',
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description:
            'Unique per logical request (a UUID), reused unchanged on every retry. sf-string; quotes optional.',
          schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
        },
        IfNoneMatch: {
          name: 'If-None-Match',
          in: 'header',
          required: false,
          description: 'The ETag you hold; 304 when it is still current.',
          schema: { type: 'string' },
        },
      },
      headers: {
        ETag: { description: 'The quoted version of the document.', required: true, schema: { type: 'string' } },
        Location: { description: 'Path of the created resource.', required: true, schema: { type: 'string' } },
        IdempotentReplayed: {
          description: 'Present (true) when this is the stored response of an earlier request with the same key.',
          required: false,
          schema: { type: 'string', enum: ['true'] },
        },
        RetryAfter: {
          description: 'Seconds to wait before retrying.',
          required: true,
          schema: { type: 'string', pattern: '^[0-9]+$' },
        },
      },
      schemas: componentSchemas(paths),
    },
  };
}
