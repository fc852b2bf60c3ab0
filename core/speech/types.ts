import type { Locale } from '../api/locale';
import type { SpeechRate } from '../api/speech';
import type { Result } from '../pure/result';

/** One utterance to synthesise, already validated by the API contract. */
export interface SynthesisRequest {
  readonly text: string;
  readonly locale: Locale;
  readonly rate: SpeechRate;
}

/**
 * Why an engine gave no audio. Expected on a station (binary not installed, a hung process), so a
 * Result and never a throw; `message` is for the technician's log and never repeats the text.
 */
export type SpeechFailure =
  | { readonly kind: 'engineMissing'; readonly message: string }
  | { readonly kind: 'engineFailed'; readonly message: string }
  | { readonly kind: 'timeout'; readonly message: string }
  | { readonly kind: 'aborted'; readonly message: string };

/**
 * A text-to-speech engine that runs offline. espeak-ng today; a neural engine (sherpa-onnx) can
 * stand behind the same interface later without the service or the API changing.
 */
export interface SpeechEngine {
  /** Reported to the renderer in each clip ("espeak-ng"). */
  readonly name: string;
  /**
   * Changes whenever the same text would sound different (engine release, voices, speeds, text
   * normalisation), so cached clips of an older voice are never served.
   */
  readonly voiceVersion: string;
  /** A RIFF/WAVE (PCM) file with correct chunk sizes. */
  synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<Result<Uint8Array, SpeechFailure>>;
}
