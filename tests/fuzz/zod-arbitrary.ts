import fc from 'fast-check';
import { z } from 'zod';

/**
 * Valid inputs from a zod 4 schema, as fast-check arbitraries: the fuzzer derives every kiosk API
 * input and every platform request body from the same schemas the dispatcher and the platform
 * validate with, so a method or an endpoint added later is fuzzed without anyone writing a
 * generator for it. Covers the schema kinds our contracts use (objects, strict or not; strings
 * with lengths, regexes, uuid, ISO date and datetime, url; numbers and integers with bounds;
 * enums, literals, unions and discriminated unions, arrays, records, tuples, intersections;
 * optional, nullable, default …) and refuses anything else by name, so a new kind in a contract
 * fails the converter's test instead of being fuzzed with nonsense.
 *
 * Leaves (strings, numbers) and objects with refinements are filtered through their own schema,
 * so what comes out parses: refinements such as "select fields need options" hold too.
 */

/**
 * Known-good values by property name, read at generation time: the live technician token, the
 * catalog's matter codes, a capture id staged a moment ago. A field with a hint takes one of
 * these values most of the time, so the fuzzer gets past "notFound" into the code behind it.
 */
export type Hints = Readonly<Record<string, () => readonly unknown[]>>;

export interface ArbitraryOptions {
  /** Longest string when a schema allows more (capture.stage allows 40 MB). Default 40. */
  readonly maxStringLength?: number;
  /** Longest array when a schema allows more. Default 5. */
  readonly maxArrayLength?: number;
  readonly hints?: Hints;
}

interface Context {
  readonly maxStringLength: number;
  readonly maxArrayLength: number;
  readonly hints: Hints;
  readonly path: readonly string[];
}

export class UnsupportedSchemaError extends Error {}

/**
 * A hint whose value is only known when the input is used (the live technician token, which
 * changes whenever a session starts): generated as this marker, swapped in by the caller.
 */
export class Deferred {
  constructor(readonly name: string) {}
}

/** The value with every Deferred replaced by `resolve(marker)` (plain objects and arrays only). */
export function resolveDeferred(value: unknown, resolve: (marker: Deferred) => unknown, depth = 0): unknown {
  if (value instanceof Deferred) return resolve(value);
  if (depth > 20 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => resolveDeferred(item, resolve, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, {
      value: resolveDeferred(item, resolve, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

export function arbitraryFor(schema: z.ZodType, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  return convert(schema, {
    maxStringLength: options.maxStringLength ?? 40,
    maxArrayLength: options.maxArrayLength ?? 5,
    hints: options.hints ?? {},
    path: [],
  });
}

/** zod's internal definition; typed loosely because it differs per kind. */
interface Def {
  readonly type: string;
  readonly [key: string]: unknown;
}
interface CheckDef {
  readonly check: string;
  readonly [key: string]: unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] =>
  ((def['checks'] as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((check) => check._zod.def);
const parses = (schema: z.ZodType) => (value: unknown) => schema.safeParse(value).success;

function convert(schema: z.ZodType, ctx: Context): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema, def, ctx);
    case 'number':
      return numberArbitrary(schema, def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    case 'enum':
      return fc.constantFrom(...Object.values(def['entries'] as Record<string, string | number>));
    case 'literal':
      return fc.constantFrom(...(def['values'] as unknown[]));
    case 'object':
      return objectArbitrary(schema, def, ctx);
    case 'array':
      return arrayArbitrary(schema, def, ctx);
    case 'record':
      return recordArbitrary(schema, def, ctx);
    case 'tuple': {
      const items = (def['items'] as z.ZodType[]).map((item, i) => convert(item, at(ctx, String(i))));
      return fc.tuple(...items).filter(parses(schema));
    }
    case 'union':
      return fc.oneof(...(def['options'] as z.ZodType[]).map((option, i) => convert(option, at(ctx, `|${i}`))));
    case 'intersection': {
      const left = convert(def['left'] as z.ZodType, at(ctx, '&left'));
      const right = convert(def['right'] as z.ZodType, at(ctx, '&right'));
      return fc
        .tuple(left, right)
        .map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a))
        .filter(parses(schema));
    }
    case 'optional':
      return fc.option(convert(def['innerType'] as z.ZodType, ctx), { nil: undefined, freq: 4 });
    case 'nullable':
      return fc.option(convert(def['innerType'] as z.ZodType, ctx), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
      // Leaving the value out is valid input: the schema fills in its default.
      return fc.option(convert(def['innerType'] as z.ZodType, ctx), { nil: undefined, freq: 4 });
    case 'readonly':
    case 'catch':
      return convert(def['innerType'] as z.ZodType, ctx);
    case 'nonoptional':
      return convert(def['innerType'] as z.ZodType, ctx).filter((value) => value !== undefined);
    case 'pipe':
      return convert(def['in'] as z.ZodType, ctx).filter(parses(schema));
    case 'lazy':
      if (ctx.path.length > 12) throw unsupported(ctx, 'lazy (recursing deeper than 12 levels)');
      return convert((def['getter'] as () => z.ZodType)(), ctx);
    default:
      throw unsupported(ctx, def.type);
  }
}

function unsupported(ctx: Context, kind: string): UnsupportedSchemaError {
  return new UnsupportedSchemaError(
    `zod-arbitrary: no generator for a ${kind} schema at ${ctx.path.join('.') || '(root)'}`,
  );
}

const at = (ctx: Context, key: string): Context => ({ ...ctx, path: [...ctx.path, key] });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Characters a resident's text is made of (CJK, digits, Latin, spaces), plus anything Unicode. */
const textUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code)) },
  { weight: 3, arbitrary: fc.constantFrom(...'0123456789abcdefxyzABCXYZ -_.,:/社保张三丰李东埠村安丘市（）·') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

function stringArbitrary(schema: z.ZodType, def: Def, ctx: Context): fc.Arbitrary<string> {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  const patterns: RegExp[] = [];
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = Math.max(min, check['minimum'] as number);
    else if (check.check === 'max_length') max = Math.min(max, check['maximum'] as number);
    else if (check.check === 'length_equals') min = max = check['length'] as number;
    else if (check.check === 'string_format' && check['pattern'] instanceof RegExp) patterns.push(check['pattern']);
  }
  // A string refined by code (free text a parser reads, such as 周一至周五) cannot be found by
  // filtering random text: its schema's examples stand for it.
  const examples = (z.globalRegistry.get(schema)?.['examples'] as unknown[] | undefined)?.filter(
    (example): example is string => typeof example === 'string',
  );
  if (examples !== undefined && examples.length > 0) return fc.constantFrom(...examples).filter(parses(schema));
  const length = { minLength: min, maxLength: Math.max(min, Math.min(max, min + ctx.maxStringLength)) };
  let base: fc.Arbitrary<string>;
  switch (def['format']) {
    case undefined:
      base =
        patterns[0] !== undefined
          ? fc.stringMatching(patterns[0], Number.isFinite(max) ? { maxLength: max } : {})
          : fc.string({ ...length, unit: textUnit });
      break;
    case 'uuid':
    case 'guid':
      base = fc.uuid();
      break;
    case 'datetime':
      base = isoDateTime(def['offset'] === true, def['local'] === true);
      break;
    case 'date':
      base = isoDay;
      break;
    case 'url':
      base = fc.webUrl();
      break;
    case 'email':
      base = fc.emailAddress();
      break;
    default:
      if (!(def['pattern'] instanceof RegExp)) throw unsupported(ctx, `string format ${String(def['format'])}`);
      base = fc.stringMatching(def['pattern']);
  }
  return base.filter(parses(schema));
}

/** Calendar days zod's ISO patterns accept (four-digit years), biased to the kiosk's years. */
const isoDay: fc.Arbitrary<string> = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

function isoDateTime(offset: boolean, local: boolean): fc.Arbitrary<string> {
  const instant = fc.date({
    min: new Date('1970-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  const zones = offset ? fc.constantFrom('Z', '+08:00', '+00:00', '-05:30', '+14:00') : fc.constant('Z');
  return fc.tuple(instant, zones, fc.boolean()).map(([date, zone, millis]) => {
    const iso = date.toISOString();
    const body = millis ? iso.slice(0, 23) : iso.slice(0, 19);
    return local ? body : `${body}${zone}`;
  });
}

function numberArbitrary(schema: z.ZodType, def: Def): fc.Arbitrary<number> {
  let min = Number.NEGATIVE_INFINITY;
  let max = Number.POSITIVE_INFINITY;
  let minExcluded = false;
  let maxExcluded = false;
  let integer = false;
  for (const check of checksOf(def)) {
    if (check.check === 'number_format') integer = /int/.test(String(check['format']));
    else if (check.check === 'greater_than' && (check['value'] as number) >= min) {
      min = check['value'] as number;
      minExcluded = check['inclusive'] !== true;
    } else if (check.check === 'less_than' && (check['value'] as number) <= max) {
      max = check['value'] as number;
      maxExcluded = check['inclusive'] !== true;
    }
  }
  if (integer) {
    const low = Math.max(Number.MIN_SAFE_INTEGER, minExcluded ? Math.floor(min) + 1 : Math.ceil(min));
    const high = Math.min(Number.MAX_SAFE_INTEGER, maxExcluded ? Math.ceil(max) - 1 : Math.floor(max));
    // Small numbers most of the time (counts, levels, limits), the whole range now and then.
    const small = fc.integer({ min: Math.max(low, Math.min(high, -20)), max: Math.min(high, Math.max(low, 1000)) });
    return fc.oneof({ weight: 4, arbitrary: small }, { weight: 1, arbitrary: fc.integer({ min: low, max: high }) });
  }
  return fc
    .double({
      min: Number.isFinite(min) ? min : -1e9,
      max: Number.isFinite(max) ? max : 1e9,
      minExcluded,
      maxExcluded,
      noNaN: true,
      noDefaultInfinity: true,
    })
    .filter(parses(schema));
}

function objectArbitrary(schema: z.ZodType, def: Def, ctx: Context): fc.Arbitrary<unknown> {
  const shape = def['shape'] as Record<string, z.ZodType>;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const fieldDef = defOf(field);
    const optional = fieldDef.type === 'optional' || fieldDef.type === 'default' || fieldDef.type === 'prefault';
    // An optional key is left out rather than set to undefined: that is what a JSON caller sends.
    const inner = optional ? (fieldDef['innerType'] as z.ZodType) : field;
    let value = convert(inner, at(ctx, key));
    const hint = ctx.hints[key];
    if (hint) value = hinted(value, hint, inner);
    model[key] = value;
    if (!optional) requiredKeys.push(key);
  }
  const record = fc.record(model, { requiredKeys });
  return checksOf(def).length > 0 ? record.filter(parses(schema)) : record;
}

/**
 * Mostly one of the hint's current values that fit this field's schema (hints go by property
 * name, and `code` is a matter code in one method and a device code in another); the schema's
 * own value while none fits.
 */
function hinted(
  value: fc.Arbitrary<unknown>,
  hint: () => readonly unknown[],
  schema: z.ZodType,
): fc.Arbitrary<unknown> {
  const fromHint = fc.tuple(value, fc.nat()).map(([own, index]) => {
    const known = hint().filter((candidate) => candidate instanceof Deferred || schema.safeParse(candidate).success);
    return known.length > 0 ? known[index % known.length] : own;
  });
  return fc.oneof({ weight: 1, arbitrary: value }, { weight: 3, arbitrary: fromHint });
}

function arrayArbitrary(schema: z.ZodType, def: Def, ctx: Context): fc.Arbitrary<unknown[]> {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const check of checksOf(def)) {
    if (check.check === 'min_length') min = Math.max(min, check['minimum'] as number);
    else if (check.check === 'max_length') max = Math.min(max, check['maximum'] as number);
    else if (check.check === 'length_equals') min = max = check['length'] as number;
  }
  const element = convert(def['element'] as z.ZodType, at(ctx, '[]'));
  const array = fc.array(element, { minLength: min, maxLength: Math.max(min, Math.min(max, ctx.maxArrayLength)) });
  return checksOf(def).some((check) => !['min_length', 'max_length', 'length_equals'].includes(check.check))
    ? array.filter(parses(schema))
    : array;
}

function recordArbitrary(schema: z.ZodType, def: Def, ctx: Context): fc.Arbitrary<unknown> {
  const keyType = def['keyType'] as z.ZodType;
  const value = convert(def['valueType'] as z.ZodType, at(ctx, '{}'));
  const keyDef = defOf(keyType);
  if (keyDef.type === 'enum') {
    // zod 4: a record keyed by an enum needs every key.
    const keys = Object.values(keyDef['entries'] as Record<string, string>);
    return fc.record(Object.fromEntries(keys.map((key) => [key, value])));
  }
  const key = convert(keyType, at(ctx, '{key}')).filter((k): k is string => typeof k === 'string');
  return fc.dictionary(key, value, { maxKeys: ctx.maxArrayLength }).filter(parses(schema));
}
