import type { Guide } from '../../platform/contract/catalog';

/**
 * The key phrases of a guide that search looks in: what the matter is (its summary), who it is
 * for (服务对象, 受理条件) and what residents ask about it (常见问题). Cut at punctuation, so a
 * guide's own abbreviation stands alone ("最低生活保障（低保）" gives 低保) and a match can say which
 * phrase it was. Materials, places and legal basis are left out: 身份证 is in every guide and
 * says nothing about what a matter is.
 */

/** Shorter is a stray character; longer is a sentence no one types. */
const MIN_LENGTH = 2;
const MAX_LENGTH = 40;
const PUNCTUATION = /[\s，。；：、！？,.;:!?（）()【】[\]“”"‘’'《》〈〉/…—-]+/u;

export function guideKeywords(guide: Guide): string[] {
  const texts = [
    guide.summary,
    guide.basicInfo.servedParties,
    ...guide.conditions,
    ...guide.faq.map((entry) => entry.question),
  ];
  const phrases = new Set<string>();
  for (const text of texts) {
    for (const phrase of text.split(PUNCTUATION)) {
      const length = Array.from(phrase).length;
      if (length >= MIN_LENGTH && length <= MAX_LENGTH) phrases.add(phrase);
    }
  }
  return [...phrases];
}
