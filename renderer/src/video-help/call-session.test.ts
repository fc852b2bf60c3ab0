import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoBrowseState, Proposal } from '../../../platform/contract/video-help';
import { QUALITY_INTERVAL_MS } from '../../../platform/webrtc/quality-step';
import { CallSession, STATE_THROTTLE_MS, type CallOffer } from './call-session';
import { fakeCallWorld, sample, settle, type FakeCallWorld } from './testing/fake-call';

const offer = (change: Partial<CallOffer> = {}): CallOffer => ({
  topic: 'socialSecurity',
  matter: { matterCode: '370784-CJ-013', matterVersion: 2, matterName: '老年优待证办理' },
  recordingAsked: false,
  media: { faceCameraLabel: 'Face', microphoneLabel: 'Mic', documentCameraLabel: 'Doc', emulated: false },
  ...change,
});

const ice = { iceServers: [{ urls: ['stun:stun.example.org:3478'] }], iceTransportPolicy: 'all' as const };
const CALL = 'VC-20261121-0001';
const REQUEST = 'AR-20261121-0001';

function proposal(id: string, action: Proposal['action']): Proposal {
  return { proposalId: id, action };
}
const P1 = '0b6f3a2e-1c4d-4e5f-8a9b-0c1d2e3f4a5b';
const P2 = '1b6f3a2e-1c4d-4e5f-8a9b-0c1d2e3f4a5b';

/** A session taken to the call: consent given, queued, accepted, media and peer up. */
async function inCall(
  world: FakeCallWorld,
  consent = { personalValues: false, documentCamera: true, recording: false },
): Promise<CallSession> {
  const session = new CallSession(world.deps);
  session.open(offer());
  await session.agree(consent, false);
  session.receive({ t: 'queued', callId: CALL, requestId: REQUEST, position: 2, agentsOnDuty: 1 });
  session.receive({ t: 'accepted', callId: CALL, agentName: '王芳（帮办员）', ice, recording: false });
  await settle();
  return session;
}

function expectNothingLeft(world: FakeCallWorld, session: CallSession) {
  expect(world.tracks.length).toBeGreaterThan(0);
  expect(world.tracks.every((track) => track.stopped)).toBe(true);
  expect(world.peers.every((peer) => peer.closed)).toBe(true);
  const view = session.getView();
  expect(view.phase === 'ended' || view.phase === 'idle').toBe(true);
  // Nothing of the call but why it ended and (after a connected call) the request to rate.
  expect(JSON.stringify(view)).not.toContain(CALL);
  expect(JSON.stringify(view)).not.toContain('王芳');
}

describe('video help call session', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("starts with the resident's choices, recording only where the county asks for it", async () => {
    const world = fakeCallWorld();
    const session = new CallSession(world.deps);
    session.open(offer());
    expect(world.api['videoHelp.start']).not.toHaveBeenCalled();
    await session.agree({ personalValues: true, documentCamera: false, recording: true }, true);
    expect(world.api['videoHelp.start']).toHaveBeenCalledWith({
      topic: 'socialSecurity',
      matter: offer().matter,
      consent: { personalValues: true, documentCamera: false, recording: false },
      elderMode: true,
    });
    expect(session.getView()).toMatchObject({ phase: 'waiting', position: null });

    const asked = new CallSession(world.deps);
    asked.open(offer({ recordingAsked: true }));
    await asked.agree({ personalValues: false, documentCamera: true, recording: true }, false);
    expect(world.api['videoHelp.start'].mock.calls[1]?.[0]).toMatchObject({
      consent: { personalValues: false, documentCamera: true, recording: true },
    });
  });

  it('returning from the consent screen sends nothing', () => {
    const world = fakeCallWorld();
    const session = new CallSession(world.deps);
    session.open(offer());
    session.decline();
    expect(session.getView().phase).toBe('idle');
    expect(world.api['videoHelp.start']).not.toHaveBeenCalled();
    expect(world.api['videoHelp.end']).not.toHaveBeenCalled();
  });

  it('shows the queue position, asks a callback while waiting, and cancels', async () => {
    const world = fakeCallWorld();
    const session = new CallSession(world.deps);
    session.open(offer());
    await session.agree({ personalValues: false, documentCamera: true, recording: false }, false);
    session.receive({ t: 'queued', callId: CALL, requestId: REQUEST, position: 3, agentsOnDuty: 2 });
    expect(session.getView()).toMatchObject({ phase: 'waiting', position: 3, agentsOnDuty: 2 });
    session.receive({ t: 'queue', position: 1, agentsOnDuty: 2 });
    expect(session.getView()).toMatchObject({ phase: 'waiting', position: 1 });

    await session.askCallback('13912345678');
    expect(world.sent('callback')).toEqual([{ t: 'callback', phone: '13912345678' }]);
    session.receive({ t: 'ended', callId: CALL, reason: 'calledBack' });
    expect(session.getView()).toMatchObject({ phase: 'ended', reason: 'calledBack', rateRef: null });

    const other = new CallSession(world.deps);
    other.open(offer());
    await other.agree({ personalValues: false, documentCamera: true, recording: false }, false);
    other.hangUp();
    expect(world.api['videoHelp.end']).toHaveBeenLastCalledWith({ reason: 'cancelled' });
    expect(other.getView()).toMatchObject({ phase: 'ended', reason: 'cancelled', rateRef: null });
  });

  it('offers a callback request after no agent answered', async () => {
    const world = fakeCallWorld();
    const session = new CallSession(world.deps);
    session.open(offer());
    await session.agree({ personalValues: false, documentCamera: true, recording: false }, false);
    session.receive({ t: 'queued', callId: CALL, requestId: REQUEST, position: 1, agentsOnDuty: 1 });
    session.receive({ t: 'ended', callId: CALL, reason: 'noAnswer' });
    expect(session.getView()).toMatchObject({ phase: 'ended', offerCallback: true, callback: 'none' });
    await session.askCallback('13912345678');
    expect(world.api['assistance.request']).toHaveBeenCalledWith({
      confirmationId: '6f1c2a4e-8b0d-4f3a-9c1e-2d5b7a9e0f11',
      kind: 'callback',
      phone: '13912345678',
      preferredTime: 'anytime',
      needs: [],
      matterCode: '370784-CJ-013',
    });
    expect(session.getView()).toMatchObject({ callback: 'sent' });
  });

  it('on accepted opens the face camera and microphone, offers as the kiosk, and relays signals both ways', async () => {
    const world = fakeCallWorld();
    const session = new CallSession(world.deps);
    session.open(offer());
    await session.agree({ personalValues: false, documentCamera: true, recording: false }, false);
    session.receive({ t: 'queued', callId: CALL, requestId: REQUEST, position: 1, agentsOnDuty: 1 });
    session.receive({ t: 'accepted', callId: CALL, agentName: '王芳（帮办员）', ice, recording: true });
    // A candidate overtaking the peer's creation is kept for it.
    const early = { kind: 'candidate' as const, candidate: null };
    session.receive({ t: 'signal', signal: early });
    await settle();

    expect(world.mediaRequests).toEqual([offer().media]);
    const [peer] = world.peers;
    expect(peer?.options.role).toBe('kiosk');
    expect(peer?.options.ice).toEqual(ice);
    expect(peer?.options.local.audio).toBe(world.tracks[0]);
    expect(peer?.started).toBe(true);
    expect(world.sent('signal')).toEqual([
      { t: 'signal', signal: { kind: 'description', description: { type: 'offer', sdp: 'v=0 offer' } } },
    ]);
    const answer = { kind: 'description' as const, description: { type: 'answer' as const, sdp: 'v=0 answer' } };
    session.receive({ t: 'signal', signal: answer });
    expect(peer?.received).toEqual([early, answer]);
    expect(session.getView()).toMatchObject({ phase: 'call', recording: true, connected: false });
  });

  it('ends with deviceLost when the face camera or microphone cannot be opened', async () => {
    const world = fakeCallWorld({ mediaFails: true });
    const session = new CallSession(world.deps);
    session.open(offer());
    await session.agree({ personalValues: false, documentCamera: true, recording: false }, false);
    session.receive({ t: 'accepted', callId: CALL, agentName: '王芳', ice, recording: false });
    await settle();
    expect(world.api['media.reportStatus']).toHaveBeenCalledWith(expect.objectContaining({ device: 'faceCamera' }));
    expect(world.api['videoHelp.end']).toHaveBeenCalledWith({ reason: 'deviceLost' });
    expect(session.getView()).toMatchObject({ phase: 'ended', reason: 'deviceLost' });
  });

  it('sends the set-up time from the tap of 同意并呼叫 to the first remote frame, once', async () => {
    const world = fakeCallWorld();
    const session = new CallSession(world.deps);
    session.open(offer());
    const agreed = session.agree({ personalValues: false, documentCamera: true, recording: false }, false);
    world.clock.now += 4_321;
    await agreed;
    session.receive({ t: 'accepted', callId: CALL, agentName: '王芳', ice, recording: false });
    await settle();
    session.remoteFrameShown();
    session.remoteFrameShown();
    expect(world.sent('firstFrame')).toEqual([{ t: 'firstFrame', setupMs: 4_321 }]);
    expect(session.getView()).toMatchObject({ connected: true });
  });

  it('sends stats every 5 s and falls back to voice only on low bandwidth, telling the agent', async () => {
    const world = fakeCallWorld();
    const session = await inCall(world);
    const peer = world.peers[0]!;
    peer.nextSample = sample({ availableOutgoingKbps: 80 });
    for (let i = 0; i < 3; i += 1) {
      await vi.advanceTimersByTimeAsync(QUALITY_INTERVAL_MS);
      await settle();
    }
    expect(world.sent('stats')).toHaveLength(3);
    expect(world.sent('stats')[0]).not.toHaveProperty('sample.availableOutgoingKbps');
    expect(peer.videoSending).toEqual([false]);
    expect(world.sent('media')).toEqual([{ t: 'media', audioOnly: true }]);
    expect(session.getView()).toMatchObject({ audioOnly: true });
    session.receive({ t: 'media', audioOnly: true });
    expect(session.getView()).toMatchObject({ agentAudioOnly: true });
  });

  it('applies a proposal only after 同意, never after 不同意, one at a time, answering either way', async () => {
    const world = fakeCallWorld();
    const session = await inCall(world);
    const applied: unknown[] = [];
    session.setProposalApplier((action) => {
      applied.push(action);
      return true;
    });
    const fill = proposal(P1, { kind: 'fillField', fieldId: 'phone', label: '联系电话', value: '13912345678' });
    const step = proposal(P2, { kind: 'goToStep', stepId: 'delivery', label: '领取方式' });
    session.receive({ t: 'proposal', proposal: fill });
    session.receive({ t: 'proposal', proposal: step });
    expect(session.getView()).toMatchObject({ proposal: fill });
    expect(applied).toEqual([]);

    session.answerProposal(false);
    expect(applied).toEqual([]);
    expect(session.getView()).toMatchObject({ proposal: step });
    session.answerProposal(true);
    expect(applied).toEqual([step.action]);
    expect(session.getView()).toMatchObject({ proposal: null });
    expect(world.sent('proposalAnswer')).toEqual([
      { t: 'proposalAnswer', proposalId: P1, accepted: false },
      { t: 'proposalAnswer', proposalId: P2, accepted: true },
    ]);
  });

  it('answers not accepted when an agreed proposal cannot be carried out on the screen shown', async () => {
    const world = fakeCallWorld();
    const session = await inCall(world);
    session.setProposalApplier(() => false);
    session.receive({
      t: 'proposal',
      proposal: proposal(P1, { kind: 'fillField', fieldId: 'gone', label: '地址', value: '东埠村' }),
    });
    session.answerProposal(true);
    expect(world.sent('proposalAnswer')).toEqual([{ t: 'proposalAnswer', proposalId: P1, accepted: false }]);
  });

  it('never opens the 高拍仪 without the consent, answering notAllowed', async () => {
    const world = fakeCallWorld();
    const session = await inCall(world, { personalValues: false, documentCamera: false, recording: false });
    session.receive({ t: 'documentCamera', wanted: true });
    expect(session.getView()).toMatchObject({ documentCamera: 'off' });
    await session.answerDocumentCamera(true);
    expect(world.documentOpens).toBe(0);
    expect(world.sent('documentCamera')).toEqual([{ t: 'documentCamera', sending: false, reason: 'notAllowed' }]);
  });

  it("opens the 高拍仪 only after the resident's 同意, and stops it when the agent is done", async () => {
    const world = fakeCallWorld();
    const session = await inCall(world);
    const peer = world.peers[0]!;
    session.receive({ t: 'documentCamera', wanted: true });
    expect(session.getView()).toMatchObject({ documentCamera: 'asking' });
    expect(world.documentOpens).toBe(0);
    await session.answerDocumentCamera(false);
    expect(world.documentOpens).toBe(0);
    expect(world.sent('documentCamera')).toEqual([
      { t: 'documentCamera', sending: false, reason: 'refusedByResident' },
    ]);

    session.receive({ t: 'documentCamera', wanted: true });
    await session.answerDocumentCamera(true);
    expect(world.documentOpens).toBe(1);
    const document = world.tracks.find((track) => track.label === 'Document Camera')!;
    expect(peer.documentTracks).toEqual([document]);
    expect(world.sent('documentCamera').at(-1)).toEqual({ t: 'documentCamera', sending: true });
    expect(session.getView()).toMatchObject({ documentCamera: 'sending' });

    session.receive({ t: 'documentCamera', wanted: false });
    await settle();
    expect(peer.documentTracks).toEqual([document, null]);
    expect(document.stopped).toBe(true);
    expect(session.getView()).toMatchObject({ documentCamera: 'off' });
  });

  it('answers unavailable when the 高拍仪 cannot be opened', async () => {
    const world = fakeCallWorld({ documentFails: true });
    const session = await inCall(world);
    session.receive({ t: 'documentCamera', wanted: true });
    await session.answerDocumentCamera(true);
    expect(world.sent('documentCamera')).toEqual([{ t: 'documentCamera', sending: false, reason: 'unavailable' }]);
  });

  it('throttles the screen state, always sending the last one', async () => {
    const world = fakeCallWorld();
    const session = await inCall(world);
    const state = (screen: string): CoBrowseState => ({
      screen,
      title: screen,
      step: null,
      steps: [],
      matter: null,
      fields: [],
      elderMode: false,
      at: '2026-11-21T08:00:00.000Z',
    });
    session.publishState(state('home'));
    await vi.advanceTimersByTimeAsync(0);
    session.publishState(state('browse'));
    session.publishState(state('guide'));
    expect(world.sent('state').map((sent) => (sent as { state: CoBrowseState }).state.screen)).toEqual(['home']);
    world.clock.now += STATE_THROTTLE_MS;
    await vi.advanceTimersByTimeAsync(STATE_THROTTLE_MS);
    expect(world.sent('state').map((sent) => (sent as { state: CoBrowseState }).state.screen)).toEqual([
      'home',
      'guide',
    ]);
  });

  it.each([
    [
      'the agent hangs up',
      (session: CallSession) => session.receive({ t: 'ended', callId: CALL, reason: 'agentHungUp' }),
    ],
    ['the link is lost', (session: CallSession) => session.receive({ t: 'link', state: 'lost' })],
    ['the resident hangs up', (session: CallSession) => session.hangUp()],
  ])('stops every track and drops the call when %s', async (_, end) => {
    const world = fakeCallWorld();
    const session = await inCall(world);
    session.receive({ t: 'documentCamera', wanted: true });
    await session.answerDocumentCamera(true);
    session.receive({
      t: 'proposal',
      proposal: proposal(P1, { kind: 'goToStep', stepId: 'form', label: '填写表格' }),
    });
    end(session);
    expect(world.tracks).toHaveLength(3);
    expectNothingLeft(world, session);
    // Stats stop with the call.
    const before = world.api['videoHelp.send'].mock.calls.length;
    await vi.advanceTimersByTimeAsync(QUALITY_INTERVAL_MS * 2);
    expect(world.api['videoHelp.send'].mock.calls.length).toBe(before);
  });

  it("ends with the resident's session, leaving no ended screen, and is safe to repeat", async () => {
    const world = fakeCallWorld();
    const session = await inCall(world);
    session.endWithSession();
    session.endWithSession();
    expect(world.api['videoHelp.end'].mock.calls).toEqual([[{ reason: 'sessionEnded' }]]);
    expect(session.getView()).toEqual({ phase: 'idle' });
    expectNothingLeft(world, session);
    // A late `ended` from the platform changes nothing.
    session.receive({ t: 'ended', callId: CALL, reason: 'sessionEnded' });
    expect(session.getView()).toEqual({ phase: 'idle' });
  });

  it('offers the rating of the help request only after a call that connected', async () => {
    const world = fakeCallWorld();
    const never = await inCall(world);
    never.receive({ t: 'ended', callId: CALL, reason: 'agentHungUp' });
    expect(never.getView()).toMatchObject({ phase: 'ended', rateRef: null });

    const connected = await inCall(world);
    world.peers.at(-1)?.options.onConnectionState?.('connected');
    expect(connected.getView()).toMatchObject({ connected: true });
    connected.receive({ t: 'ended', callId: CALL, reason: 'agentHungUp' });
    expect(connected.getView()).toMatchObject({ phase: 'ended', reason: 'agentHungUp', rateRef: REQUEST });
    connected.close();
    expect(connected.getView()).toEqual({ phase: 'idle' });
  });
});
