import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CatalogVersion } from './catalog';
import { Heartbeat, ReleaseVersion } from './terminals';

/**
 * The heartbeat carries no personal data (platform/contract/terminals.ts). What a test can check
 * honestly is the shape: that no field of the schema can hold free text. It walks the schema and
 * fails on
 * - an object that is not strict (an extra key would ride along unseen),
 * - a record, map, any or unknown (keys or values nobody enumerated),
 * - an array without a maximum,
 * - a string that is not an enum or literal, not an ISO timestamp, and not one of the few
 *   identifier patterns allowed below; each of those must refuse a name, a sentence and an ID
 *   number on its own.
 * What it cannot check: that the kiosk puts the right value in a field (a bug could write an
 * identity number into a count, or a phone number's digits into a version suffix). That is the
 * builder's job and its tests' (core/fleet/heartbeat.test.ts): every value there comes from device
 * state, counters, clocks and versions, never from the resident session beyond "is one active".
 */

const Version = CatalogVersion.shape.version;

type Schema = z.core.$ZodType;
/** The parts of zod's internal definition the walk reads (zod 4 keeps them on `_zod.def`). */
interface Def {
  readonly type: string;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly check?: string;
  readonly catchall?: Schema;
  readonly element?: Schema;
  readonly innerType?: Schema;
  readonly options?: readonly Schema[];
  readonly checks?: readonly Schema[];
}
const def = (schema: Schema) => schema._zod.def as unknown as Def;
const checksOf = (schema: Schema) => (def(schema).checks ?? []).map(def);

/** Identifier patterns a heartbeat string may have: issued by a release or by the platform, never typed by a person. */
const ALLOWED_PATTERNS = new Map<string, string>([
  [String(patternOf(ReleaseVersion)), 'release version'],
  [String(patternOf(Version)), 'platform document version'],
]);

function patternOf(schema: Schema): RegExp | null {
  const regex = checksOf(schema).find((check) => check.format === 'regex');
  return regex?.pattern ?? null;
}

/** Every place in the schema that could carry free text, as `path: why`. */
function freeTextLeaks(schema: Schema, path = '$'): string[] {
  const d = def(schema);
  switch (d.type) {
    case 'object': {
      const catchall = d.catchall;
      const own = catchall && def(catchall).type === 'never' ? [] : [`${path}: not strict, extra keys pass`];
      const shape = (schema as z.ZodObject).shape as Record<string, Schema>;
      return [...own, ...Object.entries(shape).flatMap(([key, field]) => freeTextLeaks(field, `${path}.${key}`))];
    }
    case 'array': {
      const bounded = checksOf(schema).some((check) => check.check === 'max_length');
      return [
        ...(bounded ? [] : [`${path}: array without a maximum`]),
        ...(d.element ? freeTextLeaks(d.element, `${path}[]`) : []),
      ];
    }
    case 'nullable':
    case 'optional':
    case 'default':
    case 'readonly':
      return d.innerType ? freeTextLeaks(d.innerType, path) : [];
    case 'union':
      return (d.options ?? []).flatMap((option, i) => freeTextLeaks(option, `${path}|${i}`));
    case 'enum':
    case 'literal':
    case 'boolean':
    case 'number':
    case 'null':
      return [];
    case 'string': {
      if (d.format === 'datetime') return [];
      const pattern = patternOf(schema);
      if (pattern && ALLOWED_PATTERNS.has(String(pattern))) return [];
      return [`${path}: free string${pattern ? ` (pattern ${String(pattern)} is not an allowed identifier)` : ''}`];
    }
    default:
      return [`${path}: ${d.type} is not allowed in a heartbeat`];
  }
}

describe('the heartbeat carries no personal data', () => {
  it('has no field that could hold free text', () => {
    expect(freeTextLeaks(Heartbeat)).toEqual([]);
  });

  it('allows only identifier patterns that refuse a name, a sentence and an identity number', () => {
    for (const [source, what] of ALLOWED_PATTERNS) {
      const pattern = new RegExp(source.slice(1, source.lastIndexOf('/')));
      for (const personal of ['张三丰', 'Zhang San', 'called about 李四 at home', '370784195001011234']) {
        if (what === 'platform document version' && personal === '370784195001011234') continue; // see below
        expect(pattern.test(personal), `${what} accepts ${personal}`).toBe(false);
      }
      expect(pattern.test('x'.repeat(65)), `${what} is unbounded`).toBe(false);
    }
    // A document version is whatever the platform published (letters, digits, dots, hyphens): it
    // cannot hold a name or a sentence, and it comes from the platform's answer, not from a resident.
    expect(Version.safeParse('370784195001011234').success).toBe(true);
  });

  it('would catch a free-text field, a loose object, a record and an unbounded array', () => {
    const leaky = z.strictObject({
      ok: z.enum(['a']),
      detail: z.string().max(200),
      note: z.string().regex(/^.{0,40}$/),
      loose: z.object({ at: z.iso.datetime() }),
      tags: z.array(z.enum(['x'])),
      extra: z.record(z.string(), z.number()),
    });
    expect(freeTextLeaks(leaky)).toEqual([
      '$.detail: free string',
      '$.note: free string (pattern /^.{0,40}$/ is not an allowed identifier)',
      '$.loose: not strict, extra keys pass',
      '$.tags: array without a maximum',
      '$.extra: record is not allowed in a heartbeat',
    ]);
  });
});
