import type {
  CallEndReason,
  CoBrowseState,
  IcePlan,
  PlatformToAgentVideoMessage,
  Proposal,
  QueuedVideoCall,
  VideoConsent,
} from '../../../contract/video-help';
import type { AgentSocketStatus } from '../api/agent-socket';
import { sortQueue } from './agent-queue';
import { addProposal, answerProposal, type ProposalEntry } from './agent-proposals';

/**
 * The agent page's state, folded from the platform's frames (platform/contract/video-help.ts,
 * PlatformToAgentVideoMessage), the socket's status and what the agent did. Pure, so every rule
 * of the page is tested without a browser (agent-state.test.ts). `signal` frames carry SDP and
 * ICE for the peer connection and never enter this state.
 */

export type DocumentCameraReason = 'refusedByResident' | 'notAllowed' | 'unavailable';

export interface DocumentCameraView {
  /** The agent asked to see it (查看高拍仪) and has not stopped. */
  readonly wanted: boolean;
  /** The kiosk says the track is being sent: only then is the 高拍仪 video shown. */
  readonly sending: boolean;
  /** Why the kiosk is not sending, when it said so. */
  readonly reason: DocumentCameraReason | null;
}

export interface CallView {
  readonly call: QueuedVideoCall;
  readonly consent: VideoConsent;
  readonly ice: IcePlan;
  readonly recordingAllowed: boolean;
  /** The resident's screen as state; null until the kiosk's first `state`. */
  readonly screen: CoBrowseState | null;
  readonly proposals: readonly ProposalEntry[];
  readonly documentCamera: DocumentCameraView;
  /** The kiosk sends audio only (its `media` frame). */
  readonly remoteAudioOnly: boolean;
  /** This side fell back to audio only (the audio-only watch). */
  readonly localAudioOnly: boolean;
  readonly recording: boolean;
  /** 结束通话 sent; waiting for the platform's `ended`. */
  readonly hangingUp: boolean;
}

export type AgentNotice =
  | { readonly kind: 'taken'; readonly callId: string | null }
  | { readonly kind: 'error'; readonly code: string; readonly detail: string };

export interface AgentPageState {
  readonly socket: AgentSocketStatus;
  readonly duty: {
    /** The agent pressed 上岗 and has not pressed 下岗. */
    readonly wanted: boolean;
    /** The platform confirmed (its `duty` frame on this connection). */
    readonly onDuty: boolean;
    readonly topics: readonly string[];
    readonly refused: string | null;
  };
  readonly queue: readonly QueuedVideoCall[];
  /** 接听 sent for this call; waiting for `call` or `error taken`. */
  readonly accepting: string | null;
  readonly notice: AgentNotice | null;
  readonly call: CallView | null;
  /** The last call's end, shown in the queue view until the next call. */
  readonly ended: { readonly call: QueuedVideoCall; readonly reason: CallEndReason } | null;
}

export const INITIAL_AGENT_STATE: AgentPageState = {
  socket: { state: 'closed' },
  duty: { wanted: false, onDuty: false, topics: [], refused: null },
  queue: [],
  accepting: null,
  notice: null,
  call: null,
  ended: null,
};

export type AgentAction =
  | { readonly type: 'frame'; readonly frame: PlatformToAgentVideoMessage }
  | { readonly type: 'socket'; readonly status: AgentSocketStatus }
  | { readonly type: 'dutyRequested'; readonly onDuty: boolean; readonly topics: readonly string[] }
  | { readonly type: 'acceptSent'; readonly callId: string }
  | { readonly type: 'proposalSent'; readonly proposal: Proposal; readonly now: Date }
  | { readonly type: 'documentCameraWanted'; readonly wanted: boolean }
  | { readonly type: 'localAudioOnly'; readonly audioOnly: boolean }
  | { readonly type: 'recordingSent'; readonly on: boolean }
  | { readonly type: 'hangUpSent' }
  | { readonly type: 'dismissNotice' };

const withCall = (state: AgentPageState, callId: string, change: (call: CallView) => CallView): AgentPageState =>
  state.call && state.call.call.callId === callId ? { ...state, call: change(state.call) } : state;

function endCall(state: AgentPageState, reason: CallEndReason): AgentPageState {
  if (!state.call) return state;
  return { ...state, call: null, ended: { call: state.call.call, reason } };
}

export function agentReducer(state: AgentPageState, action: AgentAction): AgentPageState {
  switch (action.type) {
    case 'frame':
      return onFrame(state, action.frame);
    case 'socket':
      return onSocket(state, action.status);
    case 'dutyRequested':
      return {
        ...state,
        duty: { ...state.duty, wanted: action.onDuty, refused: null, onDuty: action.onDuty && state.duty.onDuty },
        queue: action.onDuty ? state.queue : [],
        notice: null,
      };
    case 'acceptSent':
      return { ...state, accepting: action.callId, notice: null, ended: null };
    case 'proposalSent':
      return state.call
        ? {
            ...state,
            call: { ...state.call, proposals: addProposal(state.call.proposals, action.proposal, action.now) },
          }
        : state;
    case 'documentCameraWanted':
      return state.call
        ? {
            ...state,
            call: {
              ...state.call,
              // Stopping hides the 高拍仪 at once; the kiosk's answer follows.
              documentCamera: action.wanted
                ? { wanted: true, sending: state.call.documentCamera.sending, reason: null }
                : { wanted: false, sending: false, reason: null },
            },
          }
        : state;
    case 'localAudioOnly':
      return state.call ? { ...state, call: { ...state.call, localAudioOnly: action.audioOnly } } : state;
    case 'recordingSent':
      return state.call ? { ...state, call: { ...state.call, recording: action.on } } : state;
    case 'hangUpSent':
      return state.call ? { ...state, call: { ...state.call, hangingUp: true } } : state;
    case 'dismissNotice':
      return { ...state, notice: null };
  }
}

function onSocket(state: AgentPageState, status: AgentSocketStatus): AgentPageState {
  const next = { ...state, socket: status };
  if (status.state === 'open') return next;
  // Without a connection the platform forgets the duty and the queue is stale: nothing to accept.
  const offline = { ...next, duty: { ...state.duty, onDuty: false }, queue: [], accepting: null };
  if (status.state === 'refused') {
    return { ...offline, duty: { ...offline.duty, wanted: false } };
  }
  // The platform closes the socket when a call ends, after its `ended`. Closed without one while
  // the agent was hanging up: the hang-up went through.
  if (status.state === 'connecting' && status.afterCallEnded && state.call) {
    return endCall(offline, state.call.hangingUp ? 'agentHungUp' : 'connectionLost');
  }
  return offline;
}

function onFrame(state: AgentPageState, frame: PlatformToAgentVideoMessage): AgentPageState {
  switch (frame.t) {
    case 'duty':
      return {
        ...state,
        duty: {
          wanted: frame.refused ? false : state.duty.wanted,
          onDuty: frame.onDuty,
          topics: frame.topics,
          refused: frame.refused ?? null,
        },
        queue: frame.onDuty ? state.queue : [],
      };
    case 'queue': {
      const queue = sortQueue(frame.calls);
      return { ...state, queue };
    }
    case 'call':
      return {
        ...state,
        accepting: null,
        notice: null,
        ended: null,
        queue: state.queue.filter((queued) => queued.callId !== frame.call.callId),
        call: {
          call: frame.call,
          consent: frame.consent,
          ice: frame.ice,
          recordingAllowed: frame.recordingAllowed,
          screen: null,
          proposals: [],
          documentCamera: { wanted: false, sending: false, reason: null },
          remoteAudioOnly: false,
          localAudioOnly: false,
          recording: false,
          hangingUp: false,
        },
      };
    case 'signal':
      return state;
    case 'state':
      return withCall(state, frame.callId, (call) => ({ ...call, screen: frame.state }));
    case 'proposalAnswer':
      return withCall(state, frame.callId, (call) => ({
        ...call,
        proposals: answerProposal(call.proposals, frame.proposalId, frame.accepted),
      }));
    case 'documentCamera':
      return withCall(state, frame.callId, (call) => ({
        ...call,
        documentCamera: {
          // A refusal ends the request: the button offers 查看高拍仪 again.
          wanted: frame.sending ? call.documentCamera.wanted : frame.reason ? false : call.documentCamera.wanted,
          sending: frame.sending,
          reason: frame.sending ? null : (frame.reason ?? null),
        },
      }));
    case 'media':
      return withCall(state, frame.callId, (call) => ({ ...call, remoteAudioOnly: frame.audioOnly }));
    case 'recording':
      return withCall(state, frame.callId, (call) => ({ ...call, recording: frame.on }));
    case 'ended': {
      const queue = state.queue.filter((queued) => queued.callId !== frame.callId);
      const accepting = state.accepting === frame.callId ? null : state.accepting;
      if (state.call && state.call.call.callId === frame.callId) {
        return { ...endCall(state, frame.reason), queue, accepting };
      }
      return { ...state, queue, accepting };
    }
    case 'error':
      return onError(state, frame);
  }
}

function onError(state: AgentPageState, frame: Extract<PlatformToAgentVideoMessage, { t: 'error' }>): AgentPageState {
  const callId = frame.callId ?? state.accepting;
  switch (frame.code) {
    case 'taken':
      return {
        ...state,
        accepting: null,
        queue: state.queue.filter((queued) => queued.callId !== callId),
        notice: { kind: 'taken', callId },
      };
    case 'recordingNotAllowed': {
      const stopped = state.call ? { ...state, call: { ...state.call, recording: false } } : state;
      return { ...stopped, notice: { kind: 'error', code: frame.code, detail: frame.detail } };
    }
    case 'notFound':
    case 'forbidden':
    case 'notOnDuty':
      return { ...state, accepting: null, notice: { kind: 'error', code: frame.code, detail: frame.detail } };
    case 'invalidMessage':
      return { ...state, notice: { kind: 'error', code: frame.code, detail: frame.detail } };
  }
}
