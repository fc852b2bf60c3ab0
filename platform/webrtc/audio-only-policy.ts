/**
 * When to fall back to audio only, and when to bring video back (docs/video-help.md §Media). A
 * village link shared by a station's other users can drop to a few hundred kbit/s; a talking
 * face at 15 fps needs ~300 kbit/s, speech (Opus) ~32. Decided on measured bandwidth, with
 * hysteresis so a call does not flap:
 *
 * - fall back after `lowSamples` consecutive samples in which the estimated outgoing bandwidth
 *   (the selected pair's availableOutgoingBitrate) is under `lowKbps`, or inbound loss is over
 *   `lossPct`;
 * - resume after `goodSamples` consecutive samples over `resumeKbps` with loss under half of it.
 *
 * Samples come every few seconds (the call's stats interval), so the defaults wait ~6 s to fall
 * back and ~20 s to resume.
 */
export interface AudioOnlyPolicy {
  readonly lowKbps: number;
  readonly resumeKbps: number;
  readonly lossPct: number;
  readonly lowSamples: number;
  readonly goodSamples: number;
}

export const DEFAULT_AUDIO_ONLY_POLICY: AudioOnlyPolicy = {
  lowKbps: 150,
  resumeKbps: 400,
  lossPct: 15,
  lowSamples: 3,
  goodSamples: 10,
};

export interface BandwidthReading {
  /** null when the browser gave no estimate yet: counts as neither low nor good. */
  readonly availableOutgoingKbps: number | null;
  readonly packetLossPct: number;
}

export interface AudioOnlyWatch {
  /** Feeds one sample; answers whether video should be off now. */
  next(reading: BandwidthReading): boolean;
  readonly audioOnly: boolean;
}

export function createAudioOnlyWatch(policy: AudioOnlyPolicy = DEFAULT_AUDIO_ONLY_POLICY): AudioOnlyWatch {
  let audioOnly = false;
  let low = 0;
  let good = 0;
  return {
    get audioOnly() {
      return audioOnly;
    },
    next({ availableOutgoingKbps: kbps, packetLossPct: loss }) {
      const isLow = (kbps !== null && kbps < policy.lowKbps) || loss > policy.lossPct;
      const isGood = kbps !== null && kbps >= policy.resumeKbps && loss < policy.lossPct / 2;
      low = isLow ? low + 1 : 0;
      good = isGood ? good + 1 : 0;
      if (!audioOnly && low >= policy.lowSamples) {
        audioOnly = true;
        good = 0;
      } else if (audioOnly && good >= policy.goodSamples) {
        audioOnly = false;
        low = 0;
      }
      return audioOnly;
    },
  };
}
