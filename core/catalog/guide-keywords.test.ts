import { describe, expect, it } from 'vitest';
import { fixtureGuide } from '../../tests/helpers/catalog-fixture';
import { guideKeywords } from './guide-keywords';

describe('guideKeywords', () => {
  const guide = {
    ...fixtureGuide,
    summary: '家里收入低的，可以申请最低生活保障（低保），每月领低保金。',
    conditions: ['户口在本市', '家庭人均收入低于本市低保标准'],
    faq: [{ question: '已经吃低保了还能申请吗？', answer: '可以。' }],
    materials: [{ ...fixtureGuide.materials[0]!, name: '居民身份证' }],
  };

  it('cuts the summary, who it is for, the conditions and the questions at punctuation', () => {
    const phrases = guideKeywords(guide);
    expect(phrases).toEqual(
      expect.arrayContaining(['可以申请最低生活保障', '低保', '每月领低保金', '户口在本市', '已经吃低保了还能申请吗']),
    );
  });

  it('leaves out materials, single characters and repeats', () => {
    const phrases = guideKeywords(guide);
    expect(phrases).not.toContain('居民身份证');
    expect(phrases.every((phrase) => Array.from(phrase).length >= 2)).toBe(true);
    expect(new Set(phrases).size).toBe(phrases.length);
  });
});
