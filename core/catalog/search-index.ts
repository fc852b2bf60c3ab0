import { BROAD_TERMS, type BroadTerm } from './term-table';
import {
  elementMatches,
  isLettersOnly,
  letterCount,
  normaliseQuery,
  spellings,
  type QueryElement,
  type Spelling,
} from './search-query';
import { SYLLABLES, termSyllables } from './pinyin-syllables';

/**
 * Finding a matter by what a villager says or types. Each matter is searched by its name, its
 * aliases (又称), its department's name and the key phrases of its guide, and matched:
 *
 * - by characters (低保 in 低保户), the whole query anywhere in the text;
 * - by pinyin: syllables typed in full, the last one perhaps begun (yanglaob → 养老保), and mixed
 *   with characters (laonian优待 → 老年优待);
 * - by initials, one letter per syllable (sb → 社保, cxjm → 城乡居民), names and aliases only;
 * - by sound, when the characters are homophones of the right ones (残急人 → 残疾人: the input
 *   method offered the wrong 急), compared by toneless syllables with every reading of each typed
 *   character;
 * - with one wrong letter (shebap → 社保, yanglaobaoxain → 养老保险), names and aliases only, and
 *   only when nothing matched exactly: see `spellings` for where the wrong letter may be;
 * - by a broader word (社保 finds the 养老保险 and 医疗保险 matters, term-table.ts).
 *
 * One result per matter, its best match first: names and aliases, then broader words, then
 * departments, then guides; within those characters before pinyin before initials before sound
 * before a wrong letter; the whole text before its start before its middle; then how often the
 * matter is used at this station; then published order.
 *
 * The index is built once per stored catalog version and kept in memory; posting lists (which
 * texts hold a character, a syllable, a pair of initials) keep a query over thousands of matters
 * to the few texts that can match.
 */

export type SearchField = 'name' | 'alias' | 'department' | 'guide';
/** Where a match was found: one of the matter's texts, or a narrower word of the query's. */
export type MatchedIn = SearchField | 'broader';
export type MatchedBy = 'characters' | 'pinyin' | 'initials' | 'sound' | 'similar';
/** exact: the whole text; prefix: from its first character; inner: anywhere else. */
export type MatchRank = 'exact' | 'prefix' | 'inner';

export interface SearchTerm {
  readonly field: Exclude<SearchField, 'name'>;
  readonly text: string;
  /** One per character of `text` (by code point): toneless pinyin, '' for punctuation (pinyin-syllables.ts). */
  readonly syllables: readonly string[];
}

export interface SearchDocument {
  readonly code: string;
  readonly name: string;
  readonly seq: number;
  readonly nameSyllables: readonly string[];
  readonly terms: readonly SearchTerm[];
}

export interface SearchMatch {
  readonly matchedBy: MatchedBy;
  readonly matchedIn: MatchedIn;
  readonly rank: MatchRank;
  /** The alias, department, guide phrase or narrower word that matched; null when the name did. */
  readonly matchedText: string | null;
  /** UTF-16 ranges [start, end) of the name, ready for String.prototype.slice; empty unless in the name. */
  readonly highlights: ReadonlyArray<readonly [number, number]>;
}

export interface RankedHit<D extends SearchDocument> {
  readonly document: D;
  readonly match: SearchMatch;
}

export interface SearchOptions {
  /**
   * How often each matter code is used at this station: ranks equally good matches. Read again
   * when it is another map than last time (MatterUsage gives a new map with every recorded use).
   */
  readonly uses?: ReadonlyMap<string, number>;
  /** How many of the best to give back (all when absent); `total` still counts every match. */
  readonly limit?: number;
}

export interface SearchIndex<D extends SearchDocument> {
  readonly size: number;
  /** The matching matters, best first, and how many matched in all. */
  search(text: string, options?: SearchOptions): { total: number; hits: Array<RankedHit<D>> };
}

/** Initials and a wrong letter are too loose for long texts: a department or a guide phrase would match anything. */
const LOOSE_METHODS: Record<MatchedBy, boolean> = {
  characters: false,
  pinyin: false,
  sound: false,
  initials: true,
  similar: true,
};
const PRIMARY_FIELDS: Record<SearchField, boolean> = { name: true, alias: true, department: false, guide: false };

const FIELD_TIER: Record<MatchedIn, number> = { name: 0, alias: 0, broader: 1, department: 2, guide: 3 };
const FIELD_ORDER: Record<MatchedIn, number> = { name: 0, alias: 1, broader: 2, department: 3, guide: 4 };
const METHOD_TIER: Record<MatchedBy, number> = { characters: 0, pinyin: 1, initials: 2, sound: 3, similar: 4 };
const RANK_TIER: Record<MatchRank, number> = { exact: 0, prefix: 1, inner: 2 };

/** A wrong letter is looked for only in queries of at least this many letters: fewer leave too little to tell. */
export const MIN_LETTERS_FOR_WRONG_LETTER = 4;

interface IndexedTerm {
  readonly text: string;
  readonly lower: string;
  /** Code points of `lower`. */
  readonly characters: readonly string[];
  readonly syllables: readonly string[];
  readonly firstSpelled: number;
  readonly lastSpelled: number;
  /** True when every character is one UTF-16 unit, so code-point and UTF-16 positions agree. */
  readonly bmp: boolean;
  readonly refs: Array<{ readonly doc: number; readonly field: SearchField }>;
  primary: boolean;
}

/** Where in a term a query matched, by code points [from, to). */
interface TermMatch {
  readonly by: MatchedBy;
  readonly rank: MatchRank;
  readonly from: number;
  readonly to: number;
}

function indexedTerm(text: string, syllables: readonly string[]): IndexedTerm {
  const lower = text.toLowerCase();
  const characters = Array.from(lower);
  return {
    text,
    lower,
    characters,
    syllables,
    firstSpelled: syllables.findIndex((syllable) => syllable !== ''),
    lastSpelled: syllables.findLastIndex((syllable) => syllable !== ''),
    bmp: characters.length === lower.length,
    refs: [],
    primary: false,
  };
}

function rankOf(term: IndexedTerm, from: number, last: number): MatchRank {
  if (from !== term.firstSpelled) return 'inner';
  return last === term.lastSpelled ? 'exact' : 'prefix';
}

/** The whole query as it stands, anywhere in the text. */
function matchCharacters(term: IndexedTerm, needle: string): TermMatch | null {
  const at = term.lower.indexOf(needle);
  if (at < 0) return null;
  const from = term.bmp ? at : Array.from(term.lower.slice(0, at)).length;
  const to = from + Array.from(needle).length;
  const rank: MatchRank = at === 0 ? (needle.length === term.lower.length ? 'exact' : 'prefix') : 'inner';
  return { by: 'characters', rank, from, to };
}

/**
 * The first run of the term's characters that the spelling's elements answer one by one;
 * punctuation between characters (、) is stepped over.
 */
function matchSpelling(term: IndexedTerm, spelling: Spelling): TermMatch | null {
  const { syllables, characters } = term;
  for (let start = 0; start < syllables.length; start++) {
    if (!syllables[start]) continue;
    let at = start;
    let last = start;
    let sound = false;
    let letters = false;
    let near = false;
    let matched = true;
    for (const element of spelling) {
      while (at < syllables.length && syllables[at] === '') at++;
      const answer = at < syllables.length ? elementMatches(element, characters[at] ?? '', syllables[at] ?? '') : null;
      if (answer === null) {
        matched = false;
        break;
      }
      if (answer === 'sound') sound = true;
      else if (answer === 'letters') letters = true;
      else if (answer === 'near') near = true;
      last = at;
      at++;
    }
    if (!matched) continue;
    const by: MatchedBy = near ? 'similar' : letters ? 'pinyin' : sound ? 'sound' : 'characters';
    return { by, rank: rankOf(term, start, last), from: start, to: last + 1 };
  }
  return null;
}

/** One letter per syllable, from any syllable on (cxjm → 城乡居民, sb → 社保). */
function matchInitials(term: IndexedTerm, letters: string): TermMatch | null {
  const { syllables } = term;
  for (let start = 0; start < syllables.length; start++) {
    if (!syllables[start]?.startsWith(letters[0] ?? '')) continue;
    let at = start;
    let last = start;
    let matched = true;
    for (const letter of letters) {
      while (at < syllables.length && syllables[at] === '') at++;
      const syllable = syllables[at];
      if (syllable === undefined || !syllable.startsWith(letter)) {
        matched = false;
        break;
      }
      last = at;
      at++;
    }
    if (matched) return { by: 'initials', rank: rankOf(term, start, last), from: start, to: last + 1 };
  }
  return null;
}

function push(postings: Map<string, number[]>, key: string, id: number): void {
  const list = postings.get(key);
  if (!list) postings.set(key, [id]);
  else if (list.at(-1) !== id) list.push(id);
}

const SYLLABLES_BY_START = (() => {
  const byStart = new Map<string, string[]>();
  for (const syllable of SYLLABLES) {
    for (let length = 1; length <= syllable.length; length++) {
      const start = syllable.slice(0, length);
      byStart.set(start, [...(byStart.get(start) ?? []), syllable]);
    }
  }
  return byStart;
})();

/** The UTF-16 range of code points [from, to) of `text`. */
function utf16Range(text: string, from: number, to: number): readonly [number, number] {
  const characters = Array.from(text);
  const offset = (index: number) => characters.slice(0, index).join('').length;
  return [offset(from), offset(to)];
}

export function buildSearchIndex<D extends SearchDocument>(
  documents: readonly D[],
  broadTerms: readonly BroadTerm[] = BROAD_TERMS,
): SearchIndex<D> {
  const terms: IndexedTerm[] = [];
  const byText = new Map<string, number>();
  const intern = (text: string, syllables: readonly string[], doc: number, field: SearchField) => {
    let id = byText.get(text);
    if (id === undefined) {
      id = terms.length;
      terms.push(indexedTerm(text, syllables));
      byText.set(text, id);
    }
    const term = terms[id];
    if (!term) throw new Error('search index: interned term missing');
    if (!term.refs.some((ref) => ref.doc === doc && ref.field === field)) term.refs.push({ doc, field });
    if (field === 'name' || field === 'alias') term.primary = true;
  };
  documents.forEach((document, doc) => {
    intern(document.name, document.nameSyllables, doc, 'name');
    for (const term of document.terms) intern(term.text, term.syllables, doc, term.field);
  });

  // Posting lists: which texts hold a character, two characters in a row, a syllable, two
  // syllables in a row (punctuation stepped over), and (names and aliases only) an initial or
  // two initials in a row. Pairs are what keep a query cheap: 养老 is rare where 养 and 老 are not.
  const byCharacter = new Map<string, number[]>();
  const byCharacterPair = new Map<string, number[]>();
  const bySyllable = new Map<string, number[]>();
  const bySyllablePair = new Map<string, number[]>();
  const byInitialPair = new Map<string, number[]>();
  const byInitial = new Map<string, number[]>();
  terms.forEach((term, id) => {
    term.characters.forEach((character, index) => {
      push(byCharacter, character, id);
      const next = term.characters[index + 1];
      if (next !== undefined) push(byCharacterPair, character + next, id);
    });
    const spelled = term.syllables.filter((syllable) => syllable !== '');
    spelled.forEach((syllable, index) => {
      push(bySyllable, syllable, id);
      const next = spelled[index + 1];
      if (next !== undefined) push(bySyllablePair, `${syllable} ${next}`, id);
      if (!term.primary) return;
      push(byInitial, syllable.slice(0, 1), id);
      if (next !== undefined) push(byInitialPair, syllable.slice(0, 1) + next.slice(0, 1), id);
    });
  });
  // A list gets an id once however often its key occurs in a text (push skips a repeat of the
  // last id), and ids come in order, so every list is sorted and without duplicates.

  const broad = broadTerms.map((entry) => ({
    entry,
    term: indexedTerm(entry.term, termSyllables(entry.term)),
  }));

  // Marks for de-duplicating candidate terms across posting lists without allocating a Set per query.
  const seen = new Uint32Array(terms.length);
  let epoch = 0;

  const unionOf = (lists: ReadonlyArray<readonly number[]>): number[] => {
    if (lists.length === 1) return [...(lists[0] ?? [])];
    epoch++;
    const result: number[] = [];
    for (const list of lists) {
      for (const id of list) {
        if (seen[id] === epoch) continue;
        seen[id] = epoch;
        result.push(id);
      }
    }
    return result;
  };

  /** The syllables a term's character may have to answer an element (a character's own is among its readings). */
  const syllablesFor = (element: QueryElement): Iterable<string> => {
    switch (element.kind) {
      case 'han':
        return element.readings;
      case 'syllable':
        return [element.syllable];
      case 'begun':
        return SYLLABLES_BY_START.get(element.prefix) ?? [];
      case 'near':
        return element.syllables;
      case 'literal':
        return [element.character];
    }
  };

  const listsOf = (keys: Iterable<string>, postings: ReadonlyMap<string, number[]>): Array<readonly number[]> => {
    const found: Array<readonly number[]> = [];
    for (const key of keys) {
      const list = postings.get(key);
      if (list) found.push(list);
    }
    return found;
  };

  /**
   * Terms that may hold the spelling: those holding its rarest pair of neighbouring elements
   * (its one element when it has one), to be checked by matchSpelling.
   */
  const spellingCandidates = (spelling: Spelling): number[] => {
    let best: Array<readonly number[]> | null = null;
    let bestSize = Infinity;
    const consider = (lists: Array<readonly number[]>) => {
      const size = lists.reduce((sum, list) => sum + list.length, 0);
      if (size < bestSize) {
        best = lists;
        bestSize = size;
      }
    };
    if (spelling.length === 1) {
      const [only] = spelling;
      if (only) consider(listsOf(syllablesFor(only), bySyllable));
    }
    for (let k = 0; k + 1 < spelling.length && bestSize > 0; k++) {
      const first = spelling[k];
      const second = spelling[k + 1];
      if (!first || !second) continue;
      const keys: string[] = [];
      for (const a of syllablesFor(first)) for (const b of syllablesFor(second)) keys.push(`${a} ${b}`);
      consider(listsOf(keys, bySyllablePair));
    }
    return best ? unionOf(best) : [];
  };

  /** Terms that may hold `needle` as it stands: those holding its rarest pair of characters. */
  const characterCandidates = (needle: string): readonly number[] => {
    const characters = Array.from(needle);
    if (characters.length === 1) return byCharacter.get(needle) ?? [];
    let best: readonly number[] | null = null;
    for (let k = 0; k + 1 < characters.length; k++) {
      const list = byCharacterPair.get(`${characters[k]}${characters[k + 1]}`);
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? [];
  };

  // Per matter, for the query under way: the key of its best match (what ranks it) and of the
  // match it shows, with what those matches were; `touched` marks which matters are of this query.
  // Parallel arrays rather than an object per match: a broad query touches thousands of matters.
  const count = documents.length;
  const touched = new Uint32Array(count);
  const rankKey = new Float64Array(count);
  const showKey = new Float64Array(count);
  const showTerm = new Int32Array(count);
  const showMatch: Array<TermMatch | undefined> = new Array<TermMatch | undefined>(count);
  const showBy: MatchedBy[] = new Array<MatchedBy>(count);
  const showIn: MatchedIn[] = new Array<MatchedIn>(count);
  const showText: Array<string | null> = new Array<string | null>(count);
  let query = 0;
  // The station's use counts by matter, read again only when the counts change (a new map).
  const usesByDoc = new Float64Array(count);
  let usesFrom: ReadonlyMap<string, number> | null = null;

  return {
    size: documents.length,
    search(text, options = {}) {
      const uses = options.uses ?? NO_USES;
      const limit = options.limit ?? Infinity;
      const typed = normaliseQuery(text);
      if (typed === '') return { total: 0, hits: [] };
      query++;
      const found: number[] = [];
      let primaryFound = false;

      const offer = (id: number, match: TermMatch, by: MatchedBy = match.by, broader: string | null = null) => {
        const term = terms[id];
        if (!term) return;
        const where = RANK_TIER[match.rank];
        const primaryOnly = broader !== null || LOOSE_METHODS[by];
        for (const { doc, field } of term.refs) {
          if (primaryOnly && !PRIMARY_FIELDS[field]) continue;
          const matchedIn: MatchedIn = broader !== null ? 'broader' : field;
          const base = FIELD_TIER[matchedIn] * 1000 + METHOD_TIER[by] * 100;
          const order = FIELD_ORDER[matchedIn];
          const byRank = base + where * 10 + order;
          const byShow = base + order * 10 + where;
          if (touched[doc] !== query) {
            touched[doc] = query;
            found.push(doc);
            rankKey[doc] = Infinity;
            showKey[doc] = Infinity;
          }
          if (byRank < (rankKey[doc] ?? Infinity)) rankKey[doc] = byRank;
          if (byShow < (showKey[doc] ?? Infinity)) {
            showKey[doc] = byShow;
            showTerm[doc] = id;
            showMatch[doc] = match;
            showBy[doc] = by;
            showIn[doc] = matchedIn;
            showText[doc] = broader ?? (field === 'name' ? null : term.text);
          }
          if (matchedIn === 'name' || matchedIn === 'alias') primaryFound = true;
        }
      };

      for (const id of characterCandidates(typed)) {
        const term = terms[id];
        const match = term && matchCharacters(term, typed);
        if (match) offer(id, match);
      }

      const letters = letterCount(typed);
      const lettersOnly = isLettersOnly(typed);
      const characterCount = Array.from(typed).length;
      // By sound (homophones of characters) only when the characters themselves found nothing:
      // a query of characters that matches as typed means what it says. A single character or
      // letter by sound would be every homophone in the catalog.
      const bySound = letters > 0 || !primaryFound;
      const exact = characterCount > 1 && bySound ? spellings(typed) : [];
      for (const spelling of exact) {
        for (const id of spellingCandidates(spelling)) {
          const term = terms[id];
          const match = term && matchSpelling(term, spelling);
          if (match) offer(id, match);
        }
      }

      if (lettersOnly) {
        const initialsList = typed.length >= 2 ? byInitialPair.get(typed.slice(0, 2)) : byInitial.get(typed);
        for (const id of initialsList ?? []) {
          const term = terms[id];
          const match = term && matchInitials(term, typed);
          if (match) offer(id, match);
        }
      }

      const expand = (spellingsOfQuery: readonly Spelling[]) => {
        for (const { entry, term } of broad) {
          const by = wholeMatch(term, typed, spellingsOfQuery, lettersOnly);
          if (by === null) continue;
          for (const narrower of entry.narrower) {
            // A text that holds 养老保险 holds 养老 itself, and was found by it, better.
            if (narrower.includes(entry.term)) continue;
            const needle = narrower.toLowerCase();
            for (const id of characterCandidates(needle)) {
              const candidate = terms[id];
              if (!candidate?.primary) continue;
              const match = matchCharacters(candidate, needle);
              if (match) offer(id, match, by, narrower);
            }
          }
        }
      };
      expand(exact);

      if (!primaryFound && letters >= MIN_LETTERS_FOR_WRONG_LETTER) {
        const oneWrong = spellings(typed, true);
        for (const spelling of oneWrong) {
          for (const id of spellingCandidates(spelling)) {
            const term = terms[id];
            if (!term?.primary) continue;
            const match = matchSpelling(term, spelling);
            if (match) offer(id, match);
          }
        }
        expand(oneWrong);
      }

      if (usesFrom !== uses) {
        usesFrom = uses;
        documents.forEach((document, doc) => (usesByDoc[doc] = uses.get(document.code) ?? 0));
      }
      const usesOf = (doc: number) => usesByDoc[doc] ?? 0;
      const before = (a: number, b: number) =>
        (rankKey[a] ?? 0) - (rankKey[b] ?? 0) ||
        usesOf(b) - usesOf(a) ||
        (documents[a]?.seq ?? 0) - (documents[b]?.seq ?? 0);
      const best = limit >= found.length ? found.sort(before) : topOf(found, limit, before);
      return {
        total: found.length,
        hits: best.map((doc) => {
          const document = documents[doc] as D;
          const term = terms[showTerm[doc] ?? -1];
          const match = showMatch[doc];
          const matchedBy = showBy[doc];
          const matchedIn = showIn[doc];
          if (!term || !match || !matchedBy || !matchedIn)
            throw new Error('search index: a found matter without its match');
          const inName = term.text === document.name;
          const range = term.bmp ? ([match.from, match.to] as const) : utf16Range(document.name, match.from, match.to);
          return {
            document,
            match: {
              matchedBy,
              matchedIn,
              rank: match.rank,
              matchedText: showText[doc] ?? null,
              highlights: inName ? [range] : [],
            },
          };
        }),
      };
    },
  };
}

const NO_USES: ReadonlyMap<string, number> = new Map();

/** The `count` best of `items` in order, without sorting all of them (a partial selection sort in a bounded list). */
function topOf(items: readonly number[], count: number, before: (a: number, b: number) => number): number[] {
  const top: number[] = [];
  for (const item of items) {
    if (top.length === count && before(item, top[count - 1] ?? item) >= 0) continue;
    let at = top.length;
    while (at > 0 && before(item, top[at - 1] ?? item) < 0) at--;
    top.splice(at, 0, item);
    if (top.length > count) top.pop();
  }
  return top;
}

/**
 * How the whole query names a broad word: its characters, its full pinyin (or sound), or its
 * initials (sb for 社保); null when it does not name it whole.
 */
function wholeMatch(
  term: IndexedTerm,
  query: string,
  spellingsOfQuery: readonly Spelling[],
  lettersOnly: boolean,
): MatchedBy | null {
  if (term.lower === query) return 'characters';
  for (const spelling of spellingsOfQuery) {
    const match = matchSpelling(term, spelling);
    if (match?.rank === 'exact') return match.by;
  }
  if (lettersOnly && term.characters.length >= 2) {
    const match = matchInitials(term, query);
    if (match?.rank === 'exact') return 'initials';
  }
  return null;
}
