import { describe, expect, it } from 'vitest';
import { normaliseQuery, spellings, type QueryElement } from './search-query';

const show = (element: QueryElement): string => {
  switch (element.kind) {
    case 'han':
      return element.character;
    case 'syllable':
      return element.syllable;
    case 'begun':
      return `${element.prefix}…`;
    case 'near':
      return `~${element.piece}`;
    case 'literal':
      return `#${element.character}`;
  }
};
const read = (query: string, oneWrongLetter = false) =>
  spellings(normaliseQuery(query), oneWrongLetter).map((spelling) => spelling.map(show).join(' '));

describe('normaliseQuery', () => {
  it('lowercases and drops spaces and syllable marks', () => {
    expect(normaliseQuery("  Yang Lao'Bao ")).toBe('yanglaobao');
  });
});

describe('spellings', () => {
  it('splits letters into syllables every way they can be read, the last one begun', () => {
    expect(read('xian')).toEqual(expect.arrayContaining(['xian…', 'xi an…']));
    expect(read('yanglaob')).toContain('yang lao b…');
    expect(read('shebao')).toContain('she bao…');
  });

  it('reads characters as themselves, letters between them as syllables, digits as literals', () => {
    expect(read('laonian优待')).toContain('lao nian 优 待');
    expect(read('80岁')).toEqual(['#8 #0 岁']);
  });

  it('has no spelling for letters that are no syllables', () => {
    expect(read('sb')).toEqual([]);
    expect(read('xq')).toEqual([]);
  });

  it('with one wrong letter, gives only spellings with exactly one near piece', () => {
    const near = read('shebap', true);
    expect(near).toContain('she ~bap');
    expect(near.every((spelling) => spelling.split('~').length === 2)).toBe(true);
    expect(read('shebao', true)).not.toContain('she bao…');
  });
});
