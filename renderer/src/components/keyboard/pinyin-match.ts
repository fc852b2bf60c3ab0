import type { Lexicon, LexiconWord } from './lexicon';

/** One choice in the candidate bar: its text and how many buffer characters picking it uses up. */
export interface Candidate {
  readonly text: string;
  readonly consumed: number;
}

/** The separator a resident may type between syllables (xi'an). */
export const SEPARATOR = "'";

function isSyllablePrefix(lexicon: Lexicon, piece: string): boolean {
  return lexicon.syllables.some((s) => s.startsWith(piece));
}

/**
 * Whether `rest` reads as whole syllables, the last one possibly unfinished ("san", "sanf"), so a
 * word that leaves it behind is a sensible choice (北极 for "beijing" leaves "ng": not offered).
 */
function readsAsSyllables(lexicon: Lexicon, rest: string): boolean {
  const text = rest.replace(/^'+/, '');
  if (text === '') return true;
  const chars = lexicon.charsBySyllable;
  for (let end = Math.min(text.length, 6); end >= 1; end -= 1) {
    const head = text.slice(0, end);
    if (end === text.length && isSyllablePrefix(lexicon, head)) return true;
    if (chars.has(head) && readsAsSyllables(lexicon, text.slice(end))) return true;
  }
  return false;
}

/**
 * Whether the whole buffer spells the word, each syllable in full or by its first letters
 * ("shenfenzheng", "sfz", "shenfz"); a separator may stand only between syllables. With
 * `unfinished`, the buffer may stop after two syllables ("dongbu" for 东埠村).
 */
function spellsWhole(syllables: readonly string[], buffer: string, unfinished: boolean, k = 0, i = 0): boolean {
  let at = i;
  if (buffer[at] === SEPARATOR && k > 0) at += 1;
  const syllable = syllables[k];
  if (syllable === undefined || (unfinished && k >= 2 && at === buffer.length)) return at === buffer.length;
  for (let j = syllable.length; j >= 1; j -= 1) {
    if (buffer.startsWith(syllable.slice(0, j), at) && spellsWhole(syllables, buffer, unfinished, k + 1, at + j)) {
      return true;
    }
  }
  return false;
}

/** How much of the buffer the word's full syllables use up ("zhangsanfeng" → 张三 uses 8), or 0. */
function spellsStart(syllables: readonly string[], buffer: string): number {
  let at = 0;
  for (const [k, syllable] of syllables.entries()) {
    if (k > 0 && buffer[at] === SEPARATOR) at += 1;
    if (!buffer.startsWith(syllable, at)) return 0;
    at += syllable.length;
  }
  return at;
}

const exactly = (syllables: readonly string[], buffer: string) =>
  syllables.join('') === buffer.replaceAll(SEPARATOR, '');

function charsOf(lexicon: Lexicon, syllable: string): readonly string[] {
  return lexicon.charsBySyllable.get(syllable) ?? [];
}

/**
 * The first syllable, longest first such that the rest still reads ("zhangsan" → zhang, "fangan"
 * → fang); when the buffer does not start with a whole syllable ("zh", "sfz"), the longest start of
 * one, which offers the characters of every syllable it begins.
 */
function firstSyllable(lexicon: Lexicon, buffer: string): { piece: string; whole: boolean } | null {
  const head = buffer.split(SEPARATOR)[0] ?? '';
  let fallback: string | null = null;
  for (let end = Math.min(head.length, 6); end >= 1; end -= 1) {
    const piece = head.slice(0, end);
    if (!lexicon.charsBySyllable.has(piece)) continue;
    if (readsAsSyllables(lexicon, buffer.slice(end))) return { piece, whole: true };
    fallback ??= piece;
  }
  if (fallback !== null) return { piece: fallback, whole: true };
  for (let end = head.length; end >= 1; end -= 1) {
    const piece = head.slice(0, end);
    if (isSyllablePrefix(lexicon, piece)) return { piece, whole: false };
  }
  return null;
}

function charCandidates(lexicon: Lexicon, buffer: string): Candidate[] {
  const first = firstSyllable(lexicon, buffer);
  if (first === null) return [];
  const consumed = first.piece.length;
  if (first.whole) return charsOf(lexicon, first.piece).map((text) => ({ text, consumed }));
  const rank = (c: string) => lexicon.rank.get(c) ?? Number.MAX_SAFE_INTEGER;
  const merged = new Set(
    lexicon.syllables.filter((s) => s.startsWith(first.piece)).flatMap((s) => charsOf(lexicon, s)),
  );
  return [...merged].sort((a, b) => rank(a) - rank(b)).map((text) => ({ text, consumed }));
}

/**
 * Everything the buffer can become, best first: words the whole buffer spells (run-time
 * vocabulary first, then exact spellings before abbreviations), words that take its start, then
 * the characters of its first syllable. A buffer that is one syllable or the start of one ("xian",
 * "zh") shows its characters before words (西安, 在行): residents mostly mean a character then.
 */
export function candidatesFor(lexicon: Lexicon, buffer: string, extra: readonly LexiconWord[] = []): Candidate[] {
  if (buffer.replaceAll(SEPARATOR, '') === '') return [];
  const words = [...extra, ...lexicon.words];
  // Run-time vocabulary is short and local (village names), so it may complete a name too.
  const whole = [
    ...extra.filter((w) => spellsWhole(w.syllables, buffer, true)),
    ...lexicon.words.filter((w) => spellsWhole(w.syllables, buffer, false)),
  ];
  const wholeWords = [
    ...whole.filter((w) => exactly(w.syllables, buffer)),
    ...whole.filter((w) => !exactly(w.syllables, buffer)),
  ].map((w) => ({ text: w.text, consumed: buffer.length }));
  const startWords = words
    .map((w) => ({ text: w.text, consumed: spellsStart(w.syllables, buffer) }))
    .filter((c) => c.consumed > 0 && c.consumed < buffer.length && readsAsSyllables(lexicon, buffer.slice(c.consumed)))
    .sort((a, b) => b.consumed - a.consumed);
  const chars = charCandidates(lexicon, buffer);
  const oneSyllable = !buffer.includes(SEPARATOR) && isSyllablePrefix(lexicon, buffer);
  const ordered = oneSyllable ? [...chars, ...wholeWords, ...startWords] : [...wholeWords, ...startWords, ...chars];
  const seen = new Set<string>();
  return ordered.filter((c) => {
    if (seen.has(c.text)) return false;
    seen.add(c.text);
    return true;
  });
}
