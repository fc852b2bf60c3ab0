import { err, ok, type Result } from '../pure/result';
import type { Locale } from '../api/locale';
import type { SpeechRate } from '../api/speech';
import { mandarinToEspeakPinyin } from './mandarin-pinyin';
import { MANDARIN_NORMALISER_VERSION } from './normalise-mandarin';
import { normaliseEnglish } from './normalise-english';
import { runProcess } from './run-process';
import type { SpeechEngine, SpeechFailure, SynthesisRequest } from './types';
import { fixStreamedWavSizes, readWav } from './wav';

export const DEFAULT_ESPEAK_PATH = '/usr/bin/espeak-ng';

/**
 * espeak-ng words-per-minute (`-s`) per language and rate, chosen by measurement (espeak-ng 1.51,
 * 40 syllables, leading and trailing silence trimmed):
 * - Mandarin: -s 180 ≈ 4.0 syllables/s (the reference's ≈ 4 characters per second); -s 125 ≈ 2.7/s
 *   for 长辈版 (slow: -s 120 = 2.56/s, -s 130 = 2.81/s).
 * - English: -s 110 ≈ 140 words/min, 3.1 syllables/s, near VVSG's 120–125 wpm default once pauses
 *   count; -s 80 (espeak-ng's minimum) ≈ 105 wpm.
 */
export const ESPEAK_SPEEDS: Readonly<Record<Locale, Readonly<Record<SpeechRate, number>>>> = {
  'zh-CN': { normal: 180, slow: 125 },
  en: { normal: 110, slow: 80 },
};

/** `cmn-latn-pinyin`, not `cmn`: bookworm's `cmn` reads tone digits as English ("nin two"). */
const VOICES: Readonly<Record<Locale, string>> = { 'zh-CN': 'cmn-latn-pinyin', en: 'en' };

export interface EspeakEngineOptions {
  /** The espeak-ng binary; Debian's by default. */
  readonly path?: string;
  /** A hung synthesis is killed after this long. One sentence takes ≈ 30–100 ms. */
  readonly timeoutMs?: number;
  /** What `probeEspeakVersion` found; part of the cache key, so an upgraded espeak-ng re-renders prompts. */
  readonly binaryVersion?: string;
}

/**
 * espeak-ng's own version line ("1.51"), or "unknown" when it cannot be run; a missing binary is
 * reported when something is said, not here.
 */
export async function probeEspeakVersion(path = DEFAULT_ESPEAK_PATH): Promise<string> {
  const run = await runProcess({ command: path, args: ['--version'], stdin: '', timeoutMs: 3_000 });
  if (!run.ok) return 'unknown';
  return /text-to-speech:\s*([0-9][^\s]*)/.exec(run.value.toString('utf8'))?.[1] ?? 'unknown';
}

/**
 * Offline speech with espeak-ng: a robotic formant voice, but always there on Debian, small, fast,
 * and the CI's engine. Text goes in on stdin (never as an argument: arguments show in `ps`), WAV
 * comes back on stdout.
 */
export function createEspeakEngine(options: EspeakEngineOptions = {}): SpeechEngine {
  const path = options.path ?? DEFAULT_ESPEAK_PATH;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    name: 'espeak-ng',
    voiceVersion: `espeak-ng ${options.binaryVersion ?? 'unknown'};${VOICES['zh-CN']}+${VOICES.en};${JSON.stringify(ESPEAK_SPEEDS)};zh-normaliser-${MANDARIN_NORMALISER_VERSION}`,
    async synthesize(request: SynthesisRequest, signal?: AbortSignal): Promise<Result<Uint8Array, SpeechFailure>> {
      const input = request.locale === 'zh-CN' ? mandarinToEspeakPinyin(request.text) : normaliseEnglish(request.text);
      const args = [
        '-v',
        VOICES[request.locale],
        '-s',
        String(ESPEAK_SPEEDS[request.locale][request.rate]),
        '-b',
        '1',
        '--stdout',
      ];
      // Text that is only punctuation still gives a short silent WAV, which plays as nothing.
      const run = await runProcess({ command: path, args, stdin: input, timeoutMs, signal });
      if (!run.ok) return run;
      const wav = fixStreamedWavSizes(run.value);
      if (!wav || !readWav(wav)) {
        return err({
          kind: 'engineFailed',
          message: `espeak-ng wrote ${run.value.length} bytes that are not a WAV file`,
        });
      }
      return ok(wav);
    },
  };
}
