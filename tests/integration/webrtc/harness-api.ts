import type { CallQualitySample, IcePlan, PeerSignal } from '../../../platform/contract/video-help';

/**
 * What the harness page (harness-page.ts, bundled with platform/webrtc/call-peer.ts) offers the
 * tests on `globalThis.harness`. Types only, free of DOM types, so the Node side of the test can
 * name them too.
 */
export type Slot = 'audio' | 'face' | 'document';

export interface SlotCounters {
  /** inbound-rtp bytesReceived of the slot's receiver. */
  readonly received: number;
  /** outbound-rtp bytesSent of the slot's sender. */
  readonly sent: number;
  readonly framesDecoded: number;
}

export interface HarnessState {
  readonly connectionState: string;
  readonly iceConnectionState: string;
  readonly iceGatheringState: string;
  /** Date.now() just before createCallPeer, and when the first frame of the other side's face rendered. */
  readonly createdAt: number | null;
  readonly firstRemoteFrameAt: number | null;
  /** Slots a remote track arrived on (onRemoteTrack), in order. */
  readonly remoteSlots: readonly Slot[];
  /** Candidates that arrived while the connection had no remote description yet. */
  readonly earlyCandidates: number;
  /** Errors of receive() (a signal the peer could not take). */
  readonly errors: readonly string[];
  /** icecandidateerror events: a TURN server refusing the credential shows here (401). */
  readonly candidateErrors: readonly { readonly code: number; readonly text: string; readonly url: string }[];
  /** Camera inputs the page sees (Chromium's fake device offers as many as device-count says). */
  readonly videoInputs: number;
}

export interface ClosedTracks {
  /** readyState of every track the peer received, after close(). */
  readonly remote: readonly string[];
  /** The page's own tracks after close() (the caller's, still live), and after it stopped them. */
  readonly localAfterClose: readonly string[];
  readonly localAfterStop: readonly string[];
}

export interface HarnessApi {
  start(options: { readonly role: 'kiosk' | 'agent'; readonly ice: IcePlan }): Promise<void>;
  receive(signal: PeerSignal): Promise<void>;
  state(): HarnessState;
  sample(): Promise<CallQualitySample & { availableOutgoingKbps: number | null }>;
  slots(): Promise<Record<Slot, SlotCounters>>;
  /** Kiosk: opens the camera of this label (the 高拍仪) and sends it; null stops sending and closes it. */
  showDocument(cameraLabel: string | null): Promise<void>;
  setVideoSending(on: boolean): Promise<void>;
  close(): ClosedTracks;
}

export interface HarnessGlobal {
  harness: HarnessApi;
  /** Exposed by the test (page.exposeFunction): hands a signal to the other page. */
  harnessSend(signal: PeerSignal): Promise<void>;
}
