import { describe, expect, it } from 'vitest';
import { createAudioOnlyWatch, DEFAULT_AUDIO_ONLY_POLICY, type BandwidthReading } from './audio-only-policy';

const low: BandwidthReading = { availableOutgoingKbps: 90, packetLossPct: 0 };
const good: BandwidthReading = { availableOutgoingKbps: 900, packetLossPct: 0 };
/** Between the thresholds: neither low enough to fall back nor good enough to resume. */
const middling: BandwidthReading = { availableOutgoingKbps: 250, packetLossPct: 0 };
const noEstimate: BandwidthReading = { availableOutgoingKbps: null, packetLossPct: 0 };

const feed = (watch: ReturnType<typeof createAudioOnlyWatch>, reading: BandwidthReading, times: number) =>
  Array.from({ length: times }, () => watch.next(reading));

describe('audio-only policy', () => {
  it('falls back after the configured number of consecutive low samples', () => {
    const watch = createAudioOnlyWatch();
    expect(feed(watch, low, DEFAULT_AUDIO_ONLY_POLICY.lowSamples)).toEqual([false, false, true]);
    expect(watch.audioOnly).toBe(true);
  });

  it('does not fall back on one dip, nor on dips that good samples interrupt', () => {
    const watch = createAudioOnlyWatch();
    const answers = [low, low, good, low, low, middling, low, good].map((reading) => watch.next(reading));
    expect(answers.every((audioOnly) => !audioOnly)).toBe(true);
    expect(watch.audioOnly).toBe(false);
  });

  it('falls back on loss alone, with plenty of estimated bandwidth', () => {
    const watch = createAudioOnlyWatch();
    const lossy = { availableOutgoingKbps: 2_000, packetLossPct: DEFAULT_AUDIO_ONLY_POLICY.lossPct + 1 };
    expect(feed(watch, lossy, 3)).toEqual([false, false, true]);
    // Loss exactly at the threshold is not over it.
    const edge = createAudioOnlyWatch();
    expect(feed(edge, { availableOutgoingKbps: 2_000, packetLossPct: DEFAULT_AUDIO_ONLY_POLICY.lossPct }, 5)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('resumes only after enough consecutive good samples (hysteresis)', () => {
    const watch = createAudioOnlyWatch({ lowKbps: 150, resumeKbps: 400, lossPct: 15, lowSamples: 2, goodSamples: 3 });
    feed(watch, low, 2);
    expect(watch.audioOnly).toBe(true);
    // Over the fall-back threshold but under the resume one: stays audio only, however long.
    expect(feed(watch, middling, 10).every(Boolean)).toBe(true);
    // Good, good, then one middling sample: the count starts again.
    expect(feed(watch, good, 2)).toEqual([true, true]);
    expect(watch.next(middling)).toBe(true);
    expect(feed(watch, good, 3)).toEqual([true, true, false]);
    expect(watch.audioOnly).toBe(false);
  });

  it('does not resume while the loss is over half the threshold, however much bandwidth', () => {
    const watch = createAudioOnlyWatch({ lowKbps: 150, resumeKbps: 400, lossPct: 10, lowSamples: 1, goodSamples: 2 });
    watch.next(low);
    expect(feed(watch, { availableOutgoingKbps: 5_000, packetLossPct: 6 }, 5).every(Boolean)).toBe(true);
    expect(feed(watch, { availableOutgoingKbps: 5_000, packetLossPct: 4 }, 2)).toEqual([true, false]);
  });

  it('after resuming, needs a full run of low samples again to fall back', () => {
    const watch = createAudioOnlyWatch({ lowKbps: 150, resumeKbps: 400, lossPct: 15, lowSamples: 3, goodSamples: 1 });
    feed(watch, low, 3);
    expect(watch.next(good)).toBe(false);
    expect(feed(watch, low, 3)).toEqual([false, false, true]);
  });

  it('treats a missing estimate as neutral: neither low, nor good, and it breaks both runs', () => {
    const watch = createAudioOnlyWatch({ lowKbps: 150, resumeKbps: 400, lossPct: 15, lowSamples: 2, goodSamples: 2 });
    expect(feed(watch, noEstimate, 10).some(Boolean)).toBe(false);
    expect([low, noEstimate, low].map((reading) => watch.next(reading))).toEqual([false, false, false]);
    expect(watch.next(low)).toBe(true);
    expect(feed(watch, noEstimate, 10).every(Boolean)).toBe(true);
    expect([good, noEstimate, good].map((reading) => watch.next(reading))).toEqual([true, true, true]);
    expect(watch.next(good)).toBe(false);
  });
});
