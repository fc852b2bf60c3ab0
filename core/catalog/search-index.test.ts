import { describe, expect, it } from 'vitest';
import { buildSearchEntry, matchName, nameSyllables, normaliseQuery, searchEntries } from './search-index';

const entry = (seq: number, name: string) => buildSearchEntry({ code: `C-${seq}`, name, seq });
const pension = entry(2, '城乡居民基本养老保险参保登记');
const highlighted = (name: string, ranges: ReadonlyArray<readonly [number, number]>) =>
  ranges.map(([start, end]) => name.slice(start, end));

describe('nameSyllables', () => {
  it('gives each character its toneless pinyin, ü as v, and nothing for punctuation', () => {
    expect(nameSyllables('社保')).toEqual(['she', 'bao']);
    expect(nameSyllables('80周岁、女儿（A）')).toEqual(['8', '0', 'zhou', 'sui', '', 'nv', 'er', '', 'a', '']);
  });
});

describe('matchName', () => {
  it('matches characters anywhere, ranked exact, prefix, inner', () => {
    expect(matchName(entry(1, '社保'), '社保')).toEqual({
      matchedBy: 'characters',
      rank: 'exact',
      highlights: [[0, 2]],
    });
    expect(matchName(pension, '城乡')?.rank).toBe('prefix');
    const inner = matchName(pension, '养老');
    expect(inner).toMatchObject({ matchedBy: 'characters', rank: 'inner' });
    expect(highlighted(pension.name, inner?.highlights ?? [])).toEqual(['养老']);
  });

  it('matches full pinyin typed with or without spaces, the last syllable begun', () => {
    for (const typed of ['yanglao', 'yang lao', "yang'lao", 'yanglaob', 'yanglaobaoxian']) {
      const match = matchName(pension, normaliseQuery(typed));
      expect(match?.matchedBy, typed).toBe('pinyin');
      expect(highlighted(pension.name, match?.highlights ?? [])[0], typed).toMatch(/^养老/);
    }
    expect(highlighted(pension.name, matchName(pension, 'yanglaobaoxian')?.highlights ?? [])).toEqual(['养老保险']);
    expect(matchName(pension, 'chengxiang')?.rank).toBe('prefix');
    // A syllable in the middle may not be begun: "yangl" + "bao" is not 养老保.
    expect(matchName(pension, 'yanglbao')).toBeNull();
  });

  it('matches initials after pinyin, and 社保 by shebao and sb', () => {
    const insurance = entry(3, '被征地农民参加城乡居民基本养老保险社保补贴');
    const bySb = matchName(insurance, 'sb');
    expect(bySb?.matchedBy).toBe('initials');
    expect(highlighted(insurance.name, bySb?.highlights ?? [])).toEqual(['社保']);
    expect(highlighted(insurance.name, matchName(insurance, 'shebao')?.highlights ?? [])).toEqual(['社保']);
    expect(matchName(pension, 'cxjm')).toMatchObject({ matchedBy: 'initials', rank: 'prefix', highlights: [[0, 4]] });
    expect(matchName(pension, 'cxjmjbylbxcbdj')?.rank).toBe('exact');
  });

  it('steps over punctuation between characters', () => {
    const contact = entry(53, '提供农业科技服务、金融服务');
    expect(highlighted(contact.name, matchName(contact, 'fwjr')?.highlights ?? [])).toEqual(['服务、金融']);
  });

  it('does not match what is not there', () => {
    expect(matchName(pension, 'hukou')).toBeNull();
    expect(matchName(pension, '户口')).toBeNull();
    expect(matchName(pension, 'x1')).toBeNull();
  });
});

describe('searchEntries', () => {
  it('ranks characters before pinyin before initials, exact and prefix before inner, then by seq', () => {
    const entries = [
      entry(3, '被征地农民参加城乡居民基本养老保险社保补贴'),
      entry(1, '社保卡申领'),
      entry(2, '社保'),
      entry(4, '事宾登记'), // shi bin: initials sb
    ];
    expect(searchEntries(entries, '社保').map((hit) => hit.entry.seq)).toEqual([2, 1, 3]);
    expect(searchEntries(entries, 'sb').map((hit) => [hit.entry.seq, hit.match.matchedBy])).toEqual([
      [2, 'initials'],
      [1, 'initials'],
      [4, 'initials'],
      [3, 'initials'],
    ]);
    expect(searchEntries(entries, 'shebao').map((hit) => hit.entry.seq)).toEqual([2, 1, 3]);
    expect(searchEntries(entries, 'SHE BAO').map((hit) => hit.entry.seq)).toEqual([2, 1, 3]);
  });
});
