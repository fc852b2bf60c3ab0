import data from './pinyin-lexicon.json';

/** A word the keyboard can offer, with each character's syllable (toneless, ü written v). */
export interface LexiconWord {
  readonly text: string;
  readonly syllables: readonly string[];
}

export interface Lexicon {
  /** Syllable → characters, most common first. */
  readonly charsBySyllable: ReadonlyMap<string, readonly string[]>;
  /** Every syllable, sorted, for prefix look-ups ("zh" → zha, zhai, …). */
  readonly syllables: readonly string[];
  /** Character → rank (0 = most common), to merge the lists of several syllables. */
  readonly rank: ReadonlyMap<string, number>;
  /** Character → every reading, to spell out run-time vocabulary such as village names. */
  readonly readings: ReadonlyMap<string, readonly string[]>;
  readonly words: readonly LexiconWord[];
}

export interface LexiconData {
  readonly order: string;
  readonly syllables: Readonly<Record<string, string>>;
  readonly words: readonly string[];
}

export function createLexicon(source: LexiconData): Lexicon {
  const charsBySyllable = new Map<string, string[]>();
  const readings = new Map<string, string[]>();
  for (const [syllable, chars] of Object.entries(source.syllables)) {
    const list = Array.from(chars);
    charsBySyllable.set(syllable, list);
    for (const c of list) readings.set(c, [...(readings.get(c) ?? []), syllable]);
  }
  const words = source.words.flatMap((line): LexiconWord[] => {
    const [text, spelled] = line.split(' ');
    return text !== undefined && spelled !== undefined ? [{ text, syllables: spelled.split("'") }] : [];
  });
  return {
    charsBySyllable,
    syllables: [...charsBySyllable.keys()].sort(),
    rank: new Map(Array.from(source.order).map((c, i) => [c, i])),
    readings,
    words,
  };
}

/** At most this many spellings per run-time word, so a long name of polyphones stays cheap. */
const MAX_SPELLINGS = 8;

/**
 * Spells run-time vocabulary (the station's town and village names) from the characters'
 * readings: every combination for polyphones, up to a few. Words with a character outside the
 * lexicon cannot be spelled and are left out.
 */
export function spellWords(lexicon: Lexicon, texts: readonly string[]): LexiconWord[] {
  const words: LexiconWord[] = [];
  for (const text of new Set(texts)) {
    const chars = Array.from(text.trim());
    if (chars.length === 0) continue;
    let spellings: string[][] = [[]];
    for (const c of chars) {
      const options = lexicon.readings.get(c);
      if (options === undefined) {
        spellings = [];
        break;
      }
      spellings = spellings.flatMap((prefix) => options.map((r) => [...prefix, r])).slice(0, MAX_SPELLINGS);
    }
    for (const syllables of spellings) words.push({ text: chars.join(''), syllables });
  }
  return words;
}

let shared: Lexicon | null = null;

/** The bundled lexicon, built once on first use. */
export function bundledLexicon(): Lexicon {
  shared ??= createLexicon(data);
  return shared;
}
