/** How one clip's playback ended: played out, stopped by us, or the audio could not be played. */
export type PlaybackEnd = 'ended' | 'stopped' | 'failed';

export interface Playback {
  /** Settles once, however the clip ends; never rejects. */
  readonly ended: Promise<PlaybackEnd>;
  /** Stops at once; safe to call more than once and after the end. */
  stop(): void;
}

/**
 * Where speech comes out. The kiosk uses Web Audio (web-audio-out.ts); tests use a fake, because
 * happy-dom has no AudioContext.
 */
export interface AudioOut {
  /** False where nothing can be played (no Web Audio): then nobody asks core to synthesise. */
  readonly available: boolean;
  /** Plays one WAV file (base64); the clip starts as soon as it is decoded. */
  play(wavBase64: string): Playback;
  /** Loudness of everything playing now and later, 0–1 (from VOLUME_STEPS). */
  setGain(gain: number): void;
  /** Called on every touch: lets audio start where the autoplay policy waits for a gesture. */
  unlock(): void;
}

/** Nothing to play on: every clip "fails" at once. */
export const silentAudioOut: AudioOut = {
  available: false,
  play: () => ({ ended: Promise.resolve('failed'), stop: () => undefined }),
  setGain: () => undefined,
  unlock: () => undefined,
};
