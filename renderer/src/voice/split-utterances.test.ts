import { describe, expect, it } from 'vitest';
import { MAX_UTTERANCE_LENGTH, splitUtterances } from './split-utterances';

describe('splitUtterances', () => {
  it('keeps a short title whole', () => {
    expect(splitUtterances('身份证登录')).toEqual(['身份证登录']);
  });

  it('splits at Chinese and English sentence ends, keeping the punctuation', () => {
    expect(splitUtterances('请核对材料。材料齐全后再申报！有问题吗？请拨打热线；或找工作人员')).toEqual([
      '请核对材料。',
      '材料齐全后再申报！',
      '有问题吗？',
      '请拨打热线；',
      '或找工作人员',
    ]);
    expect(splitUtterances('Place your ID card. It reads in 3.5 s! Ready?')).toEqual([
      'Place your ID card.',
      'It reads in 3.5 s!',
      'Ready?',
    ]);
  });

  it('collapses white space, splits at line breaks and drops pieces with nothing to say', () => {
    expect(splitUtterances('  正在加载，\n  请稍候……  ')).toEqual(['正在加载，', '请稍候…']);
    expect(splitUtterances(' \n ')).toEqual([]);
  });

  it('cuts a sentence longer than core accepts at commas, or hard where there are none', () => {
    const clause = `${'材料'.repeat(60)}，`;
    const long = clause.repeat(5);
    const pieces = splitUtterances(long);
    expect(pieces.every((piece) => piece.length <= MAX_UTTERANCE_LENGTH)).toBe(true);
    expect(pieces.join('')).toBe(long);
    expect(pieces[0]).toBe(clause.repeat(3));

    const unbroken = '字'.repeat(MAX_UTTERANCE_LENGTH * 2 + 10);
    expect(splitUtterances(unbroken).map((piece) => piece.length)).toEqual([
      MAX_UTTERANCE_LENGTH,
      MAX_UTTERANCE_LENGTH,
      10,
    ]);
  });
});
