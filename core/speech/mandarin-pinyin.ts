import { pinyin } from 'pinyin-pro';
import { normaliseMandarin } from './normalise-mandarin';

/**
 * Mandarin text → what espeak-ng's `cmn-latn-pinyin` voice reads well: toned pinyin syllables
 * ("yin2 hang2"), capital letters spelt one by one, and `,` `.` for pauses.
 *
 * Why pinyin and not characters: Debian bookworm's `cmn` voice reads the tone digits of its own
 * dictionary as English words, and espeak-ng picks the wrong reading of polyphones (银行 →
 * yín xíng). pinyin-pro chooses readings from the words around a character (银行 yin2 hang2,
 * 行长 hang2 zhang3, 重新 chong2 xin1) and applies the 一/不 tone changes; espeak-ng applies the
 * third-tone change (你好 → ni2 hao3) itself.
 */
export function mandarinToEspeakPinyin(text: string): string {
  const normalised = normaliseMandarin(text);
  const items = pinyin(normalised, { type: 'all', toneType: 'num', nonZh: 'consecutive', v: true });
  const words: string[] = [];
  for (const item of items) {
    if (item.isZh) {
      // pinyin-pro writes the neutral tone as 0; espeak-ng reads 0 as a first tone and wants 5.
      if (item.pinyin !== '') words.push(item.pinyin.replace(/0$/, '5'));
    } else {
      // The normaliser left only capitals, spaces and pauses outside Han text; anything else is dropped.
      const kept = item.origin.replace(/[^A-Z,. ]+/g, ' ').trim();
      if (kept !== '') words.push(kept);
    }
  }
  return words
    .join(' ')
    .replace(/\s+([,.])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
