import { pinyin } from 'pinyin-pro';

/**
 * Finding a matter by what a villager types: its characters (社保), its full pinyin without
 * tones (shebao, "she bao", yanglaob …) or the initials of the syllables (sb, cxjm). Pure
 * functions: the index entry of a name is computed once, when a catalog version is stored, and
 * matching runs over those entries in memory.
 */

/** One matter's name, split into characters, each with its toneless pinyin ('' for punctuation). */
export interface SearchEntry {
  readonly code: string;
  readonly name: string;
  readonly seq: number;
  /** One per character of `name` (by code point); lowercase, ü written v as typed on a keyboard. */
  readonly syllables: readonly string[];
}

export type MatchedBy = 'characters' | 'pinyin' | 'initials';
/** exact: the whole name; prefix: from its first character; inner: anywhere else. */
export type MatchRank = 'exact' | 'prefix' | 'inner';

export interface NameMatch {
  readonly matchedBy: MatchedBy;
  readonly rank: MatchRank;
  /** UTF-16 ranges [start, end) of the name, ready for String.prototype.slice. */
  readonly highlights: ReadonlyArray<readonly [number, number]>;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const PINYIN_QUERY = /^[a-zv]+$/;

/** The pinyin of each character of `name`; non-Chinese letters and digits stand for themselves. */
export function nameSyllables(name: string): string[] {
  const characters = Array.from(name);
  const readings = pinyin(name, { toneType: 'none', type: 'array', v: true });
  // pinyin-pro gives one reading per character for Chinese text; if it ever groups differently
  // (it would for non-BMP text), fall back to the characters so highlights stay aligned.
  const aligned = readings.length === characters.length;
  return characters.map((character, index) => {
    const reading = (aligned ? readings[index] : character) ?? character;
    if (!LETTER_OR_DIGIT.test(character)) return '';
    return reading.toLowerCase();
  });
}

export function buildSearchEntry(matter: { code: string; name: string; seq: number }): SearchEntry {
  return { code: matter.code, name: matter.name, seq: matter.seq, syllables: nameSyllables(matter.name) };
}

/** What the resident typed, made comparable: lowercased, spaces and syllable marks (') gone. */
export function normaliseQuery(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s'’]+/g, '');
}

/**
 * How `query` matches the entry's name, trying characters, then full pinyin, then initials;
 * null when it does not. `query` must be normalised (normaliseQuery).
 */
export function matchName(entry: SearchEntry, query: string): NameMatch | null {
  if (query.length === 0) return null;
  const byCharacters = matchCharacters(entry, query);
  if (byCharacters) return byCharacters;
  if (!PINYIN_QUERY.test(query)) return null;
  return matchSyllables(entry, query, 'pinyin') ?? matchSyllables(entry, query, 'initials');
}

function matchCharacters(entry: SearchEntry, query: string): NameMatch | null {
  const name = entry.name.toLowerCase();
  const at = name.indexOf(query);
  if (at < 0) return null;
  const rank: MatchRank = at === 0 ? (query.length === name.length ? 'exact' : 'prefix') : 'inner';
  return { matchedBy: 'characters', rank, highlights: [[at, at + query.length]] };
}

/**
 * Finds the first run of characters whose syllables spell `query`: in 'pinyin' mode every
 * syllable in full except the last, which may be begun (yanglaob → 养老保); in 'initials' mode
 * one letter per syllable. Punctuation between characters (、) is stepped over.
 */
function matchSyllables(entry: SearchEntry, query: string, mode: 'pinyin' | 'initials'): NameMatch | null {
  const { syllables } = entry;
  for (let start = 0; start < syllables.length; start++) {
    if (!syllables[start]) continue;
    const end = consume(syllables, start, query, mode);
    if (end === null) continue;
    const firstSpelled = syllables.findIndex((syllable) => syllable !== '');
    const lastSpelled = syllables.findLastIndex((syllable) => syllable !== '');
    const rank: MatchRank = start !== firstSpelled ? 'inner' : end === lastSpelled ? 'exact' : 'prefix';
    return { matchedBy: mode, rank, highlights: [utf16Range(entry.name, start, end + 1)] };
  }
  return null;
}

/** The index of the last character used when `query` is spelled from `start`, or null. */
function consume(
  syllables: readonly string[],
  start: number,
  query: string,
  mode: 'pinyin' | 'initials',
): number | null {
  let rest = query;
  for (let index = start; index < syllables.length; index++) {
    const syllable = syllables[index] ?? '';
    if (syllable === '') continue;
    const piece = mode === 'initials' ? syllable.slice(0, 1) : syllable;
    if (rest.startsWith(piece)) {
      rest = rest.slice(piece.length);
      if (rest === '') return index;
    } else if (mode === 'pinyin' && piece.startsWith(rest)) {
      return index;
    } else {
      return null;
    }
  }
  return null;
}

/** Code-point positions [from, to) of `name` as UTF-16 offsets. */
function utf16Range(name: string, from: number, to: number): readonly [number, number] {
  const characters = Array.from(name);
  const offset = (index: number) => characters.slice(0, index).join('').length;
  return [offset(from), offset(to)];
}

const METHOD_ORDER: Record<MatchedBy, number> = { characters: 0, pinyin: 1, initials: 2 };
const RANK_ORDER: Record<MatchRank, number> = { exact: 0, prefix: 1, inner: 2 };

export interface RankedHit<E extends SearchEntry = SearchEntry> {
  readonly entry: E;
  readonly match: NameMatch;
}

/**
 * Every entry that matches, best first: characters before pinyin before initials, then the
 * whole name before its beginning before its middle, then published order.
 */
export function searchEntries<E extends SearchEntry>(entries: readonly E[], text: string): Array<RankedHit<E>> {
  const query = normaliseQuery(text);
  const hits: Array<RankedHit<E>> = [];
  for (const entry of entries) {
    const match = matchName(entry, query);
    if (match) hits.push({ entry, match });
  }
  return hits.sort(
    (a, b) =>
      METHOD_ORDER[a.match.matchedBy] - METHOD_ORDER[b.match.matchedBy] ||
      RANK_ORDER[a.match.rank] - RANK_ORDER[b.match.rank] ||
      a.entry.seq - b.entry.seq,
  );
}
