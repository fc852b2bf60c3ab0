import { fixedPromptTexts } from '../../renderer/src/voice/fixed-prompt-texts';
import { splitUtterances } from '../../renderer/src/voice/split-utterances';
import type { Locale } from '../api/locale';

/**
 * Which texts are fixed prompts: the utterances the renderer's voice mode prepares (every UI
 * string of a locale without {{variables}}, split into sentences exactly as the player splits
 * them). Only these may be written to the speech cache on disk; anything else (a greeting with
 * a name, a ticket number read out) lives in memory for one session at most. Built from the same
 * two renderer modules the renderer uses, so the lists cannot drift apart (an allowed import in
 * tools/eslint/layer-imports.js: both are pure data and text functions).
 */
export type FixedPrompts = (locale: Locale, text: string) => boolean;

export function uiFixedPrompts(): FixedPrompts {
  const byLocale = new Map<Locale, ReadonlySet<string>>();
  return (locale, text) => {
    let known = byLocale.get(locale);
    if (!known) {
      known = new Set(fixedPromptTexts(locale).flatMap(splitUtterances));
      byLocale.set(locale, known);
    }
    return known.has(text);
  };
}
