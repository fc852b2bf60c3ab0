import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineEvent, defineMethod } from './define';
import { createDispatcher } from './dispatcher';
import { createEventBus } from './events';
import { err, ok } from '../pure/result';
import type { CallContext, Handlers } from './types';

const testContract = {
  methods: {
    'math.divide': defineMethod({
      access: 'public',
      input: z.object({ a: z.number(), b: z.number(), places: z.number().int().min(0).default(2) }).strict(),
      output: z.object({ quotient: z.number() }),
      errors: ['divideByZero'],
      description: 'a / b',
    }),
    'bug.throws': defineMethod({ access: 'public', input: z.object({}), output: z.object({}), description: 'throws' }),
    'bug.brokenSchema': defineMethod({
      access: 'public',
      // A discriminated union with one value twice: zod refuses it only when it first parses.
      input: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('a'), on: z.literal(true) }),
        z.object({ kind: z.literal('a'), on: z.literal(false) }),
      ]),
      output: z.object({}),
      description: 'a contract bug',
    }),
    'bug.badOutput': defineMethod({
      access: 'public',
      input: z.object({}),
      output: z.object({ n: z.number() }),
      description: 'off contract',
    }),
    'secret.read': defineMethod({
      access: 'person',
      input: z.object({ which: z.enum(['a', 'b']) }).strict(),
      output: z.object({ value: z.string() }),
      description: 'a stored record of the signed-in person',
    }),
    'bug.undeclaredError': defineMethod({
      access: 'public',
      input: z.object({}),
      output: z.object({}),
      description: 'undeclared',
    }),
  },
  events: {
    'math.done': defineEvent({ payload: z.object({ count: z.number().int() }), description: 'done' }),
  },
} as const;

const ctx: CallContext = { host: 'test', requestId: 't1' };

function setup() {
  const log = { error: vi.fn() };
  const readSecret = vi.fn<Handlers<typeof testContract>['secret.read']>(() => ok({ value: 'the record' }));
  const divide = vi.fn<Handlers<typeof testContract>['math.divide']>(({ a, b, places }) =>
    b === 0 ? err({ code: 'divideByZero', message: 'b is 0' }) : ok({ quotient: Number((a / b).toFixed(places)) }),
  );
  const handlers: Handlers<typeof testContract> = {
    'math.divide': divide,
    'bug.throws': () => {
      throw new Error('secret internals');
    },
    'bug.brokenSchema': () => ok({}),
    'bug.badOutput': () => ok({ n: 'not a number' } as unknown as { n: number }),
    'bug.undeclaredError': () => err({ code: 'surprise' as never, message: 'x' }),
    'secret.read': readSecret,
  };
  return { dispatch: createDispatcher(testContract, handlers, log), log, divide, handlers, readSecret };
}

describe('createDispatcher', () => {
  it('validates input, fills defaults and returns the output', async () => {
    const { dispatch, divide } = setup();
    expect(await dispatch('math.divide', { a: 1, b: 3 }, ctx)).toEqual({ ok: true, value: { quotient: 0.33 } });
    expect(divide).toHaveBeenCalledWith({ a: 1, b: 3, places: 2 }, ctx);
  });

  it('passes a declared domain error through', async () => {
    const { dispatch } = setup();
    expect(await dispatch('math.divide', { a: 1, b: 0 }, ctx)).toEqual({
      ok: false,
      error: { code: 'divideByZero', message: 'b is 0' },
    });
  });

  it('answers invalid input with the failing paths and never calls the handler', async () => {
    const { dispatch, divide } = setup();
    const response = await dispatch('math.divide', { a: 'one', b: 2, extra: true }, ctx);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('invalidInput');
    expect(response.error.issues?.map((i) => i.path).sort()).toEqual(['(root)', 'a']);
    expect(divide).not.toHaveBeenCalled();
  });

  it.each([[undefined], [null], [42], [''], ['constructor'], ['__proto__'], ['toString'], ['x'.repeat(500)], [{}]])(
    'answers unknown method %# without throwing',
    async (method) => {
      const { dispatch } = setup();
      const response = await dispatch(method, {}, ctx);
      expect(response).toMatchObject({ ok: false, error: { code: 'unknownMethod' } });
      if (!response.ok) expect(response.error.message.length).toBeLessThan(200);
    },
  );

  it('turns a throwing handler into an internal error and logs it, without leaking internals', async () => {
    const { dispatch, log } = setup();
    const response = await dispatch('bug.throws', {}, ctx);
    expect(response).toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } });
    expect(JSON.stringify(response)).not.toContain('secret');
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'bug.throws', requestId: 't1' }),
      'handler threw',
    );
  });

  it('answers a schema that throws while parsing with an internal error instead of rejecting', async () => {
    const { dispatch, log } = setup();
    await expect(dispatch('bug.brokenSchema', { kind: 'a', on: true }, ctx)).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'internal error' },
    });
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ method: 'bug.brokenSchema', requestId: 't1' }),
      'contract schema threw',
    );
  });

  it('refuses output that breaks the contract', async () => {
    const { dispatch, log } = setup();
    expect(await dispatch('bug.badOutput', {}, ctx)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log.error).toHaveBeenCalledWith(expect.anything(), 'handler output does not match the contract');
  });

  it('refuses an error code the method did not declare', async () => {
    const { dispatch, log } = setup();
    expect(await dispatch('bug.undeclaredError', {}, ctx)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ code: 'surprise' }), expect.any(String));
  });
});

describe('createDispatcher: access', () => {
  it('declares the guard errors of each access beside the method’s own', () => {
    expect(testContract.methods['secret.read'].errors).toEqual(['notSignedIn', 'cardRequired']);
    expect(testContract.methods['math.divide'].errors).toEqual(['divideByZero']);
  });

  it('asks the guard before validating, so a refused caller learns nothing of the input shape', async () => {
    const { handlers, readSecret } = setup();
    const seen: unknown[] = [];
    const dispatch = createDispatcher(testContract, handlers, { error: vi.fn() }, (access, call) => {
      seen.push([access, call.method, call.input]);
      return access === 'person' ? { code: 'cardRequired', message: 'the card opens this' } : null;
    });
    expect(await dispatch('secret.read', { which: 'nonsense', extra: 1 }, ctx)).toEqual({
      ok: false,
      error: { code: 'cardRequired', message: 'the card opens this' },
    });
    expect(readSecret).not.toHaveBeenCalled();
    expect(await dispatch('math.divide', { a: 4, b: 2 }, ctx)).toMatchObject({ ok: true });
    expect(seen).toEqual([
      ['person', 'secret.read', { which: 'nonsense', extra: 1 }],
      ['public', 'math.divide', { a: 4, b: 2 }],
    ]);
  });

  it('lets a granted call through to validation and the handler', async () => {
    const { handlers, readSecret } = setup();
    const dispatch = createDispatcher(testContract, handlers, { error: vi.fn() }, () => null);
    expect(await dispatch('secret.read', { which: 'a' }, ctx)).toEqual({ ok: true, value: { value: 'the record' } });
    expect(await dispatch('secret.read', { which: 'c' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalidInput' },
    });
    expect(readSecret).toHaveBeenCalledTimes(1);
  });

  it('without a guard runs public methods only: a host that forgot the guard fails closed', async () => {
    const { dispatch, readSecret } = setup();
    expect(await dispatch('secret.read', { which: 'a' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch('math.divide', { a: 1, b: 1 }, ctx)).toMatchObject({ ok: true });
    expect(readSecret).not.toHaveBeenCalled();
  });

  it('treats a guard answer the method does not declare as a bug', async () => {
    const { handlers } = setup();
    const log = { error: vi.fn() };
    const dispatch = createDispatcher(testContract, handlers, log, () => ({ code: 'notAuthorised', message: 'x' }));
    expect(await dispatch('secret.read', { which: 'a' }, ctx)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'internal error' },
    });
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ code: 'notAuthorised' }), expect.any(String));
  });
});

describe('createEventBus', () => {
  it('validates payloads and isolates a failing listener', () => {
    const onListenerError = vi.fn();
    const bus = createEventBus(testContract, onListenerError);
    const good = vi.fn();
    bus.subscribe(() => {
      throw new Error('window gone');
    });
    bus.subscribe(good);
    bus.emit('math.done', { count: 3 });
    expect(good).toHaveBeenCalledWith('math.done', { count: 3 });
    expect(onListenerError).toHaveBeenCalledWith('math.done', expect.any(Error));
    expect(() => bus.emit('math.done', { count: 1.5 })).toThrow();
  });

  it('stops delivering after unsubscribe', () => {
    const bus = createEventBus(testContract, () => undefined);
    const listener = vi.fn();
    const unsubscribe = bus.subscribe(listener);
    unsubscribe();
    bus.emit('math.done', { count: 1 });
    expect(listener).not.toHaveBeenCalled();
  });
});
