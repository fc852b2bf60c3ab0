import type { PeerSignal } from '../../../platform/contract/video-help';
import { createCallPeer, type CallPeer, type MediaSlot } from '../../../platform/webrtc/call-peer';
import type { ClosedTracks, HarnessApi, HarnessGlobal, HarnessState, Slot, SlotCounters } from './harness-api';

/**
 * The page side of tests/integration/webrtc: one side of a call (kiosk or agent) with Chromium's
 * fake camera and microphone, driven by the test through `globalThis.harness`. Bundled by the test
 * (esbuild) together with platform/webrtc/call-peer.ts as the kiosk and the console bundle it.
 */

const SLOTS: readonly Slot[] = ['audio', 'face', 'document'];
const host = globalThis as unknown as HarnessGlobal;

let peer: CallPeer | null = null;
let local: MediaStreamTrack[] = [];
let documentTrack: MediaStreamTrack | null = null;
const remote: MediaStreamTrack[] = [];
const state: {
  -readonly [K in keyof HarnessState]: HarnessState[K] extends readonly (infer T)[] ? T[] : HarnessState[K];
} = {
  connectionState: 'none',
  iceConnectionState: 'none',
  iceGatheringState: 'none',
  createdAt: null,
  firstRemoteFrameAt: null,
  remoteSlots: [],
  earlyCandidates: 0,
  errors: [],
  candidateErrors: [],
  videoInputs: 0,
};

const requirePeer = (): CallPeer => {
  if (!peer) throw new Error('harness.start() first');
  return peer;
};

/** The first frame of the other side's face, as a resident or an agent would see it. */
function render(track: MediaStreamTrack) {
  const video = document.createElement('video');
  video.muted = true;
  video.autoplay = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  document.body.append(video);
  video.requestVideoFrameCallback(() => {
    state.firstRemoteFrameAt ??= Date.now();
  });
  void video.play().catch((error: unknown) => state.errors.push(`play: ${String(error)}`));
}

function countersOf(stats: RTCStatsReport): SlotCounters {
  let received = 0;
  let sent = 0;
  let framesDecoded = 0;
  stats.forEach((stat: Record<string, unknown>) => {
    if (stat['type'] === 'inbound-rtp') {
      received += Number(stat['bytesReceived'] ?? 0);
      framesDecoded += Number(stat['framesDecoded'] ?? 0);
    } else if (stat['type'] === 'outbound-rtp') sent += Number(stat['bytesSent'] ?? 0);
  });
  return { received, sent, framesDecoded };
}

const harness: HarnessApi = {
  async start({ role, ice }) {
    const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    local = media.getTracks();
    const devices = await navigator.mediaDevices.enumerateDevices();
    state.videoInputs = devices.filter((device) => device.kind === 'videoinput').length;
    state.createdAt = Date.now();
    peer = createCallPeer({
      role,
      ice,
      send: (signal) => void host.harnessSend(signal),
      local: { audio: media.getAudioTracks()[0] ?? null, video: media.getVideoTracks()[0] ?? null },
      onRemoteTrack: (slot: MediaSlot, track) => {
        remote.push(track);
        state.remoteSlots.push(slot);
        if (slot === 'face') render(track);
      },
      onConnectionState: (connectionState) => {
        state.connectionState = connectionState;
      },
    });
    const connection = peer.connection;
    connection.addEventListener('iceconnectionstatechange', () => {
      state.iceConnectionState = connection.iceConnectionState;
    });
    connection.addEventListener('icegatheringstatechange', () => {
      state.iceGatheringState = connection.iceGatheringState;
    });
    connection.addEventListener('icecandidateerror', (event) => {
      state.candidateErrors.push({ code: event.errorCode, text: event.errorText, url: event.url ?? '' });
    });
    await peer.start();
  },
  async receive(signal: PeerSignal) {
    const current = requirePeer();
    if (signal.kind === 'candidate' && current.connection.remoteDescription === null) state.earlyCandidates += 1;
    try {
      await current.receive(signal);
    } catch (error) {
      state.errors.push(`${signal.kind}: ${String(error)}`);
    }
  },
  state: () => structuredClone(state),
  sample: () => requirePeer().sample(),
  async slots() {
    const transceivers = requirePeer().connection.getTransceivers();
    const entries = await Promise.all(
      SLOTS.map(async (slot, index) => {
        const transceiver = transceivers[index];
        if (!transceiver) return [slot, { received: 0, sent: 0, framesDecoded: 0 }] as const;
        const [inboundStats, outboundStats] = await Promise.all([
          transceiver.receiver.getStats(),
          transceiver.sender.getStats(),
        ]);
        const inbound = countersOf(inboundStats);
        const outbound = countersOf(outboundStats);
        return [
          slot,
          { received: inbound.received, sent: outbound.sent, framesDecoded: inbound.framesDecoded },
        ] as const;
      }),
    );
    return Object.fromEntries(entries) as Record<Slot, SlotCounters>;
  },
  async showDocument(cameraLabel) {
    const current = requirePeer();
    if (cameraLabel !== null) {
      // Chosen by label, as the kiosk's device config names its cameras.
      const devices = await navigator.mediaDevices.enumerateDevices();
      const camera = devices.find((device) => device.kind === 'videoinput' && device.label === cameraLabel);
      if (!camera) throw new Error(`no camera labelled ${cameraLabel}`);
      const media = await navigator.mediaDevices.getUserMedia({ video: { deviceId: { exact: camera.deviceId } } });
      documentTrack = media.getVideoTracks()[0] ?? null;
      await current.setDocumentTrack(documentTrack);
    } else {
      await current.setDocumentTrack(null);
      documentTrack?.stop();
      documentTrack = null;
    }
  },
  setVideoSending: (on) => requirePeer().setVideoSending(on),
  close(): ClosedTracks {
    requirePeer().close();
    const localAfterClose = local.map((track) => track.readyState);
    for (const track of local) track.stop();
    documentTrack?.stop();
    return {
      remote: remote.map((track) => track.readyState),
      localAfterClose,
      localAfterStop: local.map((track) => track.readyState),
    };
  },
};

host.harness = harness;
