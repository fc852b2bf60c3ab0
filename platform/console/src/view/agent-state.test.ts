import { describe, expect, it } from 'vitest';
import { PlatformToAgentVideoMessage, type CoBrowseState, type QueuedVideoCall } from '../../../contract/video-help';
import { agentReducer, INITIAL_AGENT_STATE, type AgentAction, type AgentPageState } from './agent-state';

const call = (n: number, requestedAt: string, over: Partial<QueuedVideoCall> = {}): QueuedVideoCall => ({
  callId: `VC-20260301-000${n}`,
  requestId: `AR-20260301-000${n}`,
  stationId: '370784-JZ-DB',
  stationName: '东北村便民服务站',
  terminalId: 'KIOSK-0001',
  topic: 'socialSecurity',
  topicName: '社会保障',
  matter: null,
  elderMode: false,
  requestedAt,
  ...over,
});
const first = call(1, '2026-03-01T02:00:00.000Z');
const second = call(2, '2026-03-01T02:00:20.000Z', { elderMode: true });
const ice = { iceServers: [], iceTransportPolicy: 'all' as const };

/** Frames go through the contract first, as the socket does: a fixture the platform could not send fails here. */
const frame = (value: unknown): AgentAction => ({ type: 'frame', frame: PlatformToAgentVideoMessage.parse(value) });
const run = (actions: AgentAction[], from: AgentPageState = INITIAL_AGENT_STATE) => actions.reduce(agentReducer, from);

const onDuty = run([
  { type: 'dutyRequested', onDuty: true, topics: [] },
  { type: 'socket', status: { state: 'open' } },
  frame({ t: 'duty', onDuty: true, topics: [] }),
  frame({ t: 'queue', calls: [second, first] }),
]);
const inCall = run(
  [
    { type: 'acceptSent', callId: first.callId },
    frame({
      t: 'call',
      call: first,
      consent: { personalValues: false, documentCamera: true, recording: true },
      ice,
      recordingAllowed: true,
    }),
  ],
  onDuty,
);
const screen: CoBrowseState = {
  screen: 'apply',
  title: '填写申请表',
  step: { id: 'form', label: '填写表单' },
  steps: [{ id: 'signIn', label: '刷身份证' }],
  matter: { matterCode: 'SB-001', matterVersion: 3, matterName: '城乡居民养老保险参保登记' },
  fields: [{ id: 'name', label: '姓名', value: null, personal: true, proposable: false }],
  elderMode: false,
  at: '2026-03-01T02:01:00.000Z',
};

describe('agent page state', () => {
  it('goes on duty when the platform confirms and keeps the queue oldest first', () => {
    expect(onDuty.duty).toEqual({ wanted: true, onDuty: true, topics: [], refused: null });
    expect(onDuty.queue.map((c) => c.callId)).toEqual([first.callId, second.callId]);
  });

  it('shows a refused duty and stops wanting it', () => {
    const refused = run(
      [frame({ t: 'duty', onDuty: false, topics: [], refused: 'technicians take no calls' })],
      onDuty,
    );
    expect(refused.duty).toMatchObject({ wanted: false, onDuty: false, refused: 'technicians take no calls' });
    expect(refused.queue).toEqual([]);
  });

  it('takes the call from the queue into the call view', () => {
    expect(inCall.accepting).toBeNull();
    expect(inCall.queue.map((c) => c.callId)).toEqual([second.callId]);
    expect(inCall.call).toMatchObject({ recordingAllowed: true, screen: null, recording: false, hangingUp: false });
    expect(inCall.call?.call.callId).toBe(first.callId);
  });

  it('says another agent took it on `taken`, and drops the call from the queue', () => {
    const lost = run(
      [{ type: 'acceptSent', callId: first.callId }, frame({ t: 'error', code: 'taken', detail: 'taken' })],
      onDuty,
    );
    expect(lost.notice).toEqual({ kind: 'taken', callId: first.callId });
    expect(lost.accepting).toBeNull();
    expect(lost.call).toBeNull();
    expect(lost.queue.map((c) => c.callId)).toEqual([second.callId]);
  });

  it("folds the resident's screen, answers and media into the call, and ignores another call's frames", () => {
    const state = run(
      [
        frame({ t: 'state', callId: first.callId, state: screen }),
        frame({ t: 'state', callId: second.callId, state: { ...screen, title: '别的通话' } }),
        frame({ t: 'media', callId: first.callId, audioOnly: true }),
        { type: 'localAudioOnly', audioOnly: true },
      ],
      inCall,
    );
    expect(state.call?.screen?.title).toBe('填写申请表');
    expect(state.call?.remoteAudioOnly).toBe(true);
    expect(state.call?.localAudioOnly).toBe(true);
  });

  it('tracks proposals from sent to 同意 / 不同意', () => {
    const proposalId = '0b6f8f3e-3b7a-4c1e-9f4e-0d3c2b1a0001';
    const state = run(
      [
        {
          type: 'proposalSent',
          proposal: { proposalId, action: { kind: 'goToStep', stepId: 'signIn', label: '刷身份证' } },
          now: new Date('2026-03-01T02:02:00.000Z'),
        },
        frame({ t: 'proposalAnswer', callId: first.callId, proposalId, accepted: false }),
      ],
      inCall,
    );
    expect(state.call?.proposals.map((entry) => entry.outcome)).toEqual(['declined']);
  });

  it("shows the 高拍仪 only while the kiosk sends it, and the kiosk's refusal", () => {
    const asked = run([{ type: 'documentCameraWanted', wanted: true }], inCall);
    expect(asked.call?.documentCamera).toEqual({ wanted: true, sending: false, reason: null });
    const sending = run([frame({ t: 'documentCamera', callId: first.callId, sending: true })], asked);
    expect(sending.call?.documentCamera).toEqual({ wanted: true, sending: true, reason: null });
    const stopped = run([{ type: 'documentCameraWanted', wanted: false }], sending);
    expect(stopped.call?.documentCamera).toEqual({ wanted: false, sending: false, reason: null });
    const refused = run(
      [frame({ t: 'documentCamera', callId: first.callId, sending: false, reason: 'refusedByResident' })],
      asked,
    );
    expect(refused.call?.documentCamera).toEqual({ wanted: false, sending: false, reason: 'refusedByResident' });
  });

  it('records while on, and stops when the platform refuses', () => {
    const on = run([{ type: 'recordingSent', on: true }], inCall);
    expect(on.call?.recording).toBe(true);
    const refused = run([frame({ t: 'error', code: 'recordingNotAllowed', detail: 'no consent' })], on);
    expect(refused.call?.recording).toBe(false);
    expect(refused.notice).toMatchObject({ kind: 'error', code: 'recordingNotAllowed' });
  });

  it('ends the call on `ended` with its reason, back to the queue view', () => {
    const ended = run([frame({ t: 'ended', callId: first.callId, reason: 'residentHungUp' })], inCall);
    expect(ended.call).toBeNull();
    expect(ended.ended).toEqual({ call: first, reason: 'residentHungUp' });
    const other = run([frame({ t: 'ended', callId: second.callId, reason: 'cancelled' })], inCall);
    expect(other.call?.call.callId).toBe(first.callId);
    expect(other.queue).toEqual([]);
  });

  it('counts a socket closed after the hang-up as the hang-up, without one as a lost connection', () => {
    const closed = { type: 'socket', status: { state: 'connecting', attempt: 0, afterCallEnded: true } } as const;
    const hungUp = run([{ type: 'hangUpSent' }, closed], inCall);
    expect(hungUp.call).toBeNull();
    expect(hungUp.ended?.reason).toBe('agentHungUp');
    expect(run([closed], inCall).ended?.reason).toBe('connectionLost');
  });

  it('clears duty and queue while the connection is lost, keeping the wish to be on duty and the call', () => {
    const lost = run(
      [{ type: 'socket', status: { state: 'lost', attempt: 1, retryInMs: 1000, closeCode: 1006 } }],
      inCall,
    );
    expect(lost.duty).toMatchObject({ wanted: true, onDuty: false });
    expect(lost.queue).toEqual([]);
    expect(lost.call?.call.callId).toBe(first.callId);
  });

  it('stops wanting duty when the platform refuses the session', () => {
    const refused = run([{ type: 'socket', status: { state: 'refused', reason: 'forbidden' } }], onDuty);
    expect(refused.duty.wanted).toBe(false);
  });
});
