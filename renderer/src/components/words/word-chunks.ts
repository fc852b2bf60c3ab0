/**
 * Where a label may wrap: between words, never inside one. Chinese has no spaces, and a browser
 * breaks CJK text between any two characters, so a narrow tile shows 取号排/队. Intl.Segmenter
 * (ICU's dictionary) finds the words; it splits some that villagers read as one (低|保, 取|号,
 * 参|保), so runs of single Han characters are kept together as one chunk. A label of at most
 * SHORT_LABEL_HAN Chinese characters is one chunk: it never wraps at all.
 */
export const SHORT_LABEL_HAN = 6;

const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;

function isSingleHan(segment: string): boolean {
  return segment.length === 1 && HAN.test(segment);
}

let segmenter: Intl.Segmenter | null = null;

/**
 * Labels already cut: the same few hundred (matter names, tiles, buttons) are drawn on every
 * screen, and segmenting them again was a tenth of a tap's work. Bounded, so a stream of typed
 * search text cannot grow it without end.
 */
const cut = new Map<string, readonly string[]>();
const CUT_LABELS_KEPT = 2000;

/** The label cut into the pieces it may wrap between; joined, they are the label again. */
export function wordChunks(text: string): readonly string[] {
  const known = cut.get(text);
  if (known) return known;
  const chunks = cutLabel(text);
  if (cut.size >= CUT_LABELS_KEPT) cut.clear();
  cut.set(text, chunks);
  return chunks;
}

function cutLabel(text: string): readonly string[] {
  if ((text.match(HAN_ALL) ?? []).length <= SHORT_LABEL_HAN) return text === '' ? [] : [text];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const chunks: string[] = [];
  let singles = false;
  for (const { segment } of segmenter.segment(text)) {
    const single = isSingleHan(segment);
    const last = chunks.length - 1;
    // Punctuation and spaces stay with the word before them: a line never starts with "，".
    const trailing = last >= 0 && !HAN.test(segment) && !/^[\p{L}\p{N}]/u.test(segment);
    if (last >= 0 && ((single && singles) || trailing)) chunks[last] += segment;
    else chunks.push(segment);
    singles = single;
  }
  return chunks;
}
