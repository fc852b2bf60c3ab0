import type { StartVideoHelpInput, VideoHelpIncoming, VideoHelpOutgoing } from '../../../core/api/video-help';
import type { MatterRef } from '../../../platform/contract/common';
import type {
  CallEndReason,
  CoBrowseState,
  HelpTopic,
  IcePlan,
  PeerSignal,
  Proposal,
  ProposalAction,
  VideoConsent,
} from '../../../platform/contract/video-help';
import { createAudioOnlyWatch, type AudioOnlyWatch } from '../../../platform/webrtc/audio-only-policy';
import { QUALITY_INTERVAL_MS, takeQualityStep } from '../../../platform/webrtc/quality-step';
import type { CallPeer, CallPeerOptions, MediaSlot } from '../../../platform/webrtc/call-peer';
import type { ApiPart } from '../api/api-part';
import type { CallMedia, CallMediaRequest, OpenCallMediaResult } from './call-media';

/**
 * One 视频帮办 call as the kiosk page lives it (docs/video-help.md), outside React so every rule
 * is tested with fakes: consent → waiting (position, callback) → the call (peer, signals both
 * ways, stats, audio-only, proposals, the 高拍仪) → ended. Core holds the platform socket; this
 * holds the media. On any end every local track is stopped and everything about the call is
 * dropped; what stays is the ended screen's reason and, for a call that connected, the help
 * request's id to rate it by.
 */

export const videoHelpMethods = [
  'videoHelp.start',
  'videoHelp.send',
  'videoHelp.end',
  'media.reportStatus',
  'assistance.request',
] as const;
export type VideoHelpApi = ApiPart<(typeof videoHelpMethods)[number]>;

/** Screen state is sent at most this often; the last change always goes out. */
export const STATE_THROTTLE_MS = 300;

export type CallPeerLike = Pick<
  CallPeer,
  'start' | 'receive' | 'setDocumentTrack' | 'setVideoSending' | 'sample' | 'close'
>;

/** The 高拍仪 opened for the agent: its one video track, and how to let it go. */
export type OpenedDocumentCamera = { readonly ok: true; readonly track: MediaStreamTrack } | { readonly ok: false };

export interface CallSessionDeps {
  readonly api: VideoHelpApi;
  readonly openMedia: (request: CallMediaRequest) => Promise<OpenCallMediaResult>;
  readonly openDocumentCamera: () => Promise<OpenedDocumentCamera>;
  readonly createPeer: (options: CallPeerOptions) => CallPeerLike;
  readonly now?: () => number;
  readonly newConfirmationId?: () => string;
}

/** What the resident is asked to agree to, and what the call is about. */
export interface CallOffer {
  readonly topic: HelpTopic;
  readonly matter: MatterRef | null;
  /** The county records with consent: the consent screen asks about recording too. */
  readonly recordingAsked: boolean;
  readonly media: CallMediaRequest;
}

export type EndedReason = CallEndReason | 'startFailed';

export type CallView =
  | { readonly phase: 'idle' }
  | { readonly phase: 'consent'; readonly offer: CallOffer; readonly starting: boolean }
  | {
      readonly phase: 'waiting';
      readonly position: number | null;
      readonly agentsOnDuty: number | null;
      readonly callbackSending: boolean;
    }
  | {
      readonly phase: 'call';
      readonly agentName: string;
      readonly recording: boolean;
      /** This side stopped sending video (measured bandwidth too low). */
      readonly audioOnly: boolean;
      /** The agent stopped sending video. */
      readonly agentAudioOnly: boolean;
      readonly self: MediaStream | null;
      readonly remote: { readonly audio: MediaStreamTrack | null; readonly face: MediaStreamTrack | null };
      /** The first proposal waiting for the resident's answer; the others queue behind it. */
      readonly proposal: Proposal | null;
      readonly documentCamera: 'off' | 'asking' | 'opening' | 'sending';
      readonly connected: boolean;
    }
  | {
      readonly phase: 'ended';
      readonly reason: EndedReason;
      /** The help request to rate (好差评, subject kind assistance): only after a call that connected. */
      readonly rateRef: string | null;
      /** No agent answered in time: the resident is offered a phone callback instead. */
      readonly offerCallback: boolean;
      /** The callback asked for after noAnswer: sending, sent, or failed. */
      readonly callback: 'none' | 'sending' | 'sent' | 'failed';
    };

interface Live {
  offer: CallOffer;
  consent: VideoConsent;
  elderMode: boolean;
  /** The tap of 同意并呼叫: set-up time runs from here to the agent's first frame. */
  tappedAt: number;
  callId: string | null;
  requestId: string | null;
  media: CallMedia | null;
  peer: CallPeerLike | null;
  /** Signals that came before the peer existed (the peer is made once the media is open). */
  earlySignals: PeerSignal[];
  document: MediaStreamTrack | null;
  proposals: Proposal[];
  statsTimer: ReturnType<typeof setInterval> | null;
  stateTimer: ReturnType<typeof setTimeout> | null;
  pendingState: CoBrowseState | null;
  lastStateSentAt: number;
  watch: AudioOnlyWatch;
  firstFrameSent: boolean;
  connected: boolean;
}

type Listener = () => void;

export class CallSession {
  private view: CallView = { phase: 'idle' };
  private live: Live | null = null;
  /** The matter of a call that ended unanswered, kept only for the callback request it offers. */
  private callbackMatter: string | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly now: () => number;
  private readonly newConfirmationId: () => string;
  private applier: (action: ProposalAction) => boolean = () => false;

  constructor(private readonly deps: CallSessionDeps) {
    this.now = deps.now ?? (() => performance.now());
    this.newConfirmationId = deps.newConfirmationId ?? (() => crypto.randomUUID());
  }

  getView = (): CallView => this.view;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** How an agreed proposal is carried out on the screen shown now; false when it cannot be. */
  setProposalApplier(applier: (action: ProposalAction) => boolean): void {
    this.applier = applier;
  }

  /** The 视频帮办 choice was tapped: the consent screen. */
  open(offer: CallOffer): void {
    if (this.live || this.view.phase === 'waiting' || this.view.phase === 'call') return;
    this.callbackMatter = null;
    this.set({ phase: 'consent', offer, starting: false });
  }

  /** 同意并呼叫 with the resident's choices. */
  async agree(consent: VideoConsent, elderMode: boolean): Promise<void> {
    const view = this.view;
    if (view.phase !== 'consent' || view.starting) return;
    const offer = view.offer;
    const checked: VideoConsent = { ...consent, recording: offer.recordingAsked && consent.recording };
    this.live = {
      offer,
      consent: checked,
      elderMode,
      tappedAt: this.now(),
      callId: null,
      requestId: null,
      media: null,
      peer: null,
      earlySignals: [],
      document: null,
      proposals: [],
      statsTimer: null,
      stateTimer: null,
      pendingState: null,
      lastStateSentAt: Number.NEGATIVE_INFINITY,
      watch: createAudioOnlyWatch(),
      firstFrameSent: false,
      connected: false,
    };
    this.set({ phase: 'consent', offer, starting: true });
    const input: StartVideoHelpInput = { topic: offer.topic, matter: offer.matter, consent: checked, elderMode };
    let started = false;
    try {
      started = (await this.deps.api['videoHelp.start'](input)).ok;
    } catch {
      started = false;
    }
    if (!this.live) return;
    if (!started) {
      this.finish('startFailed');
      return;
    }
    // `queued` may already have arrived while start was answering.
    if (this.view.phase === 'consent') {
      this.set({ phase: 'waiting', position: null, agentsOnDuty: null, callbackSending: false });
    }
  }

  /** 返回 on the consent screen: nothing was sent, nothing to end. */
  decline(): void {
    if (this.view.phase === 'consent' && !this.view.starting) this.set({ phase: 'idle' });
  }

  /** 取消 while waiting, or 挂断 in the call. */
  hangUp(): void {
    const phase = this.view.phase;
    if (!this.live) return;
    const reason = phase === 'call' ? 'residentHungUp' : 'cancelled';
    void this.deps.api['videoHelp.end']({ reason }).catch(() => undefined);
    this.finish(reason);
  }

  /**
   * The resident's visit ended (timeout, 结束办理, another card): the call ends with it and no
   * ended screen is left for the next person. Safe to call at any time.
   */
  endWithSession(): void {
    if (this.live) void this.deps.api['videoHelp.end']({ reason: 'sessionEnded' }).catch(() => undefined);
    this.drop();
    this.callbackMatter = null;
    this.set({ phase: 'idle' });
  }

  /** The ended screen was left (完成, or 评价 opened the rating). */
  close(): void {
    if (this.view.phase === 'ended' || this.view.phase === 'consent') {
      if (this.live) return;
      this.callbackMatter = null;
      this.set({ phase: 'idle' });
    }
  }

  /** While waiting: a phone callback instead (改为电话回访); the platform ends the call `calledBack`. */
  async askCallback(phone: string): Promise<void> {
    const view = this.view;
    if (view.phase === 'waiting' && this.live) {
      this.set({ ...view, callbackSending: true });
      const sent = await this.send({ t: 'callback', phone });
      if (!sent && this.view.phase === 'waiting') this.set({ ...this.view, callbackSending: false });
      return;
    }
    if (view.phase === 'ended' && view.offerCallback && view.callback !== 'sending' && view.callback !== 'sent') {
      this.set({ ...view, callback: 'sending' });
      let sent = false;
      try {
        const answer = await this.deps.api['assistance.request']({
          confirmationId: this.newConfirmationId(),
          kind: 'callback',
          phone,
          preferredTime: 'anytime',
          needs: [],
          matterCode: this.callbackMatter,
        });
        sent = answer.ok;
      } catch {
        sent = false;
      }
      const now = this.view;
      if (now.phase === 'ended') this.set({ ...now, callback: sent ? 'sent' : 'failed' });
    }
  }

  /** A frame from the platform, or core's word on the link. */
  receive(message: VideoHelpIncoming): void {
    const live = this.live;
    if (!live) return;
    switch (message.t) {
      case 'queued':
        live.callId = message.callId;
        live.requestId = message.requestId;
        this.set({
          phase: 'waiting',
          position: message.position,
          agentsOnDuty: message.agentsOnDuty,
          callbackSending: false,
        });
        return;
      case 'queue':
        if (this.view.phase === 'waiting' || this.view.phase === 'consent')
          this.set({
            phase: 'waiting',
            position: message.position,
            agentsOnDuty: message.agentsOnDuty,
            callbackSending: this.view.phase === 'waiting' && this.view.callbackSending,
          });
        return;
      case 'accepted':
        live.callId = message.callId;
        this.set({
          phase: 'call',
          agentName: message.agentName,
          recording: message.recording,
          audioOnly: false,
          agentAudioOnly: false,
          self: null,
          remote: { audio: null, face: null },
          proposal: null,
          documentCamera: 'off',
          connected: false,
        });
        void this.connect(live, message.ice);
        return;
      case 'signal':
        if (live.peer) void live.peer.receive(message.signal).catch(() => undefined);
        else live.earlySignals.push(message.signal);
        return;
      case 'proposal':
        live.proposals.push(message.proposal);
        this.updateCall({ proposal: live.proposals[0] ?? null });
        return;
      case 'documentCamera':
        if (message.wanted) this.documentWanted(live);
        else this.stopDocument(live);
        return;
      case 'media':
        this.updateCall({ agentAudioOnly: message.audioOnly });
        return;
      case 'recording':
        this.updateCall({ recording: message.on });
        return;
      case 'ended':
        this.finish(message.reason);
        return;
      case 'error':
        // Refused before the call began (no agent after all, too many calls): the call is over.
        if (message.code === 'notAvailable' || message.code === 'tooMany') {
          if (this.view.phase !== 'call') this.finish('startFailed');
        }
        return;
      case 'link':
        this.finish('connectionLost');
        return;
    }
  }

  /** The agent's first video frame is on screen: the set-up time, once per call. */
  remoteFrameShown(): void {
    const live = this.live;
    if (!live || live.firstFrameSent) return;
    live.firstFrameSent = true;
    live.connected = true;
    const setupMs = Math.min(600_000, Math.max(0, Math.round(this.now() - live.tappedAt)));
    void this.send({ t: 'firstFrame', setupMs });
    this.updateCall({ connected: true });
  }

  /** The resident's screen as state (already masked by the publisher); throttled. */
  publishState(state: CoBrowseState): void {
    const live = this.live;
    if (!live || this.view.phase !== 'call') return;
    live.pendingState = state;
    if (live.stateTimer) return;
    const wait = Math.max(0, live.lastStateSentAt + STATE_THROTTLE_MS - this.now());
    live.stateTimer = setTimeout(() => {
      live.stateTimer = null;
      const next = live.pendingState;
      live.pendingState = null;
      if (!next || this.live !== live) return;
      live.lastStateSentAt = this.now();
      void this.send({ t: 'state', state: next });
    }, wait);
  }

  /** Whether the resident agreed to show personal values (the publisher masks by it). */
  personalValuesAllowed(): boolean {
    return this.live?.consent.personalValues ?? false;
  }

  elderMode(): boolean {
    return this.live?.elderMode ?? false;
  }

  /** 同意 / 不同意 on the proposal shown. Only 同意 changes anything, and only what was proposed. */
  answerProposal(accepted: boolean): void {
    const live = this.live;
    const proposal = live?.proposals[0];
    if (!live || !proposal) return;
    live.proposals.shift();
    let applied = false;
    if (accepted) {
      try {
        applied = this.applier(proposal.action);
      } catch {
        applied = false;
      }
    }
    void this.send({ t: 'proposalAnswer', proposalId: proposal.proposalId, accepted: accepted && applied });
    this.updateCall({ proposal: live.proposals[0] ?? null });
  }

  /** The resident's answer to the agent's wish to see the 高拍仪. */
  async answerDocumentCamera(allowed: boolean): Promise<void> {
    const live = this.live;
    if (!live || this.view.phase !== 'call' || this.view.documentCamera !== 'asking') return;
    if (!allowed) {
      this.updateCall({ documentCamera: 'off' });
      void this.send({ t: 'documentCamera', sending: false, reason: 'refusedByResident' });
      return;
    }
    this.updateCall({ documentCamera: 'opening' });
    const opened = await this.deps.openDocumentCamera().catch((): OpenedDocumentCamera => ({ ok: false }));
    // The call may have ended, or the agent withdrawn the wish, while the camera opened.
    const after = this.getView();
    if (this.live !== live || after.phase !== 'call' || after.documentCamera !== 'opening') {
      if (opened.ok) opened.track.stop();
      return;
    }
    if (!opened.ok || !live.peer) {
      if (opened.ok) opened.track.stop();
      this.updateCall({ documentCamera: 'off' });
      void this.send({ t: 'documentCamera', sending: false, reason: 'unavailable' });
      return;
    }
    live.document = opened.track;
    await live.peer.setDocumentTrack(opened.track).catch(() => undefined);
    this.updateCall({ documentCamera: 'sending' });
    void this.send({ t: 'documentCamera', sending: true });
  }

  private documentWanted(live: Live): void {
    if (!live.consent.documentCamera) {
      void this.send({ t: 'documentCamera', sending: false, reason: 'notAllowed' });
      return;
    }
    if (this.view.phase === 'call' && this.view.documentCamera === 'off') this.updateCall({ documentCamera: 'asking' });
  }

  private stopDocument(live: Live): void {
    const track = live.document;
    live.document = null;
    if (track) {
      void live.peer?.setDocumentTrack(null).catch(() => undefined);
      track.stop();
    }
    this.updateCall({ documentCamera: 'off' });
  }

  private async connect(live: Live, ice: IcePlan): Promise<void> {
    const opened = await this.deps.openMedia(live.offer.media);
    for (const report of opened.reports) void this.deps.api['media.reportStatus'](report).catch(() => undefined);
    if (this.live !== live) {
      if (opened.ok) opened.media.stop();
      return;
    }
    if (!opened.ok) {
      void this.deps.api['videoHelp.end']({ reason: 'deviceLost' }).catch(() => undefined);
      this.finish('deviceLost');
      return;
    }
    live.media = opened.media;
    const remote: { audio: MediaStreamTrack | null; face: MediaStreamTrack | null } = { audio: null, face: null };
    const peer = this.deps.createPeer({
      role: 'kiosk',
      ice,
      send: (signal) => void this.send({ t: 'signal', signal }),
      local: { audio: opened.media.audio, video: opened.media.video },
      onRemoteTrack: (slot: MediaSlot, track) => {
        if (this.live !== live || slot === 'document') return;
        remote[slot] = track;
        this.updateCall({ remote: { ...remote } });
      },
      onConnectionState: (state) => {
        if (this.live !== live) return;
        if (state === 'connected') {
          live.connected = true;
          this.updateCall({ connected: true });
        }
      },
    });
    live.peer = peer;
    this.updateCall({ self: opened.media.preview });
    try {
      await peer.start();
      for (const signal of live.earlySignals.splice(0)) await peer.receive(signal);
    } catch {
      // A failed offer leaves the call without media: the agent hangs up or the link ends it.
    }
    if (this.live !== live) return;
    live.statsTimer = setInterval(() => void this.sampleStats(live), QUALITY_INTERVAL_MS);
  }

  private async sampleStats(live: Live): Promise<void> {
    const peer = live.peer;
    if (!peer || this.live !== live) return;
    let step;
    try {
      step = await takeQualityStep(peer, live.watch);
    } catch {
      return;
    }
    if (this.live !== live) return;
    void this.send({ t: 'stats', sample: step.sample });
    const audioOnly = step.audioOnly;
    if (step.changed) {
      await peer.setVideoSending(!audioOnly).catch(() => undefined);
      if (this.live !== live) return;
      void this.send({ t: 'media', audioOnly });
      this.updateCall({ audioOnly });
    }
  }

  private async send(message: VideoHelpOutgoing): Promise<boolean> {
    try {
      return (await this.deps.api['videoHelp.send'](message)).ok;
    } catch {
      return false;
    }
  }

  /** The call is over, whatever ended it: everything of it goes, the ended screen stays. */
  private finish(reason: EndedReason): void {
    const live = this.live;
    if (!live) return;
    const rateRef = live.connected ? live.requestId : null;
    const matter = live.offer.matter?.matterCode ?? null;
    this.drop();
    const offerCallback = reason === 'noAnswer';
    this.callbackMatter = offerCallback ? matter : null;
    this.set({ phase: 'ended', reason, rateRef, offerCallback, callback: 'none' });
  }

  /** Closes the peer, stops every local track (face, microphone, 高拍仪) and forgets the call. */
  private drop(): void {
    const live = this.live;
    this.live = null;
    if (!live) return;
    if (live.statsTimer) clearInterval(live.statsTimer);
    if (live.stateTimer) clearTimeout(live.stateTimer);
    live.peer?.close();
    live.media?.stop();
    live.document?.stop();
    live.proposals.length = 0;
    live.earlySignals.length = 0;
    live.pendingState = null;
    live.peer = null;
    live.media = null;
    live.document = null;
  }

  private updateCall(change: Partial<Extract<CallView, { phase: 'call' }>>): void {
    if (this.view.phase === 'call') this.set({ ...this.view, ...change });
  }

  private set(view: CallView): void {
    this.view = view;
    for (const listener of [...this.listeners]) listener();
  }
}
