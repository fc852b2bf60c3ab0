import { vi } from 'vitest';
import { ok } from '../../../../core/pure/result';
import type { CallQualitySample, PeerSignal } from '../../../../platform/contract/video-help';
import type { CallPeerOptions } from '../../../../platform/webrtc/call-peer';
import type { CallMedia, CallMediaRequest, OpenCallMediaResult } from '../call-media';
import type { CallPeerLike, CallSessionDeps, OpenedDocumentCamera } from '../call-session';

/** A media track that only records whether it was stopped. */
export interface FakeTrack {
  readonly id: string;
  readonly kind: 'audio' | 'video';
  readonly label: string;
  stopped: boolean;
  stop(): void;
}

let trackCount = 0;
export function fakeTrack(kind: 'audio' | 'video', label = `${kind} ${trackCount}`): FakeTrack {
  trackCount += 1;
  return {
    id: `track-${trackCount}`,
    kind,
    label,
    stopped: false,
    stop() {
      this.stopped = true;
    },
  };
}

export const asTrack = (track: FakeTrack) => track as unknown as MediaStreamTrack;

/** A peer that records what the session asked of it; the test plays the other side through it. */
export interface FakePeer extends CallPeerLike {
  readonly options: CallPeerOptions;
  readonly received: PeerSignal[];
  readonly documentTracks: Array<MediaStreamTrack | null>;
  readonly videoSending: boolean[];
  closed: boolean;
  started: boolean;
  /** What the next sample() answers. */
  nextSample: CallQualitySample & { availableOutgoingKbps: number | null };
}

export function sample(
  change: Partial<CallQualitySample & { availableOutgoingKbps: number | null }> = {},
): CallQualitySample & { availableOutgoingKbps: number | null } {
  return {
    at: '2026-11-21T08:00:00.000Z',
    outboundKbps: 600,
    inboundKbps: 600,
    inboundBytes: 1000,
    packetLossPct: 0,
    rttMs: 40,
    framesDecoded: 10,
    candidateType: 'host',
    audioOnly: false,
    availableOutgoingKbps: 1000,
    ...change,
  };
}

export function fakePeer(options: CallPeerOptions): FakePeer {
  const peer: FakePeer = {
    options,
    received: [],
    documentTracks: [],
    videoSending: [],
    closed: false,
    started: false,
    nextSample: sample(),
    start() {
      peer.started = true;
      options.send({ kind: 'description', description: { type: 'offer', sdp: 'v=0 offer' } });
      return Promise.resolve();
    },
    receive(signal) {
      peer.received.push(signal);
      return Promise.resolve();
    },
    setDocumentTrack(track) {
      peer.documentTracks.push(track);
      return Promise.resolve();
    },
    setVideoSending(on) {
      peer.videoSending.push(on);
      return Promise.resolve();
    },
    sample() {
      return Promise.resolve(peer.nextSample);
    },
    close() {
      peer.closed = true;
    },
  };
  return peer;
}

export interface FakeCallWorld {
  readonly deps: CallSessionDeps;
  readonly api: {
    readonly 'videoHelp.start': ReturnType<typeof vi.fn>;
    readonly 'videoHelp.send': ReturnType<typeof vi.fn>;
    readonly 'videoHelp.end': ReturnType<typeof vi.fn>;
    readonly 'media.reportStatus': ReturnType<typeof vi.fn>;
    readonly 'assistance.request': ReturnType<typeof vi.fn>;
  };
  readonly peers: FakePeer[];
  /** Every local track the session was given (face, microphone, 高拍仪). */
  readonly tracks: FakeTrack[];
  readonly mediaRequests: CallMediaRequest[];
  documentOpens: number;
  /** Frames the page sent through videoHelp.send, by type. */
  sent(type: string): unknown[];
  clock: { now: number };
}

/** The session's world of fakes: the API methods it calls, media it opens, peers it makes. */
export function fakeCallWorld(options: { mediaFails?: boolean; documentFails?: boolean } = {}): FakeCallWorld {
  const peers: FakePeer[] = [];
  const tracks: FakeTrack[] = [];
  const mediaRequests: CallMediaRequest[] = [];
  const clock = { now: 1_000 };
  const api = {
    'videoHelp.start': vi.fn(() => Promise.resolve(ok({}))),
    'videoHelp.send': vi.fn(() => Promise.resolve(ok({}))),
    'videoHelp.end': vi.fn(() => Promise.resolve(ok({}))),
    'media.reportStatus': vi.fn(() => Promise.resolve(ok({}))),
    'assistance.request': vi.fn(() =>
      Promise.resolve(
        ok({
          status: 'delivered' as const,
          reference: 'AR-20261121-0002',
          kind: 'callback' as const,
          expectedContactWithinHours: 24,
          contactFrom: null,
          print: { output: 'screen' as const, problem: 'printerUnavailable' as const },
        }),
      ),
    ),
  };
  const world: FakeCallWorld = {
    api,
    peers,
    tracks,
    mediaRequests,
    documentOpens: 0,
    clock,
    sent: (type) =>
      api['videoHelp.send'].mock.calls
        .map((call) => (call as unknown[])[0] as { t: string })
        .filter((message) => message.t === type),
    deps: {
      api,
      now: () => clock.now,
      newConfirmationId: () => '6f1c2a4e-8b0d-4f3a-9c1e-2d5b7a9e0f11',
      openMedia: (request): Promise<OpenCallMediaResult> => {
        mediaRequests.push(request);
        if (options.mediaFails) {
          return Promise.resolve({
            ok: false,
            reports: [{ device: 'faceCamera', state: 'noDevice', code: 'portMissing', detail: 'gone', identity: null }],
          });
        }
        const audio = fakeTrack('audio', 'USB Microphone');
        const video = fakeTrack('video', 'USB Face Camera');
        tracks.push(audio, video);
        const media: CallMedia = {
          audio: asTrack(audio),
          video: asTrack(video),
          preview: new MediaStream(),
          stop() {
            audio.stop();
            video.stop();
          },
        };
        return Promise.resolve({ ok: true, media, reports: [] });
      },
      openDocumentCamera: (): Promise<OpenedDocumentCamera> => {
        world.documentOpens += 1;
        if (options.documentFails) return Promise.resolve({ ok: false });
        const track = fakeTrack('video', 'Document Camera');
        tracks.push(track);
        return Promise.resolve({ ok: true, track: asTrack(track) });
      },
      createPeer: (peerOptions) => {
        const peer = fakePeer(peerOptions);
        peers.push(peer);
        return peer;
      },
    },
  };
  return world;
}

/** Lets the session's promises (media opened, peer started, answers sent) settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}
