import { describe, expect, it } from 'vitest';
import { caseNumberTemplate, deleteCaseDigit, typeCaseDigit, typedCaseDigits } from './case-number';

const PREFIX = '370784-';
const typeAll = (digits: string) => [...digits].reduce((text, digit) => typeCaseDigit(text, PREFIX, digit), '');

describe('case number pad', () => {
  it('types 14 digits into 370784-YYYYMMDD-NNNNNN, the hyphen put in, and no more', () => {
    expect(typeAll('2')).toBe('370784-2');
    expect(typeAll('20261206')).toBe('370784-20261206');
    expect(typeAll('202612060')).toBe('370784-20261206-0');
    expect(typeAll('20261206000123')).toBe('370784-20261206-000123');
    expect(typeAll('2026120600012399')).toBe('370784-20261206-000123');
  });

  it('deletes back over the hyphen and down to nothing', () => {
    expect(deleteCaseDigit('370784-20261206-0', PREFIX)).toBe('370784-20261206');
    expect(deleteCaseDigit('370784-2', PREFIX)).toBe('');
  });

  it('a scanned or other text is replaced by the first digit typed, and read back as digits when it fits', () => {
    expect(typeCaseDigit('AQ-NO-SUCH-CASE', PREFIX, '2')).toBe('370784-2');
    expect(typedCaseDigits('370784-20261206-000123', PREFIX)).toBe('20261206000123');
    expect(typedCaseDigits('https://x', PREFIX)).toBeNull();
  });

  it('shows what is still to type', () => {
    expect(caseNumberTemplate(PREFIX, '2026')).toEqual({ typed: '370784-2026', remaining: '____-______' });
    expect(caseNumberTemplate(PREFIX, '202612060')).toEqual({ typed: '370784-20261206-0', remaining: '_____' });
  });
});
