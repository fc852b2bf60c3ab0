import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KioskVideoRequest, PeerSignal, VideoHelpAvailability } from '../../contract/video-help';
import { VIDEO_HELP_AVAILABILITY_PATH, VIDEO_SOCKET_CLOSE } from '../../contract/video-help';
import { TEST_SCRYPT } from '../console/testing/console-platform';
import { findAssistanceRow, listAssistanceRows, openAssistanceBody } from '../store/assistance-requests';
import { KIOSK_1, manualClock, startTestServer, type TestServer } from '../testing/harness';
import type { Clock } from '../time';
import { openRecording } from './recordings';
import { relayRowCount } from './relay-store';
import {
  addAgent,
  agentOf,
  csrfHeaders,
  kioskWithToken,
  type AgentClient,
  type TestAgent,
} from './testing/video-clients';

/**
 * The ends of a call (no answer, a lost connection, a callback instead), recording with and
 * without consent and its upload, the availability endpoint, and a call whose two sides sit on
 * two platform instances of one database.
 */

// Real servers and sockets (and PostgreSQL databases made per test): more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0).reverse()) await server.cleanUp();
});

interface PlatformOptions {
  readonly videoHelp?: unknown;
  readonly now?: Clock;
  readonly database?: TestServer;
}

async function platform(options: PlatformOptions = {}): Promise<TestServer> {
  const server = await startTestServer({
    ...('videoHelp' in options ? { videoHelp: options.videoHelp } : { videoHelp: {} }),
    videoHelpPollMs: 100,
    console: { policy: { scrypt: TEST_SCRYPT } },
    ...(options.now ? { now: options.now } : {}),
    ...(options.database ? { database: options.database.database, dataKeyFile: options.database.dataKeyFile } : {}),
  });
  servers.push(server);
  return server;
}

const request = (consent: Partial<KioskVideoRequest['consent']> = {}): KioskVideoRequest => ({
  t: 'request',
  topic: 'socialSecurity',
  matter: null,
  consent: { personalValues: false, documentCamera: false, recording: false, ...consent },
  elderMode: false,
});

const OFFER: PeerSignal = { kind: 'description', description: { type: 'offer', sdp: 'v=0 offer' } };

const staffOf = (server: TestServer): Promise<TestAgent> =>
  addAgent(server.server.sql, 'stationStaff', { kind: 'station', stationId: KIOSK_1.stationId });

async function onDuty(server: TestServer, agent: TestAgent): Promise<AgentClient> {
  const socket = agentOf(server.server, agent);
  expect(await socket.opened).toBe(true);
  socket.send({ t: 'duty', onDuty: true, topics: [] });
  await socket.next('duty');
  return socket;
}

async function queued(server: TestServer, body: KioskVideoRequest = request()) {
  const kiosk = kioskWithToken(server.server, KIOSK_1.token);
  expect(await kiosk.opened).toBe(true);
  kiosk.send(body);
  return { kiosk, queued: await kiosk.next('queued') };
}

async function connected(server: TestServer, body: KioskVideoRequest = request()) {
  const staff = await staffOf(server);
  const agent = await onDuty(server, staff);
  const call = await queued(server, body);
  agent.send({ t: 'accept', callId: call.queued.callId });
  const taken = await agent.next('call');
  await call.kiosk.next('accepted');
  return { ...call, agent, staff, taken };
}

describe('video help: how calls end', () => {
  it('ends a call nobody answers in time (noAnswer) and cancels its help request', async () => {
    const clock = manualClock('2026-03-02T10:00:00+08:00');
    const server = await platform({ now: clock.now, videoHelp: { answerWithinSeconds: 30 } });
    const { kiosk, queued: call } = await queued(server);
    clock.set('2026-03-02T10:00:29+08:00');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(kiosk.pending().filter((frame) => frame.t === 'ended')).toEqual([]);
    clock.set('2026-03-02T10:00:31+08:00');
    expect(await kiosk.next('ended')).toEqual({ t: 'ended', callId: call.callId, reason: 'noAnswer' });
    expect((await kiosk.closed).code).toBe(VIDEO_SOCKET_CLOSE.ended);
    expect(await findAssistanceRow(server.server.sql, call.requestId)).toMatchObject({ status: 'cancelled' });
    const row = await server.server.sql.get<{ wait_ms: number; end_reason: string }>(
      'SELECT wait_ms, end_reason FROM video_calls',
    );
    expect(row).toEqual({ wait_ms: 31_000, end_reason: 'noAnswer' });
  });

  it('ends a connected call when a side’s socket drops and stays away for the grace period (connectionLost)', async () => {
    const server = await platform({ videoHelp: { reconnectGraceSeconds: 1 } });
    const { kiosk, agent, queued: call } = await connected(server);
    kiosk.ws.terminate();
    const started = Date.now();
    expect(await agent.next('ended')).toEqual({ t: 'ended', callId: call.callId, reason: 'connectionLost' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    // It connected: the agent reached the resident; the request stays open for the agent to close.
    expect(await findAssistanceRow(server.server.sql, call.requestId)).toMatchObject({ status: 'inProgress' });
    expect(await relayRowCount(server.server.sql, call.callId)).toBe(0);
  });

  it('turns a waiting call into a phone callback: a new callback request, the video one cancelled', async () => {
    const server = await platform();
    const { kiosk, queued: call } = await queued(server, { ...request(), requesterName: '张三' });
    kiosk.send({ t: 'callback', phone: '13800138000' });
    expect(await kiosk.next('ended')).toEqual({ t: 'ended', callId: call.callId, reason: 'calledBack' });
    const { sql, sealer } = server.server;
    expect(await findAssistanceRow(sql, call.requestId)).toMatchObject({ kind: 'video', status: 'cancelled' });
    const callbacks = await listAssistanceRows(sql, { stationIds: null, statuses: ['received'], kind: 'callback' });
    expect(callbacks).toHaveLength(1);
    expect(await openAssistanceBody(sql, sealer, callbacks[0]?.requestId ?? '')).toMatchObject({
      kind: 'callback',
      phone: '13800138000',
      requesterName: '张三',
      stationId: KIOSK_1.stationId,
    });
  });
});

describe('video help: recording', () => {
  it('refuses recording where the county does not record, or without the resident’s consent', async () => {
    const off = await platform();
    const first = await connected(off, request({ recording: true }));
    expect(first.taken.recordingAllowed).toBe(false);
    first.agent.send({ t: 'recording', callId: first.queued.callId, on: true });
    expect(await first.agent.next('error')).toMatchObject({ code: 'recordingNotAllowed' });

    const withConsent = await platform({ videoHelp: { recording: 'withConsent' } });
    const second = await connected(withConsent, request({ recording: false }));
    second.agent.send({ t: 'recording', callId: second.queued.callId, on: true });
    expect(await second.agent.next('error')).toMatchObject({ code: 'recordingNotAllowed' });
    expect(second.kiosk.pending().filter((frame) => frame.t === 'recording')).toEqual([]);
    second.agent.send({ t: 'hangUp', callId: second.queued.callId, note: '' });
    await second.agent.next('ended');
    const upload = await fetch(
      `${withConsent.server.origin}/console/api/video-calls/${second.queued.callId}/recording`,
      {
        method: 'POST',
        headers: { ...csrfHeaders(withConsent.server, second.staff), 'content-type': 'video/webm' },
        body: new Uint8Array([1, 2, 3]),
      },
    );
    expect(upload.status).toBe(409);
  });

  it('records with consent: the kiosk is told, the call marked, the upload sealed, and purged after the service-record period', async () => {
    const clock = manualClock('2026-03-02T10:00:00+08:00');
    const server = await platform({ now: clock.now, videoHelp: { recording: 'withConsent' } });
    const call = await connected(server, request({ recording: true }));
    expect(call.taken.recordingAllowed).toBe(true);
    call.agent.send({ t: 'recording', callId: call.queued.callId, on: true });
    expect(await call.agent.next('recording')).toMatchObject({ on: true });
    expect(await call.kiosk.next('recording')).toEqual({ t: 'recording', on: true });
    call.agent.send({ t: 'hangUp', callId: call.queued.callId, note: '已录音录像' });
    await call.agent.next('ended');

    const url = `${server.server.origin}/console/api/video-calls/${call.queued.callId}/recording`;
    const webm = new Uint8Array(Buffer.from('\x1aE\xdf\xa3 a webm call recording'));
    const other = await addAgent(server.server.sql, 'countyAdmin', { kind: 'county' });
    const byOther = await fetch(url, {
      method: 'POST',
      headers: { ...csrfHeaders(server.server, other), 'content-type': 'video/webm' },
      body: webm,
    });
    expect(byOther.status).toBe(404);
    const noCsrf = await fetch(url, {
      method: 'POST',
      headers: { cookie: call.staff.cookie, origin: server.server.origin, 'content-type': 'video/webm' },
      body: webm,
    });
    expect(noCsrf.status).toBe(403);
    const wrongType = await fetch(url, {
      method: 'POST',
      headers: { ...csrfHeaders(server.server, call.staff), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(wrongType.status).toBe(415);
    const stored = await fetch(url, {
      method: 'POST',
      headers: { ...csrfHeaders(server.server, call.staff), 'content-type': 'video/webm' },
      body: webm,
    });
    expect(stored.status).toBe(201);
    expect(await stored.json()).toMatchObject({ callId: call.queued.callId, bytes: webm.byteLength });
    const { sql, sealer } = server.server;
    const raw = await sql.get<{ sealed_data: Buffer }>('SELECT sealed_data FROM video_call_recordings');
    expect(Buffer.from(raw?.sealed_data ?? []).includes(Buffer.from('a webm call recording'))).toBe(false);
    expect(new Uint8Array((await openRecording(sql, sealer, call.queued.callId)) ?? [])).toEqual(webm);
    expect(await sql.get('SELECT recorded, recording_consented_at FROM video_calls')).toMatchObject({
      recorded: 1,
      recording_consented_at: expect.any(String),
    });

    clock.set('2026-06-01T10:00:00+08:00');
    expect(await server.server.purgeExpired()).toMatchObject({ videoRecordings: 0, videoCalls: 0 });
    clock.set('2026-09-01T10:00:00+08:00');
    expect(await server.server.purgeExpired()).toMatchObject({ videoRecordings: 1, videoCalls: 1 });
    expect(await sql.get('SELECT count(*) AS count FROM video_call_recordings')).toEqual({ count: 0 });
  });
});

describe('video help: availability', () => {
  it('says off when the county runs no video help, and counts agents who may take this kiosk when it does', async () => {
    const off = await platform({ videoHelp: undefined });
    const answer = await off.request('GET', VIDEO_HELP_AVAILABILITY_PATH);
    expect(answer.json()).toEqual({ enabled: false, agentsOnDuty: 0, waiting: 0, recording: 'off' });

    const on = await platform({ videoHelp: { recording: 'withConsent' } });
    const read = async () => (await on.request('GET', VIDEO_HELP_AVAILABILITY_PATH)).json<VideoHelpAvailability>();
    expect(await read()).toEqual({ enabled: true, agentsOnDuty: 0, waiting: 0, recording: 'withConsent' });
    await onDuty(on, await staffOf(on));
    await onDuty(on, await addAgent(on.server.sql, 'townshipAdmin', { kind: 'township', townshipCode: '370784999' }));
    await queued(on);
    expect(await read()).toEqual({ enabled: true, agentsOnDuty: 1, waiting: 1, recording: 'withConsent' });
    expect((await on.request('GET', VIDEO_HELP_AVAILABILITY_PATH, { token: null })).status).toBe(401);
  });
});

describe('video help: two platform instances on one database', () => {
  it('carries the queue, the acceptance, signals and the end between a kiosk on one and an agent on the other', async () => {
    const a = await platform();
    const b = await platform({ database: a });
    const staff = await staffOf(a);
    const agent = await onDuty(b, staff);
    await agent.next('queue');
    const { kiosk, queued: call } = await queued(a);
    expect(call.agentsOnDuty).toBe(1);
    await agent.next('queue', (frame) => frame.calls.some((queuedCall) => queuedCall.callId === call.callId));
    agent.send({ t: 'accept', callId: call.callId });
    await agent.next('call');
    expect(await kiosk.next('accepted')).toMatchObject({ agentName: '王芳（帮办员）' });
    kiosk.send({ t: 'signal', signal: OFFER });
    expect(await agent.next('signal')).toMatchObject({ signal: OFFER });
    agent.send({ t: 'signal', callId: call.callId, signal: OFFER });
    expect(await kiosk.next('signal')).toEqual({ t: 'signal', signal: OFFER });
    kiosk.send({ t: 'hangUp', reason: 'residentHungUp' });
    expect(await agent.next('ended')).toEqual({ t: 'ended', callId: call.callId, reason: 'residentHungUp' });
    expect(await kiosk.next('ended')).toEqual({ t: 'ended', callId: call.callId, reason: 'residentHungUp' });
    expect(await relayRowCount(a.server.sql, call.callId)).toBe(0);
    agent.close();
  });
});
