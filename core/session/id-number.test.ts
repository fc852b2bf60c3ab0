import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withCheckCharacter } from '../pure/id-number';
import { chinaDay } from '../time/china-time';
import { checkTypedIdNumber, idTypeOfNumber } from './id-number';

const TODAY = '2026-11-21';

/** A 17-digit body with a real birth date between 1900 and today. */
const body = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(`${TODAY}T00:00:00Z`), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(
    ({ region, birth, seq }) =>
      `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`,
  );

describe('typed resident ID numbers (GB 11643)', () => {
  it('accepts the standard’s own example and a fixture with X', () => {
    expect(checkTypedIdNumber('11010519491231002X', TODAY)).toMatchObject({
      ok: true,
      value: { birthDate: '1949-12-31' },
    });
    expect(checkTypedIdNumber('370784194803150035', TODAY)).toMatchObject({
      ok: true,
      value: { idType: 'residentIdCard' },
    });
  });

  it('accepts every body completed with its check character', () => {
    fc.assert(fc.property(body, (b) => checkTypedIdNumber(withCheckCharacter(b), TODAY).ok));
  });

  it('refuses any single mistyped character (the check character catches it)', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (b, position, shift) => {
        const valid = withCheckCharacter(b);
        const alphabet = position === 17 ? '0123456789X' : '0123456789';
        const current = alphabet.indexOf(valid[position] ?? '0');
        const replaced = alphabet[(current + shift) % alphabet.length] ?? '0';
        fc.pre(replaced !== valid[position]);
        const typo = valid.slice(0, position) + replaced + valid.slice(position + 1);
        const checked = checkTypedIdNumber(typo, TODAY);
        expect(checked.ok).toBe(false);
      }),
    );
  });

  it('refuses impossible and future birth dates even with a right check character', () => {
    expect(checkTypedIdNumber(withCheckCharacter('37078419900230001'), TODAY)).toEqual({
      ok: false,
      error: 'birthDate',
    });
    expect(checkTypedIdNumber(withCheckCharacter('37078420301201001'), TODAY)).toEqual({
      ok: false,
      error: 'birthDate',
    });
    expect(checkTypedIdNumber(withCheckCharacter('37078418991231001'), TODAY)).toEqual({
      ok: false,
      error: 'birthDate',
    });
  });

  it('names the problem: format, then check digit', () => {
    expect(checkTypedIdNumber('3707841948031500', TODAY)).toEqual({ ok: false, error: 'format' });
    expect(checkTypedIdNumber('370784194803150036', TODAY)).toEqual({ ok: false, error: 'checkDigit' });
  });

  it('reads the document type from the number and the day in China', () => {
    expect(idTypeOfNumber('810000198504150043')).toBe('hkMacaoTaiwanResidencePermit');
    expect(idTypeOfNumber('937084199001010010')).toBe('foreignPermanentResidentIdCard');
    expect(chinaDay(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
  });
});
