import type { ApiError } from '../../../core/api/errors';
import type { Result } from '../../../core/pure/result';
import type { SayInput, SpeechClip } from '../../../core/api/speech';
import type { AudioOut, Playback } from './audio-out';

/** `speech.say` as the player needs it: one utterance in, a clip or a failure out; never rejects. */
export type Say = (input: SayInput) => Promise<Result<SpeechClip, ApiError<string>>>;

export type SpeechVoice = Pick<SayInput, 'locale' | 'rate'>;

/** How a run of utterances ended. `unavailable`: core could not synthesise; the rest is dropped. */
export type PlayOutcome = 'finished' | 'interrupted' | 'unavailable';

export interface SpeechPlayer {
  /** Stops whatever is playing and plays these utterances in order. */
  play(utterances: readonly string[], voice: SpeechVoice): Promise<PlayOutcome>;
  /** Stops the clip playing now, drops the queue, and makes answers still in flight be ignored. */
  stop(): void;
}

/**
 * The queue of utterances. Asks core for the first, starts playing it as soon as it arrives and
 * meanwhile asks for the next, so a long announcement starts after one synthesis, not after all.
 * Every play() takes a new generation number; a stop() or a newer play() moves it on, and an
 * answer that comes back for an older generation is thrown away, never played (EN 301 549
 * 5.1.3.5: the old speech stops when new speech starts).
 */
export function createSpeechPlayer(say: Say, audio: AudioOut): SpeechPlayer {
  let generation = 0;
  let playing: Playback | null = null;

  const stop = () => {
    generation += 1;
    playing?.stop();
    playing = null;
  };

  return {
    stop,
    async play(utterances, voice) {
      stop();
      const mine = generation;
      const current = () => mine === generation;
      const ask = (text: string) => say({ text, locale: voice.locale, rate: voice.rate });

      let next = utterances[0] === undefined ? null : ask(utterances[0]);
      for (let index = 0; next; index += 1) {
        const answer = await next;
        if (!current()) return 'interrupted';
        const following = utterances[index + 1];
        next = following === undefined ? null : ask(following);
        // Core has no voice (engine missing, model failed): stay silent, the screen still works.
        if (!answer.ok) return 'unavailable';
        playing = audio.play(answer.value.wavBase64);
        const end = await playing.ended;
        if (!current()) return 'interrupted';
        playing = null;
        if (end === 'failed') return 'unavailable';
      }
      return 'finished';
    },
  };
}
