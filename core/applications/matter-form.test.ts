import { describe, expect, it } from 'vitest';
import { idCardFixtures } from '../../drivers/idcard';
import type { FormField } from '../../platform/contract/forms';
import type { MatterDetail } from '../api/contract';
import { formOfMatter, mergeForms, MINIMAL_FORM, validateForm } from './matter-form';
import { prefillFields } from './prefill';

const field = (name: string, kind: FormField['kind'], extra: Partial<FormField> = {}): FormField => ({
  name,
  label: name,
  kind,
  required: true,
  prefillFrom: null,
  rememberable: false,
  ...extra,
});
const sex = field('sex', 'select', {
  options: [
    { value: '1', label: '男' },
    { value: '2', label: '女' },
  ],
  prefillFrom: 'applicantSex',
});
const form: FormField[] = [
  field('name', 'text', { maxLength: 4, prefillFrom: 'applicantName' }),
  field('phone', 'phone'),
  field('born', 'date', { prefillFrom: 'applicantBirthDate' }),
  field('count', 'number'),
  sex,
  field('nation', 'text', { required: false, prefillFrom: 'applicantNation' }),
  field('address', 'multiline', { required: false, prefillFrom: 'applicantAddress' }),
  field('spouseId', 'idNumber', { required: false }),
];

describe('matter forms', () => {
  it('checks required fields, kinds, options and lengths, naming each wrong field', () => {
    expect(
      validateForm(form, { name: '王示例', phone: '0536-4393178', born: '1948-03-15', count: '2', sex: '1' }),
    ).toEqual([]);
    expect(
      validateForm(form, {
        name: '王示例示例',
        phone: '1380000',
        born: '1948-02-30',
        count: 'two',
        sex: '男',
        spouseId: '370784194803150036',
      }),
    ).toEqual([
      { field: 'name', problem: 'maxLength' },
      { field: 'phone', problem: 'kind' },
      { field: 'born', problem: 'kind' },
      { field: 'count', problem: 'kind' },
      { field: 'sex', problem: 'option' },
      { field: 'spouseId', problem: 'kind' },
    ]);
    expect(validateForm(form, { name: ' ', phone: null })).toEqual(
      expect.arrayContaining([
        { field: 'name', problem: 'required' },
        { field: 'phone', problem: 'required' },
      ]),
    );
  });

  it('reads a published form, falls back to the minimal one, and merges a bundle’s questions once', () => {
    const matter = { code: 'X-000001' } as MatterDetail;
    expect(formOfMatter(matter)).toBe(MINIMAL_FORM);
    expect(formOfMatter({ ...matter, form })).toEqual(form);
    expect(formOfMatter({ ...matter, form: [{ name: 'bad name' }] } as unknown as MatterDetail)).toBe(MINIMAL_FORM);
    const optionalPhone = field('phone', 'phone', { required: false });
    expect(mergeForms([[optionalPhone], [field('phone', 'phone'), field('extra', 'text')]])).toEqual([
      { ...optionalPhone, required: true },
      field('extra', 'text'),
    ]);
  });

  it('pre-fills from the card into the field’s own option values, never the ID number', () => {
    const card = idCardFixtures.womanResident;
    const fields = prefillFields(form, {
      person: { name: card.name, idType: 'residentIdCard', idNumber: card.idNumber },
      proof: { kind: 'card', card },
    });
    expect(Object.fromEntries(fields.map((f) => [f.name, [f.value, f.filledFrom]]))).toMatchObject({
      name: ['李测试', 'card'],
      born: ['1990-06-01', 'card'],
      sex: ['2', 'card'],
      nation: ['回', 'card'],
      address: ['山东省安丘市景芝镇测试村8号', 'card'],
      phone: ['', 'none'],
      spouseId: ['', 'none'],
    });
    expect(JSON.stringify(fields)).not.toContain(card.idNumber);
    const typed = prefillFields(form, {
      person: { name: '王示例', idType: 'residentIdCard', idNumber: '370784194803150035' },
      proof: { kind: 'typed' },
    });
    expect(typed.find((f) => f.name === 'born')?.value).toBe('1948-03-15');
    expect(typed.find((f) => f.name === 'sex')?.filledFrom).toBe('none');
  });
});
