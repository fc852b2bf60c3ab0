import { z } from 'zod';
import { Locale } from './locale';

/**
 * Speech for voice mode (语音播报). Core synthesises offline; the renderer plays the audio and
 * stops it when the screen changes. `slow` is 长辈版's pace.
 */
export const SpeechRate = z.enum(['normal', 'slow']);
export type SpeechRate = z.infer<typeof SpeechRate>;

/** One utterance: a sentence or a short run of them. Longer text is split by the caller. */
export const SpeechText = z.string().trim().min(1).max(400);

export const SayInput = z.object({ text: SpeechText, locale: Locale, rate: SpeechRate }).strict();
export type SayInput = z.infer<typeof SayInput>;

export const SpeechClip = z.object({
  /** A RIFF/WAVE file (PCM), base64. */
  wavBase64: z.string(),
  durationMs: z.number().int().min(0),
  /** Served from the cache of prepared or earlier utterances rather than synthesised now. */
  cached: z.boolean(),
  /** Which engine made it ("espeak-ng", …), for the technician and the tests. */
  engine: z.string(),
});
export type SpeechClip = z.infer<typeof SpeechClip>;

/** Fixed prompts (screen titles, instructions) the renderer asks core to synthesise ahead of time. */
export const PrepareSpeechInput = z
  .object({ texts: z.array(SpeechText).max(1000), locale: Locale, rate: SpeechRate })
  .strict();
export const PrepareSpeechResult = z.object({ prepared: z.number().int().min(0), failed: z.number().int().min(0) });
export type PrepareSpeechResult = z.infer<typeof PrepareSpeechResult>;
