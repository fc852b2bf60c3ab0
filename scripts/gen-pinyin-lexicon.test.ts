import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPinyinLexicon, gb2312Level1, LEXICON_PATH, serializeLexicon } from './gen-pinyin-lexicon';

describe('the pinyin keyboard lexicon', () => {
  it('decodes GB2312 level 1: 3 755 characters, 啊 first and 座 last', () => {
    const chars = gb2312Level1();
    expect(chars).toHaveLength(3755);
    expect(new Set(chars).size).toBe(3755);
    expect([chars[0], chars.at(-1)]).toEqual(['啊', '座']);
  });

  it('is committed exactly as the generator writes it (run `npx tsx scripts/gen-pinyin-lexicon.ts`)', async () => {
    const generated = serializeLexicon(await buildPinyinLexicon());
    expect(readFileSync(LEXICON_PATH, 'utf8') === generated, 'pinyin-lexicon.json is out of date').toBe(true);
  });
});
