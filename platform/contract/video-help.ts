import { z } from 'zod';
import { AssistanceRequestId } from './assistance';
import { IsoDateTime, MatterRef, PhoneNumber, StationId, TerminalId } from './common';

/**
 * 远程视频帮办 (docs/video-help.md): a resident at a kiosk talks face to face with a county agent.
 * Media flows browser to browser (RTCPeerConnection, STUN/TURN from the platform's config); what
 * is defined here is everything else, carried as JSON text frames over two WebSockets on the
 * platform:
 *
 * - the kiosk's, `VIDEO_HELP_KIOSK_SOCKET_PATH`, opened by kiosk core with the terminal's bearer
 *   token (the renderer never holds the token; core relays);
 * - the agent's, `VIDEO_HELP_AGENT_SOCKET_PATH`, opened by the county console with its session
 *   cookie (Origin checked: a WebSocket is not covered by SameSite or CSRF headers).
 *
 * The platform routes every frame between the two sides of a call, whichever instance each
 * socket is connected to, and is the only place that decides: who may take a call, what the
 * agent may see (personal values masked again server-side unless the resident allowed them), and
 * when a call has ended. Nothing here carries pixels of the resident's screen: co-browsing is by
 * state (`CoBrowseState`).
 */

export const VIDEO_HELP_KIOSK_SOCKET_PATH = '/api/v1/video-help/signal';
export const VIDEO_HELP_AGENT_SOCKET_PATH = '/console/api/video-help/signal';
/** Terminal endpoint (bearer token): whether to offer 视频帮办 now. */
export const VIDEO_HELP_AVAILABILITY_PATH = '/api/v1/video-help/availability';

/** 视频帮办 call number, `VC-<yyyymmdd>-<sequence>` (China Standard Time day, like AR- requests). */
export const VideoCallId = z.string().regex(/^VC-[0-9]{8}-[0-9]{4,}$/, 'VC-<yyyymmdd>-<sequence>');
export type VideoCallId = z.infer<typeof VideoCallId>;

/**
 * What the call is about, for routing: the catalog theme (主题) id of the matter the resident had
 * open (its first theme), or `general` when none. Agents take the topics they know.
 */
export const HelpTopic = z.string().regex(/^(general|[a-z][a-zA-Z0-9]{1,39})$/, 'a theme id or "general"');
export type HelpTopic = z.infer<typeof HelpTopic>;

/**
 * What the resident agreed to by a tap before the call. Seeing the screen's state (which screen,
 * step and matter; field names; non-personal values) is what the call is; it is always shown on
 * the consent screen and needs no choice. The rest is each resident's choice.
 */
export const VideoConsent = z
  .strictObject({
    /** The agent sees personal values (name, ID number, phone, address) unmasked. Default false. */
    personalValues: z.boolean(),
    /** The agent may ask to see the 高拍仪; each request still shows on the kiosk and can be refused. */
    documentCamera: z.boolean(),
    /**
     * Recording of this call, asked only where the county enabled recording
     * (`VideoHelpPolicy.recording === 'withConsent'`); false otherwise. No consent: no recording.
     */
    recording: z.boolean(),
  })
  .meta({ id: 'VideoConsent', description: 'What the resident allowed the agent to see, and recording.' });
export type VideoConsent = z.infer<typeof VideoConsent>;

/** One ICE server as RTCPeerConnection takes it. TURN credentials are short-lived (coturn REST auth). */
export const IceServer = z.strictObject({
  urls: z.array(z.string().regex(/^(stun|stuns|turn|turns):/)).min(1),
  username: z.string().max(200).optional(),
  credential: z.string().max(200).optional(),
});
export type IceServer = z.infer<typeof IceServer>;

/** How both peers connect: from the platform's config (docs/video-help.md §TURN). */
export const IcePlan = z.strictObject({
  iceServers: z.array(IceServer),
  /** 'relay' forces TURN (a county whose kiosks sit behind strict NAT; the relay test). */
  iceTransportPolicy: z.enum(['all', 'relay']),
});
export type IcePlan = z.infer<typeof IcePlan>;

/** SDP and ICE, passed through untouched between the two browsers. */
export const PeerSignal = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('description'),
    description: z.strictObject({ type: z.enum(['offer', 'answer', 'rollback']), sdp: z.string().max(20_000) }),
  }),
  z.strictObject({
    kind: z.literal('candidate'),
    /** null: end of candidates. */
    candidate: z
      .strictObject({
        candidate: z.string().max(1_000),
        sdpMid: z.string().max(64).nullable(),
        sdpMLineIndex: z.number().int().min(0).max(64).nullable(),
        usernameFragment: z.string().max(256).nullable().optional(),
      })
      .nullable(),
  }),
]);
export type PeerSignal = z.infer<typeof PeerSignal>;

/**
 * One form field as the agent sees it. `value` is null when masked: the kiosk masks personal
 * values unless `VideoConsent.personalValues`, and the platform masks them again before relaying.
 */
export const CoBrowseField = z.strictObject({
  id: z.string().min(1).max(64),
  label: z.string().min(1).max(64),
  value: z.string().max(300).nullable(),
  personal: z.boolean(),
  /** The agent may propose a value for it (not for what the ID card filled). */
  proposable: z.boolean(),
});
export type CoBrowseField = z.infer<typeof CoBrowseField>;

export const CoBrowseStep = z.strictObject({ id: z.string().min(1).max(64), label: z.string().min(1).max(64) });

/** The resident's screen, as state: never pixels, never a DOM stream. */
export const CoBrowseState = z
  .strictObject({
    /** The screen's id (home, guide, apply, ticket, …) and its title as shown. */
    screen: z.string().min(1).max(64),
    title: z.string().max(120),
    /** The journey step, when the screen is a journey (apply: sign-in, form, materials, …). */
    step: CoBrowseStep.nullable(),
    /** Steps the agent may propose to go to (those the journey allows going back or on to now). */
    steps: z.array(CoBrowseStep).max(20),
    matter: MatterRef.nullable(),
    fields: z.array(CoBrowseField).max(80),
    /** 长辈版: the agent speaks slower and proposes less at a time. */
    elderMode: z.boolean(),
    at: IsoDateTime,
  })
  .meta({ id: 'CoBrowseState', description: "The resident's screen as state, masked." });
export type CoBrowseState = z.infer<typeof CoBrowseState>;

/** What an agent may propose. Nothing changes on the kiosk without the resident's 同意. */
export const ProposalAction = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('openMatter'),
    matterCode: MatterRef.shape.matterCode,
    matterName: MatterRef.shape.matterName,
  }),
  z.strictObject({
    kind: z.literal('fillField'),
    fieldId: CoBrowseField.shape.id,
    label: CoBrowseField.shape.label,
    value: z.string().trim().min(1).max(300),
  }),
  z.strictObject({ kind: z.literal('goToStep'), stepId: CoBrowseStep.shape.id, label: CoBrowseStep.shape.label }),
]);
export type ProposalAction = z.infer<typeof ProposalAction>;

export const Proposal = z.strictObject({ proposalId: z.uuid(), action: ProposalAction });
export type Proposal = z.infer<typeof Proposal>;

/**
 * One side's getStats() summary over the last interval (sent every 5 s while connected). The
 * platform keeps per-call aggregates for the statistics pages and the fleet console.
 */
export const CallQualitySample = z.strictObject({
  at: IsoDateTime,
  /** Sum over outbound-rtp of bytesSent growth ÷ interval. */
  outboundKbps: z.number().min(0).max(100_000),
  inboundKbps: z.number().min(0).max(100_000),
  /** Cumulative inbound bytes (the e2e test watches this grow). */
  inboundBytes: z.number().int().min(0),
  /** packetsLost ÷ (packetsReceived + packetsLost) over the interval, inbound, percent. */
  packetLossPct: z.number().min(0).max(100),
  /** The selected candidate pair's currentRoundTripTime, ms; null before one is selected. */
  rttMs: z.number().min(0).max(60_000).nullable(),
  framesDecoded: z.number().int().min(0),
  /** The local candidate type of the selected pair: 'relay' when through TURN. */
  candidateType: z.enum(['host', 'srflx', 'prflx', 'relay']).nullable(),
  audioOnly: z.boolean(),
});
export type CallQualitySample = z.infer<typeof CallQualitySample>;

export const CallEndReason = z
  .enum([
    'residentHungUp',
    'agentHungUp',
    /** The resident's visit ended (timeout, card of another person, 结束办理) during the call. */
    'sessionEnded',
    /** While waiting, the resident chose a phone callback instead. */
    'calledBack',
    /** The resident left the queue before an agent answered. */
    'cancelled',
    /** No agent answered within the platform's limit; the resident was offered a callback. */
    'noAnswer',
    /** A side's socket went away and did not come back within the grace period. */
    'connectionLost',
    /** The kiosk could not open its face camera or microphone. */
    'deviceLost',
  ])
  .meta({ id: 'CallEndReason', description: 'Why a video call ended.' });
export type CallEndReason = z.infer<typeof CallEndReason>;

/** Audio-only fallback: each side tells the other when it stopped or restarted sending video. */
const Media = z.strictObject({ t: z.literal('media'), audioOnly: z.boolean() });

// ———— kiosk core ⇄ platform ————

/** The kiosk's first frame: join the queue. The platform creates the help request (kind 'video'). */
export const KioskVideoRequest = z.strictObject({
  t: z.literal('request'),
  topic: HelpTopic,
  matter: MatterRef.nullable(),
  consent: VideoConsent,
  elderMode: z.boolean(),
  /** The signed-in resident's name as staff should address them (masked form is fine). */
  requesterName: z.string().trim().min(1).max(64).optional(),
});
export type KioskVideoRequest = z.infer<typeof KioskVideoRequest>;

/** Every frame the kiosk sends after its request. */
export const KioskCallMessage = z.discriminatedUnion('t', [
  /** While waiting: a phone callback instead; ends the call with reason 'calledBack'. */
  z.strictObject({ t: z.literal('callback'), phone: PhoneNumber }),
  z.strictObject({ t: z.literal('signal'), signal: PeerSignal }),
  z.strictObject({ t: z.literal('state'), state: CoBrowseState }),
  z.strictObject({ t: z.literal('proposalAnswer'), proposalId: z.uuid(), accepted: z.boolean() }),
  /** The 高拍仪 track: sending or not, and why not when asked. */
  z.strictObject({
    t: z.literal('documentCamera'),
    sending: z.boolean(),
    reason: z.enum(['refusedByResident', 'notAllowed', 'unavailable']).optional(),
  }),
  /** The kiosk saw the agent's first video frame: the call's set-up time ends here. */
  z.strictObject({ t: z.literal('firstFrame'), setupMs: z.number().int().min(0).max(600_000) }),
  Media,
  z.strictObject({ t: z.literal('stats'), sample: CallQualitySample }),
  z.strictObject({
    t: z.literal('hangUp'),
    reason: z.enum(['residentHungUp', 'sessionEnded', 'cancelled', 'deviceLost']),
  }),
]);
export type KioskCallMessage = z.infer<typeof KioskCallMessage>;

export const KioskVideoMessage = z.union([KioskVideoRequest, KioskCallMessage]);
export type KioskVideoMessage = z.infer<typeof KioskVideoMessage>;

export const PlatformToKioskVideoMessage = z.discriminatedUnion('t', [
  z.strictObject({
    t: z.literal('queued'),
    callId: VideoCallId,
    requestId: AssistanceRequestId,
    /** 1 = next. */
    position: z.number().int().min(1),
    agentsOnDuty: z.number().int().min(0),
  }),
  z.strictObject({ t: z.literal('queue'), position: z.number().int().min(1), agentsOnDuty: z.number().int().min(0) }),
  /** An agent took the call: the kiosk makes the offer with these ICE servers. */
  z.strictObject({
    t: z.literal('accepted'),
    callId: VideoCallId,
    /** As the resident hears it, e.g. 王芳（帮办员）. */
    agentName: z.string().min(1).max(40),
    ice: IcePlan,
    /** True only when the county records and the resident consented: the notice shows throughout. */
    recording: z.boolean(),
  }),
  z.strictObject({ t: z.literal('signal'), signal: PeerSignal }),
  z.strictObject({ t: z.literal('proposal'), proposal: Proposal }),
  /** The agent asks (wanted) or no longer needs the 高拍仪 track. */
  z.strictObject({ t: z.literal('documentCamera'), wanted: z.boolean() }),
  Media,
  z.strictObject({ t: z.literal('recording'), on: z.boolean() }),
  z.strictObject({ t: z.literal('ended'), callId: VideoCallId, reason: CallEndReason }),
  z.strictObject({
    t: z.literal('error'),
    code: z.enum(['invalidMessage', 'notAvailable', 'noCall', 'tooMany']),
    detail: z.string().max(300),
  }),
]);
export type PlatformToKioskVideoMessage = z.infer<typeof PlatformToKioskVideoMessage>;

// ———— agent console ⇄ platform ————

export const AgentVideoMessage = z.discriminatedUnion('t', [
  /** On or off duty; on duty lasts while this socket is open. Empty topics: every topic. */
  z.strictObject({ t: z.literal('duty'), onDuty: z.boolean(), topics: z.array(HelpTopic).max(40) }),
  z.strictObject({ t: z.literal('accept'), callId: VideoCallId }),
  z.strictObject({ t: z.literal('signal'), callId: VideoCallId, signal: PeerSignal }),
  z.strictObject({ t: z.literal('proposal'), callId: VideoCallId, proposal: Proposal }),
  z.strictObject({ t: z.literal('documentCamera'), callId: VideoCallId, wanted: z.boolean() }),
  z.strictObject({ t: z.literal('media'), callId: VideoCallId, audioOnly: z.boolean() }),
  /** Start or stop recording; refused unless the county records and the resident consented. */
  z.strictObject({ t: z.literal('recording'), callId: VideoCallId, on: z.boolean() }),
  z.strictObject({ t: z.literal('stats'), callId: VideoCallId, sample: CallQualitySample }),
  /** The agent ends the call; the note goes into the help request's history (channel 'video'). */
  z.strictObject({ t: z.literal('hangUp'), callId: VideoCallId, note: z.string().trim().max(500) }),
]);
export type AgentVideoMessage = z.infer<typeof AgentVideoMessage>;

/** A call waiting for an agent, as agents who may take it see it. */
export const QueuedVideoCall = z.strictObject({
  callId: VideoCallId,
  requestId: AssistanceRequestId,
  stationId: StationId,
  stationName: z.string().max(64),
  terminalId: TerminalId,
  topic: HelpTopic,
  /** The topic's name (the theme's, or 综合咨询 for general). */
  topicName: z.string().max(64),
  matter: MatterRef.nullable(),
  elderMode: z.boolean(),
  requestedAt: IsoDateTime,
});
export type QueuedVideoCall = z.infer<typeof QueuedVideoCall>;

export const PlatformToAgentVideoMessage = z.discriminatedUnion('t', [
  z.strictObject({
    t: z.literal('duty'),
    onDuty: z.boolean(),
    topics: z.array(HelpTopic),
    /** Why going on duty was refused (the role cannot take calls). */
    refused: z.string().max(200).optional(),
  }),
  /** The calls this agent may take, oldest first; sent on every change while on duty. */
  z.strictObject({ t: z.literal('queue'), calls: z.array(QueuedVideoCall) }),
  /** This agent took the call: wait for the kiosk's offer, answer with these ICE servers. */
  z.strictObject({
    t: z.literal('call'),
    call: QueuedVideoCall,
    consent: VideoConsent,
    ice: IcePlan,
    /** The county's policy: whether this call may be recorded (consent given and recording enabled). */
    recordingAllowed: z.boolean(),
  }),
  z.strictObject({ t: z.literal('signal'), callId: VideoCallId, signal: PeerSignal }),
  z.strictObject({ t: z.literal('state'), callId: VideoCallId, state: CoBrowseState }),
  z.strictObject({
    t: z.literal('proposalAnswer'),
    callId: VideoCallId,
    proposalId: z.uuid(),
    accepted: z.boolean(),
  }),
  z.strictObject({
    t: z.literal('documentCamera'),
    callId: VideoCallId,
    sending: z.boolean(),
    reason: z.enum(['refusedByResident', 'notAllowed', 'unavailable']).optional(),
  }),
  z.strictObject({ t: z.literal('media'), callId: VideoCallId, audioOnly: z.boolean() }),
  z.strictObject({ t: z.literal('recording'), callId: VideoCallId, on: z.boolean() }),
  z.strictObject({ t: z.literal('ended'), callId: VideoCallId, reason: CallEndReason }),
  z.strictObject({
    t: z.literal('error'),
    code: z.enum(['invalidMessage', 'notOnDuty', 'notFound', 'taken', 'forbidden', 'recordingNotAllowed']),
    detail: z.string().max(300),
    callId: VideoCallId.optional(),
  }),
]);
export type PlatformToAgentVideoMessage = z.infer<typeof PlatformToAgentVideoMessage>;

/** GET VIDEO_HELP_AVAILABILITY_PATH: whether a kiosk should offer 视频帮办 now. */
export const VideoHelpAvailability = z
  .strictObject({
    /** The county runs video help (an ICE plan is configured). */
    enabled: z.boolean(),
    /** Agents on duty who may take this kiosk's calls (any topic). */
    agentsOnDuty: z.number().int().min(0),
    waiting: z.number().int().min(0),
    /** 'withConsent': the consent screen asks about recording too. */
    recording: z.enum(['off', 'withConsent']),
  })
  .meta({ id: 'VideoHelpAvailability', description: 'Whether to offer 视频帮办 now.' });
export type VideoHelpAvailability = z.infer<typeof VideoHelpAvailability>;

/** WebSocket close codes both sockets use (4000–4999 are the application's). */
export const VIDEO_SOCKET_CLOSE = {
  /** Not authenticated: bad or revoked token, no session, wrong Origin. */
  unauthorised: 4401,
  /** Authenticated but may not do this (a technician going on duty, a kiosk token on the agent socket). */
  forbidden: 4403,
  /** A frame that does not parse, or too many frames per second. */
  invalid: 4400,
  /** The call ended; the socket is done. */
  ended: 4000,
} as const;
