import { describe, expect, it } from 'vitest';
import { appendIdKey, checkIdNumber, groupIdNumber } from './id-number';

describe('ID numbers typed on the keypad', () => {
  it('checks the GB 11643 check character, X included', () => {
    expect(checkIdNumber('11010519491231002X')).toBe('ok');
    expect(checkIdNumber('370784199006010024')).toBe('ok');
    expect(checkIdNumber('370784199006010025')).toBe('badCheckDigit');
    expect(checkIdNumber('3707841990')).toBe('incomplete');
    expect(checkIdNumber('')).toBe('empty');
  });

  it('accepts X only as the 18th character and nothing past 18', () => {
    expect(appendIdKey('3707', 'X')).toBe('3707');
    expect(appendIdKey('11010519491231002', 'X')).toBe('11010519491231002X');
    expect(appendIdKey('11010519491231002X', '1')).toBe('11010519491231002X');
  });

  it('groups the number 6-8-4 as printed on the card', () => {
    expect(groupIdNumber('370784')).toBe('370784');
    expect(groupIdNumber('3707841990')).toBe('370784 1990');
    expect(groupIdNumber('370784199006010024')).toBe('370784 19900601 0024');
  });
});
