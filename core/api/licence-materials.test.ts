import { describe, expect, it } from 'vitest';
import { acceptsLicenceCode } from './licence-materials';

describe('materials a 亮证码 may stand for', () => {
  it.each([
    ['居民身份证', true],
    ['申请人的居民身份证和户口簿', true],
    ['居民户口簿', true],
    ['居住证', true],
    ['第二代《中华人民共和国残疾人证》', true],
    ['居民身份证或社会保障卡', true],
    ['代办人的居民身份证和委托书（或监护关系证明）', false],
    ['申请人与去世人员的关系证明', false],
    ['近期一寸免冠彩色照片', false],
    ['死亡证明', false],
  ])('%s → %s', (name, accepted) => {
    expect(acceptsLicenceCode(name)).toBe(accepted);
  });
});
