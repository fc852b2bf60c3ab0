import { describe, expect, it } from 'vitest';
import { BROAD_TERMS } from './term-table';

describe('the term table', () => {
  it('has each broad word once, with narrower words that are different, non-empty and not repeated', () => {
    const terms = BROAD_TERMS.map((entry) => entry.term);
    expect(new Set(terms).size).toBe(terms.length);
    for (const { term, narrower } of BROAD_TERMS) {
      expect(narrower.length, term).toBeGreaterThan(0);
      expect(new Set(narrower).size, term).toBe(narrower.length);
      for (const word of narrower) {
        expect(word.trim(), term).toBe(word);
        expect(word, term).not.toBe(term);
        expect(word.length, term).toBeGreaterThan(0);
      }
    }
  });

  it('says what the review asked for: 社保 ⊃ the five insurances, 医保, 户口 and 证明', () => {
    const narrowerOf = (term: string) => BROAD_TERMS.find((entry) => entry.term === term)?.narrower ?? [];
    expect(narrowerOf('社保')).toEqual(
      expect.arrayContaining(['养老保险', '医疗保险', '失业保险', '工伤保险', '生育保险']),
    );
    expect(narrowerOf('医保')).toContain('医疗保险');
    expect(narrowerOf('户口')).toEqual(expect.arrayContaining(['户籍', '落户', '迁移']));
    expect(narrowerOf('证明')).toEqual(expect.arrayContaining(['开证明', '身份认定']));
  });
});
