import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';

/**
 * Checks real responses against the committed platform/openapi.yaml (not against the zod schemas
 * it was generated from, so a stale or hand-edited yaml fails too): the operation exists, the
 * status is documented, required headers are there, and the body validates with ajv (JSON Schema
 * 2020-12, `#/components/schemas/...` resolved inside the document).
 */

export const OPENAPI_YAML_PATH = new URL('../../openapi.yaml', import.meta.url);
const DOCUMENT_ID = 'https://bianmin-kiosk.invalid/openapi.json';

type JsonObject = Record<string, unknown>;

export interface ObservedResponse {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

export interface ConformanceChecker {
  /** Problems found; empty when the response conforms. */
  check(response: ObservedResponse): string[];
  /** Every path template with its methods, as documented. */
  operations(): Array<{ method: string; path: string }>;
  /** Compiles every component schema; throws if ajv rejects one (strict mode). */
  compileAll(): void;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

function templateRegex(template: string): RegExp {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`);
}

export function loadConformanceChecker(yamlText = readFileSync(OPENAPI_YAML_PATH, 'utf8')): ConformanceChecker {
  const doc = parse(yamlText) as JsonObject;
  const paths = (doc['paths'] ?? {}) as Record<string, JsonObject>;
  const components = (doc['components'] ?? {}) as JsonObject;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addKeyword({ keyword: 'components' });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (value: string) => RFC3339.test(value) && !Number.isNaN(Date.parse(value)),
  });
  ajv.addFormat('date', DATE);
  ajv.addFormat('uuid', UUID);
  ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: components['schemas'] } });

  const validators = new Map<string, ValidateFunction>();
  const validatorFor = (ref: string): ValidateFunction => {
    const cached = validators.get(ref);
    if (cached) return cached;
    const validate = ajv.getSchema(`${DOCUMENT_ID}${ref}`);
    if (!validate) throw new Error(`cannot resolve ${ref}`);
    validators.set(ref, validate);
    return validate;
  };
  const resolve = (node: unknown): unknown => {
    const ref = child(node, '$ref');
    if (typeof ref !== 'string') return node;
    const [, section, name] = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref) ?? [];
    if (!section || !name) throw new Error(`unsupported $ref ${ref}`);
    return child(components[section], name);
  };
  const templates = Object.keys(paths).map((template) => ({
    template,
    regex: templateRegex(template),
    params: (template.match(/\{/g) ?? []).length,
  }));

  function check({ method, path, status, headers, body }: ObservedResponse): string[] {
    const problems: string[] = [];
    const where = `${method} ${path} → ${status}`;
    const pathname = path.split('?')[0] ?? path;
    const template = templates
      .filter((entry) => entry.regex.test(pathname))
      .sort((a, b) => a.params - b.params)[0]?.template;
    if (!template) return [`${where}: path not in openapi.yaml`];
    const operation = child(paths[template], method.toLowerCase());
    if (!operation) return [`${where}: ${method} ${template} not in openapi.yaml`];
    const response = resolve(child(child(operation, 'responses'), String(status)));
    if (!response) return [`${where}: status ${status} not documented for ${method} ${template}`];

    for (const [name, header] of Object.entries((child(response, 'headers') ?? {}) as JsonObject)) {
      const spec = resolve(header);
      const value = headers.get(name);
      if (value === null) {
        if (child(spec, 'required') === true) problems.push(`${where}: required header ${name} missing`);
        continue;
      }
      const schema = child(spec, 'schema');
      if (schema && !ajv.validate(schema as JsonObject, value)) {
        // validate() is a type guard, so `value` reads as never here; it is the header string.
        problems.push(`${where}: header ${name}=${String(value)}: ${ajv.errorsText(ajv.errors)}`);
      }
    }

    const content = child(response, 'content') as JsonObject | undefined;
    const mediaType = (headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!content) {
      if (body.length > 0) problems.push(`${where}: documented without a body, got ${body.length} bytes`);
      return problems;
    }
    const media = content[mediaType];
    if (media === undefined) {
      return [
        ...problems,
        `${where}: content-type ${mediaType || '(none)'} not documented (${Object.keys(content).join(', ')})`,
      ];
    }
    const ref = child(child(media, 'schema'), '$ref');
    if (typeof ref !== 'string') return problems;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return [...problems, `${where}: body is not JSON`];
    }
    const validate = validatorFor(ref);
    if (!validate(value)) problems.push(`${where}: body does not match ${ref}: ${ajv.errorsText(validate.errors)}`);
    if (mediaType === 'application/problem+json' && child(value, 'status') !== status) {
      problems.push(`${where}: problem body status ${String(child(value, 'status'))} differs from the HTTP status`);
    }
    return problems;
  }

  return {
    check,
    operations: () =>
      Object.entries(paths).flatMap(([path, item]) =>
        Object.keys(item)
          .filter((key) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(key))
          .map((method) => ({ method: method.toUpperCase(), path })),
      ),
    compileAll: () => {
      for (const name of Object.keys(components['schemas'] ?? {})) {
        validatorFor(`#/components/schemas/${name}`);
      }
    },
  };
}
