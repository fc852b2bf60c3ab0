import { describe, expect, it } from 'vitest';
import { termSyllables } from './pinyin-syllables';
import { buildSearchIndex, type SearchDocument, type SearchTerm } from './search-index';
import type { BroadTerm } from './term-table';

const texts = (field: SearchTerm['field'], ...list: string[]): SearchTerm[] =>
  list.map((text) => ({ field, text, syllables: termSyllables(text) }));

const matter = (seq: number, name: string, ...terms: SearchTerm[]): SearchDocument => ({
  code: `C-${seq}`,
  name,
  seq,
  nameSyllables: termSyllables(name),
  terms,
});

const NO_BROAD: readonly BroadTerm[] = [];
const indexOf = (documents: SearchDocument[], broad = NO_BROAD) => buildSearchIndex(documents, broad);
const seqs = (index: ReturnType<typeof indexOf>, text: string) =>
  index.search(text).hits.map((hit) => hit.document.seq);
const first = (index: ReturnType<typeof indexOf>, text: string) => index.search(text).hits[0];
const marked = (index: ReturnType<typeof indexOf>, text: string) => {
  const hit = first(index, text);
  return hit?.match.highlights.map(([start, end]) => hit.document.name.slice(start, end));
};

const pension = matter(2, '城乡居民基本养老保险参保登记', ...texts('alias', '农保', '居保'));
const subsidy = matter(3, '被征地农民参加城乡居民基本养老保险社保补贴');
const disability = matter(24, '重度残疾人护理补贴', ...texts('alias', '残疾证补贴'));
const elderCard = matter(13, '老年优待证办理', ...texts('alias', '老年证'));
const allowance = matter(
  18,
  '最低生活保障',
  ...texts('alias', '低保', '吃低保'),
  ...texts('department', '安丘市民政局'),
  ...texts('guide', '可以申请最低生活保障', '低保'),
);
const contact = matter(53, '提供农业科技服务、金融服务');
const catalog = [pension, subsidy, disability, elderCard, allowance, contact];

describe('matching by characters', () => {
  const index = indexOf(catalog);

  it('finds the whole query anywhere in a name, ranked whole name, start, middle', () => {
    expect(first(index, '养老')?.match).toMatchObject({ matchedBy: 'characters', matchedIn: 'name', rank: 'inner' });
    expect(marked(index, '养老')).toEqual(['养老']);
    expect(first(index, '城乡')?.match.rank).toBe('prefix');
    expect(first(index, '最低生活保障')?.match.rank).toBe('exact');
  });

  it('does not match what is not there', () => {
    expect(index.search('户口').total).toBe(0);
    expect(index.search('x1').total).toBe(0);
    expect(index.search('   ').total).toBe(0);
  });
});

describe('matching aliases', () => {
  const index = indexOf(catalog);

  it('finds a matter by its 俗称 and says which one, with nothing marked in the name', () => {
    expect(first(index, '低保')).toMatchObject({
      document: { seq: 18 },
      match: { matchedBy: 'characters', matchedIn: 'alias', rank: 'exact', matchedText: '低保', highlights: [] },
    });
    expect(first(index, '农保')?.document.seq).toBe(2);
    expect(first(index, 'nongbao')?.match).toMatchObject({ matchedBy: 'pinyin', matchedIn: 'alias' });
  });

  it('an alias that matches by its start ranks above a name that holds the word in its middle', () => {
    const index2 = indexOf([matter(1, '困难残疾人生活补贴'), matter(2, '两项补贴', ...texts('alias', '残疾证补贴'))]);
    expect(seqs(index2, '残疾')).toEqual([2, 1]);
  });

  it('shows the name rather than an alias when both hold the word', () => {
    expect(first(index, '残疾')?.match).toMatchObject({ matchedIn: 'name', highlights: [[2, 4]] });
  });

  it('does not match an alias another matter has', () => {
    expect(seqs(index, '老年证')).toEqual([13]);
  });
});

describe('matching by full pinyin', () => {
  const index = indexOf(catalog);

  it('takes syllables with or without spaces and marks, the last one begun', () => {
    for (const typed of ['yanglao', 'yang lao', "yang'lao", 'yanglaob', 'YANGLAOBAOXIAN']) {
      expect(first(index, typed)?.match.matchedBy, typed).toBe('pinyin');
      expect(marked(index, typed)?.[0], typed).toMatch(/^养老/);
    }
    expect(first(index, 'chengxiang')?.match.rank).toBe('prefix');
  });

  it('does not accept a syllable begun in the middle: yangl + bao is not 养老保', () => {
    expect(index.search('yanglbao').hits.filter((hit) => hit.match.matchedBy === 'pinyin')).toEqual([]);
  });

  it('steps over punctuation between characters', () => {
    expect(marked(index, 'fuwujinrong')).toEqual(['服务、金融']);
  });
});

describe('matching by initials', () => {
  const index = indexOf(catalog);

  it('takes one letter per syllable in names and aliases', () => {
    expect(first(index, 'cxjm')?.match).toMatchObject({ matchedBy: 'initials', rank: 'prefix', highlights: [[0, 4]] });
    expect(first(index, 'zdshbz')?.match).toMatchObject({ matchedBy: 'initials', rank: 'exact' });
    expect(first(index, 'db')).toMatchObject({
      document: { seq: 18 },
      match: { matchedIn: 'alias', matchedText: '低保' },
    });
    expect(marked(index, 'fwjr')).toEqual(['服务、金融']);
  });

  it('not in departments or guides: initials of long texts match anything', () => {
    // 安丘市民政局 is a q s m z j; 可以申请… is k y s q …
    expect(index.search('aqs').total).toBe(0);
    expect(index.search('kysq').total).toBe(0);
  });
});

describe('matching by sound: homophones the input method offered', () => {
  const index = indexOf(catalog);

  it('finds 残疾人 for 残急人 and 低保 for 底保, compared by toneless syllables', () => {
    expect(first(index, '残急人')).toMatchObject({
      document: { seq: 24 },
      match: { matchedBy: 'sound', matchedIn: 'name', highlights: [[2, 5]] },
    });
    expect(first(index, '底保')?.document.seq).toBe(18);
    expect(first(index, '优待正')?.document.seq).toBe(13);
  });

  it('uses every reading of a typed character (行 is xing and hang)', () => {
    const bank = indexOf([matter(1, '银行卡变更')]);
    expect(first(bank, '银航')?.match.matchedBy).toBe('sound');
  });

  it('not when the characters match as typed, and never for a single character', () => {
    const index2 = indexOf([matter(1, '低保'), matter(2, '地堡登记')]);
    expect(seqs(index2, '低保')).toEqual([1]);
    expect(seqs(index2, '堡')).toEqual([2]);
    expect(index2.search('滴').total).toBe(0);
  });

  it('does not match characters that sound different', () => {
    expect(index.search('残急狗').total).toBe(0);
  });
});

describe('mixed letters and characters', () => {
  const index = indexOf(catalog);

  it('reads letters as syllables and characters as themselves, in order', () => {
    expect(first(index, 'laonian优待')?.match).toMatchObject({ matchedBy: 'pinyin', highlights: [[0, 4]] });
    expect(first(index, '残疾ren')?.document.seq).toBe(24);
    expect(first(index, 'di保')?.document.seq).toBe(18);
  });

  it('does not match them out of order', () => {
    expect(index.search('优待laonian').total).toBe(0);
  });
});

describe('one wrong letter in pinyin', () => {
  const index = indexOf(catalog);

  it('finds the matter when one letter is replaced, missing, extra or swapped with its neighbour', () => {
    for (const typed of ['canjirwn', 'canjirn', 'canjirenn', 'canjiern', 'cnajiren']) {
      expect(first(index, typed), typed).toMatchObject({ document: { seq: 24 }, match: { matchedBy: 'similar' } });
    }
    expect(first(index, 'dibap')?.document.seq).toBe(18);
  });

  it('not with two wrong letters, not in short queries, and not when something matched exactly', () => {
    expect(index.search('canjirwm').total).toBe(0);
    // Three letters: one wrong leaves too little to tell what was meant.
    expect(index.search('dbo').total).toBe(0);
    // laonian matches 老年 exactly; the near 老人 (laoren) of another matter is not offered.
    const index2 = indexOf([matter(1, '老年优待证'), matter(2, '老人补贴')]);
    expect(seqs(index2, 'laonian')).toEqual([1]);
    expect(seqs(index2, 'laonain')).toEqual([1]);
  });
});

describe('broad words (term table)', () => {
  const broad: BroadTerm[] = [{ term: '社保', narrower: ['养老保险', '医疗保险'] }];
  const medical = matter(9, '城乡居民基本医疗保险参保登记');
  const index = indexOf([...catalog, medical], broad);

  it('expand to their narrower words, below the matters that hold the word itself', () => {
    const hits = index.search('社保').hits;
    expect(hits.map((hit) => hit.document.seq)).toEqual([3, 2, 9]);
    expect(hits[1]?.match).toMatchObject({ matchedIn: 'broader', matchedText: '养老保险', highlights: [[6, 10]] });
  });

  it('whether typed as characters, full pinyin, initials or with one wrong letter', () => {
    expect(seqs(index, 'shebao')).toEqual([3, 2, 9]);
    expect(seqs(index, 'sb')).toContain(9);
    expect(index.search('sb').hits.find((hit) => hit.document.seq === 9)?.match.matchedBy).toBe('initials');
    expect(seqs(index, 'shebap')).toEqual([3, 2, 9]);
  });

  it('only when the query is the broad word as a whole, and only one level deep', () => {
    expect(seqs(index, '社保补贴')).toEqual([3]);
    expect(seqs(index, '社')).toEqual([3]);
    const nested = indexOf(
      [matter(1, '甲乙'), matter(2, '丙丁')],
      [
        { term: '社保', narrower: ['医保'] },
        { term: '医保', narrower: ['丙丁'] },
      ],
    );
    expect(seqs(nested, '社保')).toEqual([]);
  });
});

describe('departments and guide phrases', () => {
  const index = indexOf(catalog);

  it('are searched too, ranked below names and aliases', () => {
    expect(first(index, '民政')?.match).toMatchObject({ matchedIn: 'department', matchedText: '安丘市民政局' });
    expect(first(index, 'minzheng')?.match.matchedIn).toBe('department');
    const both = indexOf([matter(1, '申请低保的人'), matter(2, '临时救助', ...texts('guide', '已经吃低保了'))]);
    expect(both.search('低保').hits.map((hit) => [hit.document.seq, hit.match.matchedIn])).toEqual([
      [1, 'name'],
      [2, 'guide'],
    ]);
  });
});

describe('ranking', () => {
  it('characters before pinyin before initials; whole, start, middle; then use here; then list order', () => {
    const index = indexOf([
      matter(3, '被征地农民参加城乡居民基本养老保险社保补贴'),
      matter(1, '社保卡申领'),
      matter(2, '社保'),
      matter(4, '事宾登记'), // shi bin: sb
    ]);
    expect(seqs(index, '社保')).toEqual([2, 1, 3]);
    expect(seqs(index, 'sb')).toEqual([2, 1, 4, 3]);
    expect(index.search('sb', { uses: new Map([['C-4', 5]]) }).hits.map((hit) => hit.document.seq)).toEqual([
      2, 4, 1, 3,
    ]);
  });

  it('uses counts only to order equally good matches', () => {
    const index = indexOf([matter(1, '社保'), matter(2, '社保卡'), matter(3, '城乡社保')]);
    const uses = new Map([
      ['C-3', 100],
      ['C-2', 1],
    ]);
    expect(index.search('社保', { uses }).hits.map((hit) => hit.document.seq)).toEqual([1, 2, 3]);
    const equal = indexOf([matter(1, '甲社保'), matter(2, '乙社保'), matter(3, '丙社保')]);
    expect(equal.search('社保', { uses }).hits.map((hit) => hit.document.seq)).toEqual([3, 2, 1]);
  });

  it('gives the best `limit` and counts them all', () => {
    const index = indexOf(Array.from({ length: 30 }, (_, i) => matter(i + 1, `第${i + 1}项社保`)));
    const found = index.search('社保', { limit: 5 });
    expect(found.total).toBe(30);
    expect(found.hits.map((hit) => hit.document.seq)).toEqual([1, 2, 3, 4, 5]);
  });
});
