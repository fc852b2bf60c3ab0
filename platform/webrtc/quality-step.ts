import type { CallQualitySample } from '../contract/video-help';
import type { AudioOnlyWatch } from './audio-only-policy';
import type { CallPeer } from './call-peer';

/** How often each side samples its call's quality and sends it (`stats`). */
export const QUALITY_INTERVAL_MS = 5_000;

export interface QualityStep {
  /** What goes to the platform as `stats`. */
  readonly sample: CallQualitySample;
  /** Whether this side should send voice only from now on, by the watch's policy. */
  readonly audioOnly: boolean;
  /** True when that differs from before: pause or resume video and tell the other side (`media`). */
  readonly changed: boolean;
}

/**
 * One tick of a call's quality loop, the same on the kiosk and on the agent's page: a getStats
 * sample, and the audio-only watch fed with its bandwidth estimate and loss. Pausing the video is
 * the caller's (each side reports a failure its own way).
 */
export async function takeQualityStep(peer: Pick<CallPeer, 'sample'>, watch: AudioOnlyWatch): Promise<QualityStep> {
  const { availableOutgoingKbps, ...sample } = await peer.sample();
  const before = watch.audioOnly;
  const audioOnly = watch.next({ availableOutgoingKbps, packetLossPct: sample.packetLossPct });
  return { sample, audioOnly, changed: audioOnly !== before };
}
