import type { Client } from '../../../core/api/client';
import type { KioskContract, Locale } from '../../../core/api/contract';
import type { SpeechRate } from '../../../core/api/speech';
import { splitUtterances } from './split-utterances';

/** Utterances per `speech.prepare` call: small enough that core stays responsive to `speech.say` between calls. */
export const PREPARE_BATCH_SIZE = 50;

// 长辈版 (slow) first: it is where voice mode is on by default.
const RATES: readonly SpeechRate[] = ['slow', 'normal'];

export interface PreparedPrompts {
  readonly prepared: number;
  readonly failed: number;
  /** Core has no speech at all (speechUnavailable or no answer): the rest was not asked. */
  readonly unavailable: boolean;
}

/**
 * Asks core to synthesise the fixed prompts (screen titles and hints from the locale files) ahead
 * of time, in the same utterances the player will ask for, at both rates, so the first word of a
 * screen comes from the cache. Strings with {{interpolation}} are left out: their spoken form is
 * only known at run time. One batch at a time, in the background; never throws.
 */
export async function prepareFixedPrompts(
  api: Pick<Client<KioskContract>, 'call'>,
  texts: readonly string[],
  locale: Locale,
): Promise<PreparedPrompts> {
  const utterances = [...new Set(texts.filter((text) => !text.includes('{{')).flatMap(splitUtterances))];
  let prepared = 0;
  let failed = 0;
  for (const rate of RATES) {
    for (let start = 0; start < utterances.length; start += PREPARE_BATCH_SIZE) {
      const batch = utterances.slice(start, start + PREPARE_BATCH_SIZE);
      const answer = await api.call('speech.prepare', { texts: batch, locale, rate });
      if (!answer.ok) {
        if (answer.error.code === 'speechUnavailable' || answer.error.code === 'transport') {
          return { prepared, failed: utterances.length * RATES.length - prepared, unavailable: true };
        }
        failed += batch.length;
        continue;
      }
      prepared += answer.value.prepared;
      failed += answer.value.failed;
    }
  }
  return { prepared, failed, unavailable: false };
}
