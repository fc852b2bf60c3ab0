import type { CallQualitySample, IcePlan, PeerSignal } from '../contract/video-help';
import { qualityFromReport, type StatsMemory } from './quality-sample';

/**
 * One side of a 视频帮办 call over the browser's own RTCPeerConnection, shared by the kiosk's
 * renderer and the county console's agent page (docs/video-help.md §Media).
 *
 * Negotiation is one-way to stay free of glare: the kiosk always offers, the agent only answers.
 * The kiosk's offer carries three transceivers in a fixed order, so each side knows a track by
 * where it arrives, not by ids that differ between browsers:
 *
 *   0  audio  sendrecv  microphones both ways
 *   1  video  sendrecv  the resident's face camera ⇄ the agent's camera
 *   2  video  sendonly  the 高拍仪, kiosk → agent; its sender has no track (no bytes flow) until
 *                       the agent asks and the resident allows, then `setDocumentTrack`
 *                       replaces it without renegotiating (RTCRtpSender.replaceTrack).
 *
 * Audio-only fallback pauses the video senders' encodings (`active: false`), again without
 * renegotiating; the other side sees frames stop and is told by a 'media' frame.
 */

export type MediaSlot = 'audio' | 'face' | 'document';
const SLOTS: readonly MediaSlot[] = ['audio', 'face', 'document'];

export interface CallPeerOptions {
  readonly role: 'kiosk' | 'agent';
  readonly ice: IcePlan;
  /** Sends one signal to the other side (through the platform). */
  readonly send: (signal: PeerSignal) => void;
  /** This side's microphone and camera; null when there is none (the agent may have no camera). */
  readonly local: { readonly audio: MediaStreamTrack | null; readonly video: MediaStreamTrack | null };
  readonly onRemoteTrack?: (slot: MediaSlot, track: MediaStreamTrack) => void;
  readonly onConnectionState?: (state: RTCPeerConnectionState) => void;
  /** Tests inject a constructor; defaults to the browser's. */
  readonly createConnection?: (configuration: RTCConfiguration) => RTCPeerConnection;
}

export interface CallPeer {
  readonly connection: RTCPeerConnection;
  /** The kiosk makes its offer; the agent waits for it. */
  start(): Promise<void>;
  /**
   * A signal from the other side. A description or candidate the browser rejects throws (the
   * caller reports it and ends the call: a half-negotiated call cannot be trusted to recover).
   */
  receive(signal: PeerSignal): Promise<void>;
  /** Kiosk only: the 高拍仪 track to send, or null to stop sending it. */
  setDocumentTrack(track: MediaStreamTrack | null): Promise<void>;
  /** Pauses (false) or resumes (true) every outgoing video encoding: the audio-only fallback. */
  setVideoSending(on: boolean): Promise<void>;
  /** A quality sample over the time since the previous one (getStats). */
  sample(now?: Date): Promise<CallQualitySample & { availableOutgoingKbps: number | null }>;
  /** Closes the connection and stops every track it received. The caller stops its own local tracks. */
  close(): void;
}

export function createCallPeer(options: CallPeerOptions): CallPeer {
  const make = options.createConnection ?? ((configuration) => new RTCPeerConnection(configuration));
  const connection = make({
    iceServers: options.ice.iceServers.map((server) => ({ ...server })),
    iceTransportPolicy: options.ice.iceTransportPolicy,
    bundlePolicy: 'max-bundle',
  });
  const pendingCandidates: RTCIceCandidateInit[] = [];
  const memory: StatsMemory = { previous: null };
  let videoSending = true;
  let closed = false;

  connection.onicecandidate = (event) => {
    const candidate = event.candidate;
    options.send({
      kind: 'candidate',
      candidate: candidate
        ? {
            candidate: candidate.candidate,
            sdpMid: candidate.sdpMid,
            sdpMLineIndex: candidate.sdpMLineIndex,
            usernameFragment: candidate.usernameFragment,
          }
        : null,
    });
  };
  connection.onconnectionstatechange = () => options.onConnectionState?.(connection.connectionState);
  connection.ontrack = (event) => {
    const index = connection.getTransceivers().indexOf(event.transceiver);
    const slot = SLOTS[index];
    if (slot) options.onRemoteTrack?.(slot, event.track);
  };

  if (options.role === 'kiosk') {
    connection.addTransceiver(options.local.audio ?? 'audio', { direction: 'sendrecv' });
    connection.addTransceiver(options.local.video ?? 'video', { direction: 'sendrecv' });
    connection.addTransceiver('video', { direction: 'sendonly' });
  }

  const describe = (description: RTCSessionDescriptionInit) => {
    if (description.type !== 'offer' && description.type !== 'answer') return;
    options.send({ kind: 'description', description: { type: description.type, sdp: description.sdp ?? '' } });
  };

  /** The agent's side: attach its microphone and camera to the kiosk's first two transceivers. */
  const attachAnswererTracks = async () => {
    const [audio, video, document] = connection.getTransceivers();
    if (audio && options.local.audio) {
      audio.direction = 'sendrecv';
      await audio.sender.replaceTrack(options.local.audio);
    }
    if (video && options.local.video) {
      video.direction = 'sendrecv';
      await video.sender.replaceTrack(options.local.video);
    }
    if (document) document.direction = 'recvonly';
  };

  const flushCandidates = async () => {
    while (pendingCandidates.length > 0) {
      const next = pendingCandidates.shift();
      if (next) await connection.addIceCandidate(next);
    }
  };

  const setEncodingsActive = async (sender: RTCRtpSender, active: boolean) => {
    const parameters = sender.getParameters();
    if (parameters.encodings.length === 0) return;
    for (const encoding of parameters.encodings) encoding.active = active;
    await sender.setParameters(parameters);
  };

  return {
    connection,
    async start() {
      if (options.role !== 'kiosk') return;
      const offer = await connection.createOffer();
      await connection.setLocalDescription(offer);
      describe(connection.localDescription ?? offer);
    },
    async receive(signal) {
      if (closed) return;
      if (signal.kind === 'candidate') {
        const candidate = signal.candidate ?? { candidate: '', sdpMid: null, sdpMLineIndex: null };
        const init: RTCIceCandidateInit = {
          candidate: candidate.candidate,
          sdpMid: candidate.sdpMid,
          sdpMLineIndex: candidate.sdpMLineIndex,
          ...('usernameFragment' in candidate && candidate.usernameFragment !== undefined
            ? { usernameFragment: candidate.usernameFragment }
            : {}),
        };
        // Candidates may overtake the description they belong to on the way through the platform.
        if (connection.remoteDescription === null) pendingCandidates.push(init);
        else await connection.addIceCandidate(init);
        return;
      }
      const description = signal.description;
      if (description.type === 'rollback') return;
      if (options.role === 'agent' && description.type === 'offer') {
        await connection.setRemoteDescription(description);
        await attachAnswererTracks();
        const answer = await connection.createAnswer();
        await connection.setLocalDescription(answer);
        describe(connection.localDescription ?? answer);
        await flushCandidates();
      } else if (options.role === 'kiosk' && description.type === 'answer') {
        await connection.setRemoteDescription(description);
        await flushCandidates();
      }
    },
    async setDocumentTrack(track) {
      const document = connection.getTransceivers()[2];
      if (options.role !== 'kiosk' || !document) return;
      await document.sender.replaceTrack(track);
      if (track && !videoSending) await setEncodingsActive(document.sender, false);
    },
    async setVideoSending(on) {
      videoSending = on;
      for (const transceiver of connection.getTransceivers()) {
        if (transceiver.sender.track?.kind === 'video' || transceiver.receiver.track.kind === 'video') {
          if (transceiver.direction === 'sendrecv' || transceiver.direction === 'sendonly')
            await setEncodingsActive(transceiver.sender, on);
        }
      }
    },
    async sample(now = new Date()) {
      const report = await connection.getStats();
      return { ...qualityFromReport(report, memory, now.getTime()), audioOnly: !videoSending };
    },
    close() {
      if (closed) return;
      closed = true;
      for (const transceiver of connection.getTransceivers()) transceiver.receiver.track.stop();
      connection.onicecandidate = null;
      connection.ontrack = null;
      connection.onconnectionstatechange = null;
      connection.close();
    },
  };
}
