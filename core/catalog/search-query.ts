import { isHan, MAX_SYLLABLE_LENGTH, nearSyllables, readingsOf, SYLLABLES, syllableOf } from './pinyin-syllables';

/**
 * What a resident typed, read as a sequence of elements that each stand for one character of a
 * matter's name: a Chinese character (matched by itself or by its sound), a typed syllable, the
 * last syllable begun, a syllable with one wrong letter, or a digit. Typed letters can often be
 * split into syllables in more than one way (xian: xian or xi + an), so a query has several
 * spellings; a match by any of them counts.
 */
export type QueryElement =
  | { readonly kind: 'han'; readonly character: string; readonly readings: ReadonlySet<string> }
  | { readonly kind: 'syllable'; readonly syllable: string }
  /** The last syllable, not finished (yanglaob: bao, bai, ban …). */
  | { readonly kind: 'begun'; readonly prefix: string }
  /** A piece one wrong letter away from these syllables. */
  | { readonly kind: 'near'; readonly piece: string; readonly syllables: ReadonlySet<string> }
  | { readonly kind: 'literal'; readonly character: string };

export type Spelling = readonly QueryElement[];

/** What the resident typed, made comparable: lowercased, spaces and syllable marks (') gone. */
export function normaliseQuery(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s'’]+/g, '');
}

const LETTER = /^[a-z]$/;
const LETTERS_ONLY = /^[a-z]+$/;

export const isLettersOnly = (query: string): boolean => LETTERS_ONLY.test(query);

/** How many letters a query has: a wrong letter is only looked for in queries with enough of them. */
export const letterCount = (query: string): number => Array.from(query).filter((c) => LETTER.test(c)).length;

type Token =
  { readonly kind: 'letters'; readonly text: string } | { readonly kind: 'character'; readonly text: string };

function tokens(query: string): Token[] {
  const result: Token[] = [];
  for (const character of query) {
    const last = result.at(-1);
    if (LETTER.test(character)) {
      if (last?.kind === 'letters') result[result.length - 1] = { kind: 'letters', text: last.text + character };
      else result.push({ kind: 'letters', text: character });
    } else if (/^[\p{L}\p{N}]$/u.test(character)) {
      result.push({ kind: 'character', text: character });
    }
    // Anything else (punctuation) separates nothing in a name search: it is dropped.
  }
  return result;
}

const SYLLABLE_STARTS: ReadonlySet<string> = new Set(
  [...SYLLABLES].flatMap((syllable) => Array.from({ length: syllable.length }, (_, i) => syllable.slice(0, i + 1))),
);
const isSyllableStart = (piece: string): boolean => SYLLABLE_STARTS.has(piece);

/** Enough spellings for any query a resident types; a bound keeps a pathological one cheap. */
const MAX_SPELLINGS = 48;

/**
 * The ways to read `query` as elements. With `oneWrongLetter`, exactly one piece of typed letters
 * is read as a syllable one edit away (and spellings without such a piece are left out: they are
 * the exact ones). A query of characters only has one spelling.
 */
export function spellings(query: string, oneWrongLetter = false): Spelling[] {
  const parts = tokens(query);
  const results: QueryElement[][] = [];
  const walk = (tokenIndex: number, at: number, edited: boolean, sofar: QueryElement[]): void => {
    if (results.length >= MAX_SPELLINGS) return;
    const token = parts[tokenIndex];
    if (!token) {
      if (edited === oneWrongLetter && sofar.length > 0) results.push(sofar);
      return;
    }
    if (token.kind === 'character') {
      const element: QueryElement = isHan(token.text)
        ? { kind: 'han', character: token.text, readings: readingsOf(token.text) }
        : { kind: 'literal', character: token.text };
      walk(tokenIndex + 1, 0, edited, [...sofar, element]);
      return;
    }
    const letters = token.text;
    if (at === letters.length) {
      walk(tokenIndex + 1, 0, edited, sofar);
      return;
    }
    const rest = letters.slice(at);
    const lastOfQuery = tokenIndex === parts.length - 1;
    // The query's last syllable may be unfinished: "yanglaob" is 养老保 on its way.
    if (lastOfQuery && isSyllableStart(rest)) {
      walk(tokenIndex, letters.length, edited, [...sofar, { kind: 'begun', prefix: rest }]);
    }
    for (let length = 1; length <= Math.min(MAX_SYLLABLE_LENGTH + 1, rest.length); length++) {
      const piece = rest.slice(0, length);
      const whole = length === rest.length && lastOfQuery;
      const syllable = syllableOf(piece);
      // A whole syllable at the very end was read as begun above (it covers the syllable itself).
      if (syllable !== null && !(whole && isSyllableStart(piece))) {
        walk(tokenIndex, at + length, edited, [...sofar, { kind: 'syllable', syllable }]);
      }
      if (oneWrongLetter && !edited && length >= 2) {
        const near = nearSyllables(piece);
        if (near.length > 0) {
          walk(tokenIndex, at + length, true, [...sofar, { kind: 'near', piece, syllables: new Set(near) }]);
        }
      }
    }
  };
  walk(0, 0, false, []);
  return results;
}

/** How a term's character answers one element: by itself, by its sound, or not at all. */
export type ElementMatch = 'character' | 'sound' | 'letters' | 'near' | null;

export function elementMatches(element: QueryElement, character: string, syllable: string): ElementMatch {
  switch (element.kind) {
    case 'han':
      if (character === element.character) return 'character';
      return element.readings.has(syllable) ? 'sound' : null;
    case 'syllable':
      return syllable === element.syllable ? 'letters' : null;
    case 'begun':
      return syllable.startsWith(element.prefix) && isHan(character) ? 'letters' : null;
    case 'near':
      return element.syllables.has(syllable) ? 'near' : null;
    case 'literal':
      return character.toLowerCase() === element.character ? 'character' : null;
  }
}
