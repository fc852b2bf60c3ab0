import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoBrowseState, KioskVideoRequest, PeerSignal } from '../../contract/video-help';
import { VIDEO_SOCKET_CLOSE } from '../../contract/video-help';
import { TEST_SCRYPT } from '../console/testing/console-platform';
import { findAssistanceRow, assistanceContacts, openContactNote, openClosing } from '../store/assistance-requests';
import { KIOSK_1, KIOSK_2, startTestServer, type TestServer } from '../testing/harness';
import { revokeTerminal } from '../store/fleet-kiosks';
import { relayRowCount } from './relay-store';
import { addAgent, agentOf, agentSocket, kioskSocket, kioskWithToken, type TestAgent } from './testing/video-clients';

/**
 * The video hub over real sockets (`ws` clients) against a started platform, on the engine this
 * run tests: the whole call between a kiosk and an agent, who may do what, and the end of a call.
 */

// Real servers and sockets (and PostgreSQL databases made per test): more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.cleanUp()));
});

async function platform(videoHelp: unknown = {}): Promise<TestServer> {
  const server = await startTestServer({
    videoHelp,
    videoHelpPollMs: 100,
    console: { policy: { scrypt: TEST_SCRYPT } },
    log: (level, message, fields) => {
      if (level !== 'info') console.error(level, message, fields);
    },
  });
  servers.push(server);
  return server;
}

const REQUEST: KioskVideoRequest = {
  t: 'request',
  topic: 'general',
  matter: { matterCode: 'TEST-001', matterVersion: 1, matterName: '城乡居民养老保险参保登记' },
  consent: { personalValues: false, documentCamera: false, recording: false },
  elderMode: true,
  requesterName: '张三',
};

const OFFER: PeerSignal = { kind: 'description', description: { type: 'offer', sdp: 'v=0 offer' } };
const ANSWER: PeerSignal = { kind: 'description', description: { type: 'answer', sdp: 'v=0 answer' } };

const STATE: CoBrowseState = {
  screen: 'apply',
  title: '城乡居民养老保险参保登记',
  step: { id: 'form', label: '填写信息' },
  steps: [{ id: 'form', label: '填写信息' }],
  matter: REQUEST.matter,
  fields: [
    { id: 'name', label: '姓名', value: '张三', personal: true, proposable: false },
    { id: 'village', label: '村组', value: '东村三组', personal: false, proposable: true },
  ],
  elderMode: true,
  at: '2026-03-02T10:00:00.000Z',
};

const station1Staff = (server: TestServer): Promise<TestAgent> =>
  addAgent(server.server.sql, 'stationStaff', { kind: 'station', stationId: KIOSK_1.stationId });

async function onDuty(server: TestServer, agent: TestAgent, topics: string[] = []) {
  const socket = agentOf(server.server, agent);
  expect(await socket.opened).toBe(true);
  socket.send({ t: 'duty', onDuty: true, topics });
  await socket.next('duty', (frame) => frame.onDuty);
  return socket;
}

async function queuedKiosk(server: TestServer, request: KioskVideoRequest = REQUEST, token = KIOSK_1.token) {
  const kiosk = kioskWithToken(server.server, token);
  expect(await kiosk.opened).toBe(true);
  kiosk.send(request);
  const queued = await kiosk.next('queued');
  return { kiosk, queued };
}

describe('video help: a call over both sockets', () => {
  it('queues, connects, relays both ways with masking, refuses the 高拍仪 without consent and ends with the note on the help request', async () => {
    const server = await platform();
    const { sql, sealer } = server.server;
    const staff = await station1Staff(server);
    const agent = await onDuty(server, staff);
    expect((await agent.next('queue')).calls).toEqual([]);

    const { kiosk, queued } = await queuedKiosk(server);
    expect(queued).toMatchObject({ position: 1, agentsOnDuty: 1 });
    expect(queued.callId).toMatch(/^VC-[0-9]{8}-0001$/);
    const request = await findAssistanceRow(sql, queued.requestId);
    expect(request).toMatchObject({ kind: 'video', status: 'received', stationId: KIOSK_1.stationId });

    const { calls } = await agent.next('queue', (frame) => frame.calls.length === 1);
    expect(calls[0]).toMatchObject({
      callId: queued.callId,
      requestId: queued.requestId,
      stationId: KIOSK_1.stationId,
      terminalId: KIOSK_1.id,
      topic: 'general',
      topicName: '综合咨询',
      matter: REQUEST.matter,
      elderMode: true,
    });

    agent.send({ t: 'accept', callId: queued.callId });
    const call = await agent.next('call');
    expect(call).toMatchObject({
      consent: REQUEST.consent,
      recordingAllowed: false,
      ice: { iceServers: [], iceTransportPolicy: 'all' },
    });
    const accepted = await kiosk.next('accepted');
    expect(accepted).toMatchObject({ callId: queued.callId, agentName: '王芳（帮办员）', recording: false });
    expect(await findAssistanceRow(sql, queued.requestId)).toMatchObject({
      status: 'assigned',
      assigneeName: '王芳（帮办员）',
    });
    await agent.next('queue', (frame) => frame.calls.length === 0);

    // Signalling passes through untouched, both ways.
    kiosk.send({ t: 'signal', signal: OFFER });
    expect(await agent.next('signal')).toEqual({ t: 'signal', callId: queued.callId, signal: OFFER });
    agent.send({ t: 'signal', callId: queued.callId, signal: ANSWER });
    expect(await kiosk.next('signal')).toEqual({ t: 'signal', signal: ANSWER });

    // The kiosk sent the name unmasked (a bug there); the platform masks it again.
    kiosk.send({ t: 'state', state: STATE });
    const state = await agent.next('state');
    expect(state.state.fields).toEqual([
      { id: 'name', label: '姓名', value: null, personal: true, proposable: false },
      { id: 'village', label: '村组', value: '东村三组', personal: false, proposable: true },
    ]);

    const proposal = {
      proposalId: randomUUID(),
      action: { kind: 'fillField', fieldId: 'village', label: '村组', value: '西村一组' },
    } as const;
    agent.send({ t: 'proposal', callId: queued.callId, proposal });
    expect(await kiosk.next('proposal')).toEqual({ t: 'proposal', proposal });
    kiosk.send({ t: 'proposalAnswer', proposalId: proposal.proposalId, accepted: true });
    expect(await agent.next('proposalAnswer')).toMatchObject({ proposalId: proposal.proposalId, accepted: true });

    agent.send({ t: 'documentCamera', callId: queued.callId, wanted: true });
    expect(await agent.next('documentCamera')).toEqual({
      t: 'documentCamera',
      callId: queued.callId,
      sending: false,
      reason: 'notAllowed',
    });

    kiosk.send({ t: 'firstFrame', setupMs: 850 });
    const sample = {
      at: '2026-03-02T10:00:05.000Z',
      outboundKbps: 600,
      inboundKbps: 500,
      inboundBytes: 300_000,
      packetLossPct: 2,
      rttMs: 40,
      framesDecoded: 120,
      candidateType: 'relay',
      audioOnly: false,
    } as const;
    kiosk.send({ t: 'stats', sample });
    agent.send({
      t: 'stats',
      callId: queued.callId,
      sample: { ...sample, inboundKbps: 700, packetLossPct: 0, rttMs: 60, candidateType: 'host' },
    });
    await expect
      .poll(async () => (await sql.get<{ n: number }>('SELECT quality_samples AS n FROM video_calls'))?.n)
      .toBe(2);

    agent.send({ t: 'hangUp', callId: queued.callId, note: '已指导居民完成参保登记' });
    expect(await kiosk.next('ended')).toEqual({ t: 'ended', callId: queued.callId, reason: 'agentHungUp' });
    expect(await agent.next('ended')).toEqual({ t: 'ended', callId: queued.callId, reason: 'agentHungUp' });
    expect((await kiosk.closed).code).toBe(VIDEO_SOCKET_CLOSE.ended);

    const done = await findAssistanceRow(sql, queued.requestId);
    expect(done?.status).toBe('done');
    const contacts = await assistanceContacts(sql, queued.requestId);
    expect(contacts).toMatchObject([{ channel: 'video', outcome: 'resolved' }]);
    expect(await openContactNote(sql, sealer, contacts[0]?.contactId ?? 0)).toBe('已指导居民完成参保登记');
    expect(await openClosing(sql, sealer, queued.requestId)).toEqual({ kind: 'done', note: '已指导居民完成参保登记' });
    expect(await relayRowCount(sql, queued.callId)).toBe(0);

    const row = await sql.get<Record<string, unknown>>(
      `SELECT status, end_reason, setup_ms, wait_ms, talk_ms, kiosk_inbound_kbps, agent_inbound_kbps,
         packet_loss_pct, rtt_ms, candidate_type, quality_samples, recorded FROM video_calls`,
    );
    expect(row).toMatchObject({
      status: 'ended',
      end_reason: 'agentHungUp',
      setup_ms: 850,
      kiosk_inbound_kbps: 500,
      agent_inbound_kbps: 700,
      packet_loss_pct: 1,
      rtt_ms: 50,
      candidate_type: 'relay',
      quality_samples: 2,
      recorded: 0,
    });
    expect(row?.['wait_ms']).toEqual(expect.any(Number));
    expect(row?.['talk_ms']).toEqual(expect.any(Number));

    const audit = await sql.all<{ action: string; outcome: string; detail: string | null }>(
      "SELECT action, outcome, detail FROM console_audit WHERE action LIKE 'videoCall.%' ORDER BY audit_id",
    );
    expect(audit).toEqual([
      { action: 'videoCall.accepted', outcome: 'ok', detail: null },
      { action: 'videoCall.proposal', outcome: 'ok', detail: 'fillField' },
      { action: 'videoCall.documentCamera', outcome: 'denied', detail: 'no consent' },
      { action: 'videoCall.hungUp', outcome: 'ok', detail: null },
    ]);
    agent.close();
  });

  it('answers a frame that does not parse with invalidMessage, and closes a flooding socket with 4400', async () => {
    const server = await platform();
    const kiosk = kioskWithToken(server.server, KIOSK_1.token);
    expect(await kiosk.opened).toBe(true);
    kiosk.send('not json');
    expect(await kiosk.next('error')).toMatchObject({ code: 'invalidMessage' });
    kiosk.send({ t: 'signal', signal: OFFER });
    expect(await kiosk.next('error')).toMatchObject({ code: 'noCall' });
    for (let i = 0; i < 400; i += 1) kiosk.send({ t: 'nonsense' });
    expect((await kiosk.closed).code).toBe(VIDEO_SOCKET_CLOSE.invalid);
  });
});

describe('video help: who may do what', () => {
  it('refuses a kiosk token on the agent path, a cookie on the kiosk path, a missing cookie, a wrong Origin and a revoked token', async () => {
    const server = await platform();
    const staff = await station1Staff(server);
    const s = server.server;
    const tokenAsAgent = agentSocket(s, { authorization: `Bearer ${KIOSK_1.token}`, origin: s.origin });
    expect((await tokenAsAgent.closed).code).toBe(VIDEO_SOCKET_CLOSE.forbidden);
    const cookieAsKiosk = kioskSocket(s, { cookie: staff.cookie });
    expect((await cookieAsKiosk.closed).code).toBe(VIDEO_SOCKET_CLOSE.forbidden);
    const noCookie = agentSocket(s, { origin: s.origin });
    expect((await noCookie.closed).code).toBe(VIDEO_SOCKET_CLOSE.unauthorised);
    const wrongOrigin = agentSocket(s, { cookie: staff.cookie, origin: 'http://evil.example' });
    expect((await wrongOrigin.closed).code).toBe(VIDEO_SOCKET_CLOSE.unauthorised);
    const noToken = kioskSocket(s, {});
    expect((await noToken.closed).code).toBe(VIDEO_SOCKET_CLOSE.unauthorised);
    const unknown = kioskWithToken(s, 'token-nobody-has-this-one');
    expect((await unknown.closed).code).toBe(VIDEO_SOCKET_CLOSE.unauthorised);
    await revokeTerminal(s.sql, { terminalId: KIOSK_2.id, by: 'test', reason: 'stolen' }, new Date());
    const revoked = kioskWithToken(s, KIOSK_2.token);
    expect((await revoked.closed).code).toBe(VIDEO_SOCKET_CLOSE.unauthorised);
  });

  it('refuses duty to a technician, acceptance to an agent off duty, and the call to a township admin of another township', async () => {
    const server = await platform();
    const s = server.server;
    const technician = agentOf(s, await addAgent(s.sql, 'technician', { kind: 'county' }));
    expect(await technician.opened).toBe(true);
    technician.send({ t: 'duty', onDuty: true, topics: [] });
    expect(await technician.next('duty')).toMatchObject({ onDuty: false, refused: expect.any(String) });
    expect((await technician.closed).code).toBe(VIDEO_SOCKET_CLOSE.forbidden);

    const { kiosk, queued } = await queuedKiosk(server);
    expect(queued.agentsOnDuty).toBe(0);

    const offDuty = agentOf(s, await station1Staff(server));
    expect(await offDuty.opened).toBe(true);
    offDuty.send({ t: 'accept', callId: queued.callId });
    expect(await offDuty.next('error')).toMatchObject({ code: 'notOnDuty', callId: queued.callId });

    const otherTownship = await addAgent(s.sql, 'townshipAdmin', { kind: 'township', townshipCode: '370784999' });
    const township = await onDuty(server, otherTownship);
    expect((await township.next('queue')).calls).toEqual([]);
    township.send({ t: 'accept', callId: queued.callId });
    expect(await township.next('error')).toMatchObject({ code: 'notFound' });

    // Topics: an agent who takes only 社会保障 does not see a general call.
    const socialOnly = await onDuty(server, await station1Staff(server), ['socialSecurity']);
    expect((await socialOnly.next('queue')).calls).toEqual([]);
    // Nobody who may take it is on duty, so the kiosk still hears none.
    expect(kiosk.pending().filter((frame) => frame.t === 'queue' && frame.agentsOnDuty > 0)).toEqual([]);
    const row = await s.sql.get<{ status: string }>('SELECT status FROM video_calls');
    expect(row?.status).toBe('waiting');
  });

  it('lets exactly one of two agents who accept at once take the call', async () => {
    const server = await platform();
    const first = await onDuty(server, await station1Staff(server));
    const second = await onDuty(server, await addAgent(server.server.sql, 'countyAdmin', { kind: 'county' }, '李强'));
    const { kiosk, queued } = await queuedKiosk(server);
    await first.next('queue', (frame) => frame.calls.length === 1);
    await second.next('queue', (frame) => frame.calls.length === 1);
    first.send({ t: 'accept', callId: queued.callId });
    second.send({ t: 'accept', callId: queued.callId });
    const outcomes = await Promise.all(
      [first, second].map((agent) =>
        Promise.race([
          agent.next('call').then(() => 'won' as const),
          agent.next('error', (frame) => frame.code === 'taken').then(() => 'taken' as const),
        ]),
      ),
    );
    expect(outcomes.sort()).toEqual(['taken', 'won']);
    await kiosk.next('accepted');
    const accepted = await server.server.sql.all('SELECT call_id FROM video_calls WHERE agent_user_id IS NOT NULL');
    expect(accepted).toHaveLength(1);
  });
});
