import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask';

describe('masked forms', () => {
  it('keeps the first and last character of a name', () => {
    expect(maskName('王秀兰')).toBe('王*兰');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName(' 王 ')).toBe('王*');
  });

  it('keeps the region prefix and the last four of an ID number, hiding the birth date', () => {
    expect(maskIdNumber('370784195803120035')).toBe('3707**********0035');
    expect(maskIdNumber('370784580312003')).toBe('3707*******2003');
  });

  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13800010001')).toBe('138****0001');
    expect(maskPhone('0536-4393178')).toBe('053*-***3178');
  });
});
