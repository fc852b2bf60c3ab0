import { describe, expect, it } from 'vitest';
import { editDistance, nearSyllables, readingsOf, SYLLABLES, syllableOf, termSyllables } from './pinyin-syllables';

describe('termSyllables', () => {
  it('gives each character its toneless pinyin in context, ü as v, and nothing for punctuation', () => {
    expect(termSyllables('社保')).toEqual(['she', 'bao']);
    expect(termSyllables('80周岁、女儿（A）')).toEqual(['8', '0', 'zhou', 'sui', '', 'nv', 'er', '', 'a', '']);
    expect(termSyllables('银行')).toEqual(['yin', 'hang']);
  });
});

describe('the syllable table', () => {
  it('has the syllables of Hanyu Pinyin and refuses what is none', () => {
    expect(SYLLABLES.size).toBeGreaterThan(390);
    for (const syllable of ['a', 'zhuang', 'lv', 'nve', 'er', 'shei'])
      expect(SYLLABLES.has(syllable), syllable).toBe(true);
    for (const piece of ['sb', 'zh', 'ng', 'bv', 'giu']) expect(SYLLABLES.has(piece), piece).toBe(false);
  });

  it('reads the common spellings lue and nue as lve and nve', () => {
    expect(syllableOf('lue')).toBe('lve');
    expect(syllableOf('nue')).toBe('nve');
    expect(syllableOf('xyz')).toBeNull();
  });
});

describe('readingsOf', () => {
  it('gives every reading of a character, and a letter or digit as itself', () => {
    expect([...readingsOf('行')].sort()).toEqual(['hang', 'heng', 'xing']);
    expect([...readingsOf('急')]).toEqual(['ji']);
    expect([...readingsOf('8')]).toEqual(['8']);
  });
});

describe('nearSyllables and editDistance', () => {
  it('counts a deletion, an insertion, a replacement and a swap of neighbours as one edit', () => {
    expect(editDistance('xian', 'xain')).toBe(1);
    expect(editDistance('bao', 'bo')).toBe(1);
    expect(editDistance('bao', 'baoo')).toBe(1);
    expect(editDistance('bao', 'bap')).toBe(1);
    expect(editDistance('bao', 'pap')).toBe(2);
    expect(editDistance('', 'ab')).toBe(2);
  });

  it('finds the syllables exactly one edit away, not the piece itself', () => {
    expect(nearSyllables('xain')).toEqual(expect.arrayContaining(['xian']));
    expect([...nearSyllables('bap')].sort()).toEqual(['ba', 'bai', 'ban', 'bao']);
    expect(nearSyllables('bao')).not.toContain('bao');
    expect(nearSyllables('bao')).toEqual(expect.arrayContaining(['bo', 'ba', 'bai', 'pao', 'biao']));
    expect(nearSyllables('qqqq')).toEqual([]);
    for (const syllable of nearSyllables('shb')) expect(editDistance('shb', syllable)).toBe(1);
  });
});
