import { describe, expect, it } from 'vitest';
import { SHORT_LABEL_HAN, wordChunks } from './word-chunks';

describe('wordChunks', () => {
  it('keeps a short label whole, however the segmenter cuts it', () => {
    expect(wordChunks('低保')).toEqual(['低保']);
    expect(wordChunks('取号排队')).toEqual(['取号排队']);
    expect(wordChunks('一件事一次办')).toEqual(['一件事一次办']);
    expect('一件事一次办'.length).toBe(SHORT_LABEL_HAN);
  });

  it('cuts a long label between words and gives the label back when joined', () => {
    const name = '城乡居民基本养老保险参保登记';
    const chunks = wordChunks(name);
    expect(chunks.join('')).toBe(name);
    expect(chunks.length).toBeGreaterThan(1);
    // The segmenter's single characters 参|保 stay together.
    expect(chunks).toContain('参保');
    expect(chunks).toContain('登记');
  });

  it('never starts a chunk with punctuation', () => {
    const chunks = wordChunks('选事项、刷身份证、拍材料、提交');
    expect(chunks.join('')).toBe('选事项、刷身份证、拍材料、提交');
    for (const chunk of chunks) expect(chunk).not.toMatch(/^[、，。]/);
  });

  it('returns nothing for an empty label', () => {
    expect(wordChunks('')).toEqual([]);
  });
});
