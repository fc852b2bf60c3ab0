import { createHash, randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleUser } from '../../contract/console/users';
import type { EnrolmentState, HeartbeatAck, TerminalEvent } from '../../contract/fleet';
import { createFleetConsoleHandlers } from '../fleet/console';
import { issueEnrolmentCode } from '../fleet/enrolment';
import { DEFAULT_FLEET_SETTINGS } from '../fleet/settings';
import { eventCount } from '../store/fleet-events';
import { findCommand, issueCommand } from '../store/fleet-commands';
import { heartbeatBody } from '../testing/bodies';
import { conformance, createTestPlatform, KIOSK_1, KIOSK_2, manualClock, type TestPlatform } from '../testing/harness';

let platform: TestPlatform;
// The OpenAPI checker is loaded once per file (seconds on a busy machine): not in a test's time.
beforeAll(() => void conformance(), 60_000);
afterEach(() => platform.close());

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

async function start(): Promise<TestPlatform> {
  clock.set('2026-03-02T10:00:00+08:00');
  platform = await createTestPlatform({ now: clock.now });
  return platform;
}

const boot = (sequence: number, eventId = randomUUID()): TerminalEvent => ({
  kind: 'boot',
  eventId,
  occurredAt: '2026-03-02T09:59:00+08:00',
  sequence,
  appVersion: '0.2.0',
});

describe('POST /api/v1/terminals/{terminalId}/events', () => {
  it('stores one event per eventId: a repeat under a new Idempotency-Key stores nothing new and gets the first receipt', async () => {
    await start();
    const path = `/api/v1/terminals/${KIOSK_1.id}/events`;
    const event = boot(1);
    const first = await platform.request('POST', path, { body: event });
    expect(first.status).toBe(201);
    clock.set('2026-03-02T10:05:00+08:00');
    const again = await platform.request('POST', path, { body: event });
    expect(again.status).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(first.json()).toEqual({ eventId: event.eventId, receivedAt: '2026-03-02T02:00:00.000Z' });
    expect(await eventCount(platform.sql, KIOSK_1.id)).toBe(1);
    expect((await platform.request('POST', path, { body: boot(2) })).status).toBe(201);
    expect(await eventCount(platform.sql, KIOSK_1.id)).toBe(2);
  });

  it('refuses an event that is not in the catalogue', async () => {
    await start();
    const response = await platform.request('POST', `/api/v1/terminals/${KIOSK_1.id}/events`, {
      body: { ...boot(1), kind: 'residentSawSomething' },
    });
    expect(response.status).toBe(422);
    expect(await eventCount(platform.sql, KIOSK_1.id)).toBe(0);
  });
});

describe('commands: delivered with the heartbeat answer, answered once', () => {
  it('hands a waiting command to the next heartbeat once, and stores its result once', async () => {
    await start();
    const issued = await issueCommand(
      platform.sql,
      { terminalId: KIOSK_1.id, request: { kind: 'selfTest' }, issuedBy: 'tech', lifetimeMinutes: 15 },
      clock.now(),
    );
    const heartbeatPath = `/api/v1/terminals/${KIOSK_1.id}/heartbeats`;
    const ack = (await platform.request('POST', heartbeatPath, { body: heartbeatBody() })).json<HeartbeatAck>();
    expect(ack.heartbeatIntervalSeconds).toBe(60);
    expect(ack.commands.map((command) => command.commandId)).toEqual([issued.commandId]);
    expect(ack.commands[0]?.expiresAt).toBe('2026-03-02T02:15:00.000Z');
    const next = (await platform.request('POST', heartbeatPath, { body: heartbeatBody() })).json<HeartbeatAck>();
    expect(next.commands).toEqual([]);
    expect((await findCommand(platform.sql, issued.commandId, clock.now()))?.state).toBe('delivered');

    const resultPath = `/api/v1/terminals/${KIOSK_1.id}/commands/${issued.commandId}/results`;
    const done = { outcome: 'done', finishedAt: '2026-03-02T10:01:00+08:00' };
    const first = await platform.request('POST', resultPath, { body: done });
    expect(first.status).toBe(201);
    clock.set('2026-03-02T10:02:00+08:00');
    const refusedLater = { outcome: 'refused', finishedAt: '2026-03-02T10:02:00+08:00', reason: 'failed' };
    const second = await platform.request('POST', resultPath, { body: refusedLater });
    expect(second.json()).toEqual(first.json());
    expect(await findCommand(platform.sql, issued.commandId, clock.now())).toMatchObject({ state: 'done' });
  });

  it('does not deliver an expired command', async () => {
    await start();
    await issueCommand(
      platform.sql,
      { terminalId: KIOSK_1.id, request: { kind: 'restartApp' }, issuedBy: 'tech', lifetimeMinutes: 15 },
      clock.now(),
    );
    clock.set('2026-03-02T10:15:00+08:00');
    const ack = await platform.request('POST', `/api/v1/terminals/${KIOSK_1.id}/heartbeats`, { body: heartbeatBody() });
    expect(ack.json<HeartbeatAck>().commands).toEqual([]);
  });

  it("answers 404 for another terminal's command and for an unknown one", async () => {
    await start();
    const theirs = await issueCommand(
      platform.sql,
      { terminalId: KIOSK_2.id, request: { kind: 'selfTest' }, issuedBy: 'tech', lifetimeMinutes: 15 },
      clock.now(),
    );
    const done = { outcome: 'done', finishedAt: '2026-03-02T10:01:00+08:00' };
    for (const commandId of [theirs.commandId, 'CMD-999']) {
      const response = await platform.request('POST', `/api/v1/terminals/${KIOSK_1.id}/commands/${commandId}/results`, {
        body: done,
      });
      expect(response.status).toBe(404);
    }
    expect((await findCommand(platform.sql, theirs.commandId, clock.now()))?.result).toBeNull();
  });
});

describe('enrolment', () => {
  const secret = 'claim-secret-of-the-new-kiosk-0123456789';
  const request = (code: string, terminalId = 'kiosk-new') => ({
    code,
    terminalId,
    appVersion: '0.2.0',
    claimSecretSha256: createHash('sha256').update(secret).digest('hex'),
  });
  const codeFor = async (validHours = 24) =>
    (
      await issueEnrolmentCode(
        platform.sql,
        { stationId: 'station-1', validHours, createdBy: 'county.admin' },
        clock.now(),
      )
    ).code;
  const poll = (enrolmentId: string, bearer = secret) =>
    platform.request('GET', `/api/v1/enrolments/${enrolmentId}`, { token: bearer });

  it('joins a kiosk: code → pending → approved → token once → collected; the token works, and stops working when revoked', async () => {
    await start();
    const code = await codeFor();
    const asked = await platform.request('POST', '/api/v1/enrolments', {
      token: null,
      idempotencyKey: null,
      body: request(code),
    });
    expect(asked.status).toBe(201);
    const pending = asked.json<EnrolmentState>();
    expect(pending).toMatchObject({ state: 'pending', stationId: 'station-1' });
    expect((await poll(pending.enrolmentId)).json()).toMatchObject({ state: 'pending' });

    const handlers = createFleetConsoleHandlers({ ...platform, fleet: DEFAULT_FLEET_SETTINGS, log: () => undefined });
    const call = { user: admin, ip: '127.0.0.1', now: clock.now(), query: undefined };
    const approved = await handlers.approveEnrolment({
      ...call,
      params: { enrolmentId: pending.enrolmentId },
      body: {},
    });
    expect(approved).toMatchObject({ ok: true, value: { state: 'approved', decidedBy: 'county.admin' } });

    const collected = (await poll(pending.enrolmentId)).json<EnrolmentState>();
    if (collected.state !== 'approved') throw new Error(`expected the token, got ${collected.state}`);
    expect((await poll(pending.enrolmentId)).json()).toEqual({
      enrolmentId: pending.enrolmentId,
      state: 'collected',
      stationId: 'station-1',
    });
    const heartbeatPath = '/api/v1/terminals/kiosk-new/heartbeats';
    const heard = await platform.request('POST', heartbeatPath, {
      token: collected.terminalToken,
      body: heartbeatBody(),
    });
    expect(heard.status).toBe(202);
    const stored = await platform.sql.get("SELECT token_sha256 FROM terminals WHERE terminal_id = 'kiosk-new'");
    expect(stored).toEqual({ token_sha256: createHash('sha256').update(collected.terminalToken).digest('hex') });

    await handlers.revokeKiosk({ ...call, params: { terminalId: 'kiosk-new' }, body: { reason: 'stolen' } });
    const refused = await platform.request('POST', heartbeatPath, {
      token: collected.terminalToken,
      body: heartbeatBody(),
    });
    expect(refused.status).toBe(401);
  });

  it('refuses a used code, an expired code and an unknown one alike; the same request again gets the same enrolment', async () => {
    await start();
    const code = await codeFor();
    const first = await platform.request('POST', '/api/v1/enrolments', { token: null, body: request(code) });
    const retry = await platform.request('POST', '/api/v1/enrolments', { token: null, body: request(code) });
    expect(retry.json()).toEqual(first.json());
    const reused = await platform.request('POST', '/api/v1/enrolments', {
      token: null,
      body: request(code, 'kiosk-other'),
    });
    expect(reused.status).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'enrolmentCodeInvalid' });

    const shortLived = await codeFor(1);
    clock.set('2026-03-02T11:00:00+08:00');
    const expired = await platform.request('POST', '/api/v1/enrolments', {
      token: null,
      body: request(shortLived, 'kiosk-late'),
    });
    expect(expired.json()).toMatchObject({ code: 'enrolmentCodeInvalid' });
    const unknown = await platform.request('POST', '/api/v1/enrolments', {
      token: null,
      body: request('ABCD-EFGH-JKMN', 'kiosk-guess'),
    });
    expect(unknown.json()).toMatchObject({ code: 'enrolmentCodeInvalid' });
  });

  it('refuses a kiosk id that is already enrolled', async () => {
    await start();
    const response = await platform.request('POST', '/api/v1/enrolments', {
      token: null,
      body: request(await codeFor(), KIOSK_1.id),
    });
    expect(response.status).toBe(409);
    expect(response.json()).toMatchObject({ code: 'terminalAlreadyEnrolled' });
  });

  it('answers 401 to a poll without the claim secret, or with another one', async () => {
    await start();
    const asked = await platform.request('POST', '/api/v1/enrolments', { token: null, body: request(await codeFor()) });
    const { enrolmentId } = asked.json<EnrolmentState>();
    expect((await poll(enrolmentId, 'not-the-claim-secret-at-all-000000')).status).toBe(401);
    expect((await platform.request('GET', `/api/v1/enrolments/${enrolmentId}`, { token: null })).status).toBe(401);
    expect((await poll('ENR-999')).status).toBe(404);
  });
});
