import fc from 'fast-check';

/**
 * The mutation layer: takes valid values (from zod-arbitrary) and breaks them the ways a buggy
 * or hostile caller would: a field removed, an unknown key added (`__proto__` among them), a value
 * of the wrong type, a string past its limit, a number out of range or not an integer, an array
 * grown past its cap, a value wrapped in an array, very deep nesting. Close-to-valid input reaches
 * further into a validator than random JSON does.
 *
 * `json` values survive JSON.stringify (what the WebSocket and HTTP carry); `structured` values
 * may also hold what Electron's IPC (structured clone) carries and JSON cannot: undefined, NaN,
 * Infinity, BigInt, Date, Map, Set, typed arrays, null-prototype objects, sparse arrays.
 */
export type Flavour = 'json' | 'structured';

/** Fresh on every use: mutations may later write into a value they inserted. */
type Make = () => unknown;

const deepArray = (depth: number): unknown => {
  let value: unknown = [];
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
};
const deepObject = (depth: number): unknown => {
  let value: unknown = {};
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
};
/** Like JSON.parse('{"__proto__": …}'): an own property named __proto__, not a prototype change. */
const ownProto = (): unknown => {
  const value: Record<string, unknown> = {};
  Object.defineProperty(value, '__proto__', {
    value: { polluted: true },
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return value;
};

const JSON_VALUES: readonly Make[] = [
  () => null,
  () => true,
  () => false,
  () => 0,
  () => -1,
  () => 1.5,
  () => 1e308,
  () => -1e308,
  () => 2 ** 53 + 2,
  () => '',
  () => ' ',
  () => '\u0000',
  () => '\ud800',
  () => '\u202e\u200b',
  () => 'A'.repeat(70_000),
  () => '张'.repeat(5_000),
  () => '<script>alert(1)</script>',
  () => '../../../../etc/passwd',
  () => "'; DROP TABLE outbox; --",
  () => '%s%n%x',
  () => 'null',
  () => '1e3',
  () => '__proto__',
  () => [],
  () => {},
  () => [null],
  () => deepArray(3_000),
  () => deepObject(3_000),
  () => ownProto(),
  () => ({ constructor: { prototype: { polluted: true } } }),
  () => ({ toString: 'x', valueOf: 1, hasOwnProperty: null }),
  () => Array.from({ length: 5_000 }, (_, i) => i),
];

const STRUCTURED_VALUES: readonly Make[] = [
  ...JSON_VALUES,
  () => undefined,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => Number.NEGATIVE_INFINITY,
  () => -0,
  () => 10n,
  () => new Date(Number.NaN),
  () => new Date(0),
  () => new Map([['a', 1]]),
  () => new Set([1, 2]),
  () => new Uint8Array([0, 255]),
  () => new ArrayBuffer(8),
  () => Object.assign(Object.create(null) as object, { a: 1 }),
  // eslint-disable-next-line no-sparse-arrays -- a sparse array is exactly the value under test
  () => [, 1],
  () => /x+/g,
  () => new Error('not a value'),
];

const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'then', 'extra', '', '0', '键'];

export type MutationKind = 'replace' | 'delete' | 'addKey' | 'stretch' | 'empty' | 'wrap' | 'retype';

export interface Mutation {
  readonly at: number;
  readonly kind: MutationKind;
  readonly make: number;
  readonly key: number;
  readonly times: number;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<MutationKind>('replace', 'delete', 'addKey', 'stretch', 'empty', 'wrap', 'retype'),
  make: fc.nat(),
  key: fc.nat(),
  times: fc.integer({ min: 1, max: 60 }),
});

/** `valid` broken by one to three mutations at random places in the value. */
export function mutated(valid: fc.Arbitrary<unknown>, flavour: Flavour = 'json'): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([value, mutations]) => mutations.reduce((current, m) => applyMutation(current, m, flavour), value));
}

/** A random value of the palette (for raw frames and bodies). */
export function nastyValue(flavour: Flavour = 'json'): fc.Arbitrary<unknown> {
  const palette = flavour === 'json' ? JSON_VALUES : STRUCTURED_VALUES;
  return fc.nat({ max: palette.length - 1 }).map((i) => palette[i]!());
}

interface Slot {
  readonly parent: Record<string, unknown> | unknown[] | null;
  readonly key: string | number;
  readonly value: unknown;
}

/** Every node of the value, the root first; a value is copied before it is changed. */
function slots(root: unknown): Slot[] {
  const out: Slot[] = [{ parent: null, key: '', value: root }];
  const visit = (value: unknown, depth: number) => {
    if (depth > 20 || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      if (value.length > 100) return;
      value.forEach((item, index) => {
        out.push({ parent: value, key: index, value: item });
        visit(item, depth + 1);
      });
      return;
    }
    if (Object.getPrototypeOf(value) !== Object.prototype) return;
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      out.push({ parent: value as Record<string, unknown>, key, value: item });
      visit(item, depth + 1);
    }
  };
  visit(root, 0);
  return out;
}

/**
 * Plain JSON-like data copied so a mutation never touches the generator's value. Only as deep as
 * `slots` looks (a mutation never lands deeper); below that the value is shared, which also keeps
 * a 3 000-deep palette value from overflowing the stack here.
 */
function copy(value: unknown, depth = 0): unknown {
  if (depth > 21) return value;
  if (Array.isArray(value)) return value.map((item) => copy(item, depth + 1));
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, {
        value: copy(item, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

export function applyMutation(value: unknown, m: Mutation, flavour: Flavour): unknown {
  const root = copy(value);
  const all = slots(root);
  const slot = all[m.at % all.length]!;
  const palette = flavour === 'json' ? JSON_VALUES : STRUCTURED_VALUES;
  const fresh = () => palette[m.make % palette.length]!();
  const replaced = mutateValue(slot.value, m, fresh);
  if (m.kind === 'delete') {
    if (slot.parent === null) return undefined;
    if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
    else delete slot.parent[slot.key as string];
    return root;
  }
  if (slot.parent === null) return replaced;
  if (Array.isArray(slot.parent)) slot.parent[slot.key as number] = replaced;
  else
    Object.defineProperty(slot.parent, slot.key, {
      value: replaced,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return root;
}

function mutateValue(value: unknown, m: Mutation, fresh: () => unknown): unknown {
  switch (m.kind) {
    case 'replace':
    case 'delete':
      return fresh();
    case 'addKey': {
      if (Array.isArray(value)) return [...value, fresh()];
      if (typeof value === 'object' && value !== null) {
        const out = { ...(value as Record<string, unknown>) };
        Object.defineProperty(out, KEYS[m.key % KEYS.length]!, {
          value: fresh(),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        return out;
      }
      return { value, [KEYS[m.key % KEYS.length]!]: fresh() };
    }
    case 'stretch':
      // Past a limit, but by a bounded amount: mutations stack, and a value that grows by a
      // factor each time soon costs more to generate and print than the code under test.
      if (typeof value === 'string') return value + (value.slice(0, 20) || 'x').repeat(m.times);
      if (typeof value === 'number') return [value + 1, value - 1, value * 1e6, value + 0.5, -value - 1][m.key % 5];
      if (Array.isArray(value)) {
        const last: unknown = value.at(-1) ?? null;
        return [...(value as unknown[]), ...Array.from({ length: m.times }, () => last)];
      }
      return fresh();
    case 'empty':
      if (typeof value === 'string') return '';
      if (typeof value === 'number') return [0, -1, -0.5][m.key % 3];
      if (Array.isArray(value)) return [];
      if (typeof value === 'object' && value !== null) return {};
      return fresh();
    case 'wrap':
      return m.key % 2 === 0 ? [value] : { value };
    case 'retype':
      if (typeof value === 'number') return String(value);
      if (typeof value === 'string') return value === '' ? 0 : Number.isNaN(Number(value)) ? [value] : Number(value);
      if (typeof value === 'boolean') return value ? 'true' : 1;
      if (value === null) return 'null';
      if (Array.isArray(value)) return Object.fromEntries(Array.from(value, (item, i) => [String(i), item]));
      try {
        return JSON.stringify(value) ?? null;
      } catch {
        return null; // BigInt, or nesting too deep to stringify
      }
  }
}
