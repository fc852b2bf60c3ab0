import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleUser } from '../../contract/console/users';
import type { EnrolmentState } from '../../contract/fleet';
import {
  conformance,
  createTwinPlatforms,
  manualClock,
  type TestPlatform,
  type TwinPlatforms,
} from '../testing/harness';
import { createFleetConsoleHandlers } from './console';
import { issueEnrolmentCode } from './enrolment';
import { DEFAULT_FLEET_SETTINGS } from './settings';

/**
 * Enrolment under real concurrency: many requests at once, spread over two platform instances on
 * one database (on PostgreSQL each instance has its own pool, so they really overlap). Every
 * race has exactly one winner and every loser gets the contract's refusal, never a 500.
 */

let twins: TwinPlatforms;
// The OpenAPI checker is loaded once per file (seconds on a busy machine): not in a test's time.
beforeAll(() => void conformance(), 60_000);
afterEach(() => twins.close());

const clock = manualClock('2026-03-02T10:00:00+08:00');
const admin: ConsoleUser = {
  userId: 'U-1',
  username: 'county.admin',
  displayName: '县管理员',
  role: 'countyAdmin',
  scope: { kind: 'county' },
  disabled: false,
  createdAt: '2026-01-01T00:00:00Z',
  lastLoginAt: null,
};
const MANY = 12;

const secretOf = (n: number) => `claim-secret-of-kiosk-number-${String(n).padStart(4, '0')}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const request = (code: string, terminalId: string, n: number) => ({
  code,
  terminalId,
  appVersion: '0.2.0',
  claimSecretSha256: sha256(secretOf(n)),
});

/** Instance a for even n, b for odd. */
const instance = (n: number): TestPlatform => (n % 2 === 0 ? twins.a : twins.b);
const handlersOf = (platform: TestPlatform) =>
  createFleetConsoleHandlers({ ...platform, fleet: DEFAULT_FLEET_SETTINGS, log: () => undefined });
const call = { user: admin, ip: '127.0.0.1', query: undefined, body: {} };

async function start(): Promise<string> {
  clock.set('2026-03-02T10:00:00+08:00');
  twins = await createTwinPlatforms({ now: clock.now });
  const issued = await issueEnrolmentCode(
    twins.a.sql,
    { stationId: 'station-1', validHours: 24, createdBy: 'county.admin' },
    clock.now(),
  );
  return issued.code;
}

const ask = (n: number, body: unknown) =>
  instance(n).request('POST', '/api/v1/enrolments', { token: null, idempotencyKey: null, body });
const poll = (n: number, enrolmentId: string, secret: string) =>
  instance(n).request('GET', `/api/v1/enrolments/${enrolmentId}`, { token: secret });

async function approve(enrolmentId: string) {
  const approved = await handlersOf(twins.a).approveEnrolment({ ...call, now: clock.now(), params: { enrolmentId } });
  expect(approved.ok).toBe(true);
}

describe('enrolment, many requests at once over two instances', () => {
  it('files one enrolment for one code claimed by many kiosks at once; every other one is refused as a used code', async () => {
    const code = await start();
    const answers = await Promise.all(
      Array.from({ length: MANY }, (_, n) => ask(n, request(code, `kiosk-new-${n}`, n))),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, ...Array<number>(MANY - 1).fill(422)]);
    for (const refused of answers.filter((answer) => answer.status === 422)) {
      expect(refused.json()).toMatchObject({ code: 'enrolmentCodeInvalid' });
    }
    const filed = await twins.a.sql.all('SELECT terminal_id FROM enrolments');
    const winner = answers.findIndex((answer) => answer.status === 201);
    expect(filed).toEqual([{ terminal_id: `kiosk-new-${winner}` }]);
  });

  it('answers the same request sent many times at once (a retrying kiosk) with the one same enrolment', async () => {
    const code = await start();
    const body = request(code, 'kiosk-new', 0);
    const answers = await Promise.all(Array.from({ length: MANY }, (_, n) => ask(n, body)));
    expect(answers.map((answer) => answer.status)).toEqual(Array<number>(MANY).fill(201));
    const ids = new Set(answers.map((answer) => answer.json<EnrolmentState>().enrolmentId));
    expect(ids.size).toBe(1);
    expect(await twins.a.sql.all('SELECT id FROM enrolments')).toHaveLength(1);
  });

  it('lets one of many approvals and rejections at once decide; the others are conflicts', async () => {
    const code = await start();
    const { enrolmentId } = (await ask(0, request(code, 'kiosk-new', 0))).json<EnrolmentState>();
    const decisions = await Promise.all(
      Array.from({ length: MANY }, async (_, n) => {
        const handlers = handlersOf(instance(n));
        const decision = { ...call, now: clock.now(), params: { enrolmentId } };
        return n % 3 === 0 ? await handlers.rejectEnrolment(decision) : await handlers.approveEnrolment(decision);
      }),
    );
    const taken = decisions.filter((decision) => decision.ok);
    expect(taken).toHaveLength(1);
    expect(decisions.filter((decision) => !decision.ok && decision.error.kind === 'conflict')).toHaveLength(MANY - 1);
    const state = taken[0]?.ok ? taken[0].value.state : undefined;
    expect(await twins.a.sql.all('SELECT state FROM enrolments')).toEqual([{ state }]);
  });

  it('hands the token to one of many polls at once; the others hear collected, and the terminal has that token', async () => {
    const code = await start();
    const { enrolmentId } = (await ask(0, request(code, 'kiosk-new', 0))).json<EnrolmentState>();
    await approve(enrolmentId);
    const answers = await Promise.all(Array.from({ length: MANY }, (_, n) => poll(n, enrolmentId, secretOf(0))));
    expect(answers.map((answer) => answer.status)).toEqual(Array<number>(MANY).fill(200));
    const states = answers.map((answer) => answer.json<EnrolmentState>());
    const withToken = states.filter((state) => state.state === 'approved');
    expect(withToken).toHaveLength(1);
    expect(states.filter((state) => state.state === 'collected')).toHaveLength(MANY - 1);
    const token = withToken[0]?.state === 'approved' ? withToken[0].terminalToken : '';
    expect(await twins.b.sql.all("SELECT token_sha256 FROM terminals WHERE terminal_id = 'kiosk-new'")).toEqual([
      { token_sha256: sha256(token) },
    ]);
  });

  it('gives one terminal id to one of two approved enrolments collected at once; the other stays approved and is refused', async () => {
    await start();
    const codes = [
      (await issueEnrolmentCode(twins.a.sql, { stationId: 'station-1', validHours: 24, createdBy: 'a' }, clock.now()))
        .code,
      (await issueEnrolmentCode(twins.a.sql, { stationId: 'station-2', validHours: 24, createdBy: 'a' }, clock.now()))
        .code,
    ];
    const enrolments: string[] = [];
    for (const [n, code] of codes.entries()) {
      const { enrolmentId } = (await ask(n, request(code, 'kiosk-twin', n))).json<EnrolmentState>();
      await approve(enrolmentId);
      enrolments.push(enrolmentId);
    }
    const polls = Array.from({ length: MANY }, (_, n) => poll(n, enrolments[n % 2] ?? '', secretOf(n % 2)));
    const answers = await Promise.all(polls);
    expect(answers.every((answer) => answer.status === 200 || answer.status === 409)).toBe(true);
    const tokens = answers.filter(
      (answer) => answer.status === 200 && answer.json<EnrolmentState>().state === 'approved',
    );
    expect(tokens).toHaveLength(1);
    const winner = tokens[0]?.json<EnrolmentState>().enrolmentId;
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.json()).toMatchObject({ code: 'terminalAlreadyEnrolled' });
    }
    const rows = await twins.a.sql.all<{ id: number; state: string }>('SELECT id, state FROM enrolments ORDER BY id');
    expect(rows.map((row) => [`ENR-${row.id}`, row.state])).toEqual(
      enrolments.map((id) => [id, id === winner ? 'collected' : 'approved']),
    );
    expect(await twins.a.sql.all("SELECT terminal_id FROM terminals WHERE terminal_id = 'kiosk-twin'")).toHaveLength(1);
  });
});
