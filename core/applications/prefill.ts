import type { FormField, PrefillSource } from '../../platform/contract/forms';
import type { PrefilledField } from '../api/applications';
import { cardOf, type SignedIn } from '../session/resident-session-types';
import { idTypeOfNumber } from '../session/id-number';

/**
 * Values the form takes from the applicant's card (Shizhong: 历史数据自动填充). Never the ID number:
 * the renderer shows only its masked form, and core adds the number to the submission itself.
 * A typed sign-in knows the name and, from the number, the birth date.
 */
export function prefillFields(form: readonly FormField[], applicant: SignedIn): PrefilledField[] {
  return form.map((field) => {
    const value = field.prefillFrom ? fromCard(field, field.prefillFrom, applicant) : '';
    return { ...field, value, filledFrom: value === '' ? 'none' : 'card' };
  });
}

function fromCard(field: FormField, source: PrefillSource, signedIn: SignedIn): string {
  const { person } = signedIn;
  const card = cardOf(signedIn);
  switch (source) {
    case 'applicantName':
      return person.name;
    case 'applicantBirthDate':
      return card?.birthDate ?? birthDateOfNumber(person.idNumber);
    case 'applicantAddress':
      return card && 'address' in card ? card.address : '';
    case 'applicantNation':
      return card?.cardType === 'resident' ? card.nation.name : '';
    case 'applicantSex': {
      if (!card || (card.sex !== 'male' && card.sex !== 'female')) return '';
      return sexValue(field, card.sex);
    }
  }
}

const SEX_WORDS = { male: ['male', 'm', '男', '1'], female: ['female', 'f', '女', '2'] } as const;

/** A select field gets its own option value (男 / male / 1 …); a text field gets 男 or 女. */
function sexValue(field: FormField, sex: 'male' | 'female'): string {
  const words: readonly string[] = SEX_WORDS[sex];
  if (field.kind === 'select') {
    const option = field.options?.find((o) => words.includes(o.value.toLowerCase()) || words.includes(o.label));
    return option?.value ?? '';
  }
  return sex === 'male' ? '男' : '女';
}

function birthDateOfNumber(idNumber: string): string {
  if (idTypeOfNumber(idNumber) !== 'residentIdCard' || !/^[0-9]{17}[0-9X]$/.test(idNumber)) return '';
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}
