import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../tests/helpers/test-core';
import { contract } from '../api/contract';
import type { CallContext } from '../api/types';
import { hashPin } from '../technician/pin-hash';

/**
 * Every technician method, listed from the contract (so a method added later is covered the day it
 * is declared), through the real dispatcher and the kiosk's access guard: without the live
 * session's token — none, a wrong one, one gone idle, one past the session's absolute limit, one
 * ended with 退出 — each answers `notAuthorised` and its handler never runs.
 */
const PIN = '135790';
const IDLE_MINUTES = 15;
const MAX_MINUTES = 60;
const T0 = new Date('2026-11-21T08:00:00.000Z');
const ctx: CallContext = { host: 'test', requestId: 'access' };

const technicianMethods = Object.entries(contract.methods)
  .filter(([, method]) => method.access === 'technician')
  .map(([name]) => name);

let clock: Date;
let core: ReturnType<typeof createTestCore>;

beforeAll(() => {
  core = createTestCore({
    technician: {
      pinHash: hashPin(PIN),
      lockoutMinutes: 15,
      lockoutMaxMinutes: 24 * 60,
      sessionIdleMinutes: IDLE_MINUTES,
      sessionMaxMinutes: MAX_MINUTES,
    },
    clock: () => clock,
  });
});
afterAll(async () => {
  await core.close();
});
beforeEach(() => {
  clock = T0;
});

const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function enter(): Promise<string> {
  const entered = await core.dispatch('technician.enter', { pin: PIN }, ctx);
  if (!entered.ok) throw new Error(`technician.enter: ${entered.error.code}`);
  return (entered.value as { token: string }).token;
}

const refusedAsUnauthorised = { ok: false, error: { code: 'notAuthorised' } };

/** Calls every technician method with `input` and returns those that were NOT refused as unauthorised. */
async function notRefused(input: (method: string) => unknown): Promise<string[]> {
  const through: string[] = [];
  for (const method of technicianMethods) {
    const answer = await core.dispatch(method, input(method), ctx);
    if (answer.ok || answer.error.code !== 'notAuthorised') through.push(method);
  }
  return through;
}

describe('technician methods, listed from the contract', () => {
  it('are every technician.* method but technician.enter (none is left public by mistake)', () => {
    const named = Object.keys(contract.methods).filter((name) => name.startsWith('technician.'));
    expect(technicianMethods.length).toBeGreaterThanOrEqual(10);
    expect([...technicianMethods].sort()).toEqual(named.filter((name) => name !== 'technician.enter').sort());
  });

  it('each refuses a call without a token, or with no input at all, while a session is open', async () => {
    await enter();
    for (const input of [{}, undefined, null, { token: '' }, { token: 42 }, 'token']) {
      expect(await notRefused(() => input), JSON.stringify(input)).toEqual([]);
    }
  });

  it('each refuses a token that is not the live session’s', async () => {
    const live = await enter();
    const forged = live.startsWith('A') ? `B${live.slice(1)}` : `A${live.slice(1)}`;
    expect(await notRefused(() => ({ token: forged }))).toEqual([]);
  });

  it('each refuses a token gone idle', async () => {
    const token = await enter();
    clock = minutes(IDLE_MINUTES);
    expect(await notRefused(() => ({ token }))).toEqual([]);
  });

  it('each refuses a token past the absolute limit, however busy the session was', async () => {
    const token = await enter();
    // A call every 10 minutes keeps the idle limit away …
    for (let at = 10; at < MAX_MINUTES; at += 10) {
      clock = minutes(at);
      expect((await core.dispatch('technician.overview', { token }, ctx)).ok).toBe(true);
    }
    // … but not the absolute one.
    clock = minutes(MAX_MINUTES);
    expect(await notRefused(() => ({ token }))).toEqual([]);
  });

  it('each refuses a token after 退出', async () => {
    const token = await enter();
    expect(await core.dispatch('technician.exit', { token }, ctx)).toEqual({ ok: true, value: {} });
    expect(await notRefused(() => ({ token }))).toEqual([]);
  });

  it('each lets the live token past the guard (the control: the refusals above are about the token)', async () => {
    const token = await enter();
    // Methods that need more input stop at validation; none stops at the guard. 退出 goes last.
    const ordered = [...technicianMethods.filter((m) => m !== 'technician.exit'), 'technician.exit'];
    for (const method of ordered) {
      const answer = await core.dispatch(method, { token }, ctx);
      expect(answer.ok ? 'ok' : answer.error.code, method).not.toBe('notAuthorised');
    }
  });
});

describe('technician sessions through the guard', () => {
  it('count every authorised call as activity: the idle limit slides', async () => {
    const token = await enter();
    clock = minutes(IDLE_MINUTES - 1);
    expect((await core.dispatch('technician.outbox', { token }, ctx)).ok).toBe(true);
    clock = minutes(2 * IDLE_MINUTES - 2);
    expect((await core.dispatch('technician.outbox', { token }, ctx)).ok).toBe(true);
    clock = minutes(3 * IDLE_MINUTES);
    expect(await core.dispatch('technician.outbox', { token }, ctx)).toMatchObject(refusedAsUnauthorised);
  });

  it('allow one session at a time: a new PIN entry retires the old token', async () => {
    const first = await enter();
    const second = await enter();
    expect(await core.dispatch('technician.overview', { token: first }, ctx)).toMatchObject(refusedAsUnauthorised);
    expect((await core.dispatch('technician.overview', { token: second }, ctx)).ok).toBe(true);
  });
});
