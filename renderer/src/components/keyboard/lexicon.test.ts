import { describe, expect, it } from 'vitest';
import { EMPTY_COMPOSITION, settle } from './composer';
import { bundledLexicon, createLexicon, spellWords } from './lexicon';
import { candidatesFor } from './pinyin-match';

const lexicon = bundledLexicon();
const texts = (buffer: string, extra = spellWords(lexicon, [])) =>
  candidatesFor(lexicon, buffer, extra).map((c) => c.text);

describe('the pinyin lexicon and matching', () => {
  it('holds GB2312 level 1 under every reading, polyphones under each', () => {
    expect(lexicon.rank.size).toBe(3755);
    expect(texts('hang')).toContain('行');
    expect(texts('xing')).toContain('行');
    expect(texts('zhang')).toEqual(expect.arrayContaining(['长', '张']));
    expect(texts('chang')).toContain('长');
    expect(texts('lv')).toContain('绿');
  });

  it('matches full pinyin with or without separators, and initials for words', () => {
    expect(texts('beijing')[0]).toBe('北京');
    expect(texts("bei'jing")[0]).toBe('北京');
    expect(texts("xi'an")[0]).toBe('西安');
    expect(texts('sfz')[0]).toBe('身份证');
    expect(texts('cunweihui')[0]).toBe('村委会');
    expect(texts('cwh')).toContain('村委会');
  });

  it('offers every syllable a prefix begins ("zh" → 张, 中), characters first', () => {
    const zh = texts('zh');
    expect(zh.slice(0, 30)).toEqual(expect.arrayContaining(['张', '中']));
    expect(Array.from(zh[0] ?? '')).toHaveLength(1);
  });

  it('takes the first syllable when no word spells the whole buffer, leaving the rest', () => {
    const found = candidatesFor(lexicon, 'zhangsan');
    const zhang = found.find((c) => c.text === '张');
    expect(zhang?.consumed).toBe(5);
    const settled = settle(
      { composition: { ...EMPTY_COMPOSITION, buffer: 'zhangsan' }, value: '' },
      (b) => candidatesFor(lexicon, b),
      undefined,
    );
    expect(Array.from(settled.value)).toHaveLength(2);
    expect(settled.composition.buffer).toBe('');
  });

  it('spells run-time words from the readings and leaves out what it cannot spell', () => {
    const extra = spellWords(lexicon, ['大盛镇', '\u{20000}村']);
    expect(new Set(extra.map((w) => w.text))).toEqual(new Set(['大盛镇']));
    // 大 (da, dai) × 盛 (sheng, cheng): every spelling is offered.
    expect(extra).toHaveLength(4);
    expect(texts('dsz', extra)[0]).toBe('大盛镇');
  });

  it('keeps the raw letters when nothing matches, so nothing typed is lost', () => {
    const tiny = createLexicon({ order: '', syllables: {}, words: [] });
    const settled = settle(
      { composition: { ...EMPTY_COMPOSITION, buffer: 'abc' }, value: 'x' },
      (b) => candidatesFor(tiny, b),
      undefined,
    );
    expect(settled.value).toBe('xabc');
  });
});
