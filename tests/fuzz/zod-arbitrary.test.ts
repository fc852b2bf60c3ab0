import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../core/api/contract';
import { KioskConfig } from '../../kiosk-config/schema';
import { ENDPOINTS, type Endpoint } from '../../platform/contract/endpoints';
import { mutated } from './mutate';
import { arbitraryFor, UnsupportedSchemaError } from './zod-arbitrary';

const sample = (arbitrary: fc.Arbitrary<unknown>, numRuns = 100) => fc.sample(arbitrary, { numRuns, seed: 42 });

function invalidOf(schema: z.ZodType, values: readonly unknown[]) {
  return values.filter((value) => !schema.safeParse(value).success);
}

// Sampling hundreds of values per schema takes seconds on a busy two-core machine.
describe('zod → fast-check', { timeout: 60_000 }, () => {
  it('derives valid input for every kiosk API method, so a method added later is fuzzed past validation', () => {
    for (const [name, method] of Object.entries(contract.methods)) {
      const values = sample(arbitraryFor(method.input));
      expect(invalidOf(method.input, values), name).toEqual([]);
    }
  });

  it('derives valid bodies, queries and path parameters for every platform endpoint', () => {
    for (const endpoint of ENDPOINTS as readonly Endpoint[]) {
      const schemas = [
        endpoint.requestBody?.kind === 'json' ? endpoint.requestBody.schema : null,
        endpoint.query ?? null,
        endpoint.pathParams ?? null,
      ].filter((s): s is z.ZodType => s !== null && s !== undefined);
      for (const schema of schemas) {
        expect(invalidOf(schema, sample(arbitraryFor(schema))), endpoint.operationId).toEqual([]);
      }
    }
  });

  it('derives station configurations the loader accepts', () => {
    expect(invalidOf(KioskConfig, sample(arbitraryFor(KioskConfig), 20))).toEqual([]);
  });

  it('covers each schema kind the contracts use, and varies what is optional', () => {
    const schema = z
      .object({
        text: z.string().trim().min(2).max(5),
        code: z.string().regex(/^[A-Z]{3}-\d{2}$/),
        id: z.uuid(),
        at: z.iso.datetime({ offset: true }),
        day: z.iso.date(),
        count: z.number().int().min(3).max(7),
        ratio: z.number().gt(0).lt(1),
        kind: z.enum(['a', 'b']),
        exact: z.literal(42),
        either: z.union([z.string().max(1), z.number().int()]),
        shape: z.discriminatedUnion('type', [
          z.object({ type: z.literal('x'), x: z.boolean() }),
          z.object({ type: z.literal('y'), y: z.null() }),
        ]),
        list: z.array(z.number().int()).min(1).max(3),
        map: z.record(z.string().regex(/^[a-z]+$/), z.number()),
        pair: z.tuple([z.string(), z.number()]),
        both: z.object({ a: z.string() }).and(z.object({ b: z.number() })),
        maybe: z.string().optional(),
        orNull: z.number().nullable(),
        withDefault: z.number().int().default(5),
        piped: z.string().transform((s) => s.length),
        refined: z.object({ low: z.number().int(), high: z.number().int() }).refine((v) => v.low <= v.high),
      })
      .strict();
    const values = sample(arbitraryFor(schema), 300) as Record<string, unknown>[];
    expect(invalidOf(schema, values)).toEqual([]);
    expect(new Set(values.map((v) => 'maybe' in v)).size).toBe(2);
    expect(new Set(values.map((v) => v['orNull'] === null)).size).toBe(2);
    expect(new Set(values.map((v) => (v['shape'] as { type: string }).type)).size).toBe(2);
  });

  it('names a schema kind it has no generator for, with where it sits', () => {
    const schema = z.object({ outer: z.object({ when: z.date(), fn: z.custom<() => void>() }) });
    expect(() => arbitraryFor(schema)).toThrow(UnsupportedSchemaError);
    expect(() => arbitraryFor(z.object({ nothing: z.never() }))).toThrow(/never schema at nothing/);
  });

  it('offers hinted values for fields of that name', () => {
    const schema = z.object({ token: z.string().min(1), other: z.string().min(1) }).strict();
    const values = sample(arbitraryFor(schema, { hints: { token: () => ['LIVE-TOKEN'] } }), 200) as {
      token: string;
      other: string;
    }[];
    expect(values.filter((v) => v.token === 'LIVE-TOKEN').length).toBeGreaterThan(100);
    expect(values.some((v) => v.other === 'LIVE-TOKEN')).toBe(false);
  });
});

describe('the mutation layer', { timeout: 60_000 }, () => {
  it('breaks most valid inputs of a strict method, in many different ways', () => {
    const input = contract.methods['application.submit'].input;
    const values = sample(mutated(arbitraryFor(input), 'structured'), 400);
    const refused = invalidOf(input, values);
    expect(refused.length).toBeGreaterThan(values.length * 0.6);
    const messages = new Set(
      refused.map((value) => {
        const issues = input.safeParse(value).error?.issues ?? [];
        return issues[0]?.code;
      }),
    );
    expect(messages.size).toBeGreaterThanOrEqual(4);
  });

  it('keeps JSON flavoured values sendable as JSON', () => {
    const values = sample(mutated(arbitraryFor(contract.methods['assistance.request'].input), 'json'), 300);
    for (const value of values) expect(() => JSON.stringify(value)).not.toThrow();
  });
});
