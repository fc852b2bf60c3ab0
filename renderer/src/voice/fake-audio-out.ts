import type { AudioOut, PlaybackEnd } from './audio-out';

/** A clip as the fake "heard" it: the text core was asked to say, and the volume it played at. */
export interface FakeClip {
  readonly text: string;
  readonly gain: number;
  state: 'playing' | PlaybackEnd;
}

export interface FakeAudioOut extends AudioOut {
  /** Every clip started, in order. */
  readonly clips: readonly FakeClip[];
  readonly gain: number;
  readonly unlocks: number;
  /** Lets the clip playing now end by itself, as a real one does when it is over. */
  finishPlaying(): void;
}

/** The WAV a fake `speech.say` answers with: the text itself, so the fake can tell what it plays. */
export function fakeWav(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes));
}

function textOfFakeWav(base64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

/** Audio output for tests (happy-dom has no Web Audio): records what played, at which volume. */
export function createFakeAudioOut(): FakeAudioOut {
  const clips: FakeClip[] = [];
  const endings = new Map<FakeClip, (end: PlaybackEnd) => void>();
  let gain = 1;
  let unlocks = 0;
  const end = (clip: FakeClip, how: PlaybackEnd) => {
    if (clip.state !== 'playing') return;
    clip.state = how;
    endings.get(clip)?.(how);
  };
  return {
    available: true,
    clips,
    get gain() {
      return gain;
    },
    get unlocks() {
      return unlocks;
    },
    play(wavBase64) {
      const clip: FakeClip = { text: textOfFakeWav(wavBase64), gain, state: 'playing' };
      const ended = new Promise<PlaybackEnd>((resolve) => endings.set(clip, resolve));
      clips.push(clip);
      return { ended, stop: () => end(clip, 'stopped') };
    },
    setGain(next) {
      gain = next;
    },
    unlock() {
      unlocks += 1;
    },
    finishPlaying() {
      const playing = clips.find((clip) => clip.state === 'playing');
      if (!playing) throw new Error('no clip is playing');
      end(playing, 'ended');
    },
  };
}
