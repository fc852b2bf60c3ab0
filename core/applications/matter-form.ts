import { PhoneNumber } from '../../platform/contract/common';
import { MatterForm, type FormField } from '../../platform/contract/forms';
import type { FormValues } from '../../platform/contract/applications';
import type { MatterDetail } from '../api/contract';
import { isRealDay } from '../session/id-number';
import { isValidIdNumber } from '../pure/id-number';

/**
 * The form (申请表) a matter asks for. The platform publishes it with the matter (`matter.form`);
 * a catalog stored before forms existed, or a form that does not parse, falls back to the least a
 * case needs: who applies and how to call them back.
 */
export const MINIMAL_FORM: readonly FormField[] = [
  {
    name: 'applicantName',
    label: '申请人姓名',
    kind: 'text',
    required: true,
    maxLength: 64,
    prefillFrom: 'applicantName',
    rememberable: false,
  },
  { name: 'phone', label: '联系电话', kind: 'phone', required: true, prefillFrom: null, rememberable: true },
];

export function formOfMatter(matter: MatterDetail): readonly FormField[] {
  const published = (matter as MatterDetail & { form?: unknown }).form;
  if (published === undefined || published === null) return MINIMAL_FORM;
  const parsed = MatterForm.safeParse(published);
  return parsed.success && parsed.data.length > 0 ? parsed.data : MINIMAL_FORM;
}

/** A bundle asks each question once: the first matter that names a field defines it. */
export function mergeForms(forms: ReadonlyArray<readonly FormField[]>): FormField[] {
  const byName = new Map<string, FormField>();
  for (const form of forms) {
    for (const field of form) {
      const known = byName.get(field.name);
      // A field one matter requires stays required in the bundle.
      if (!known) byName.set(field.name, field);
      else if (field.required && !known.required) byName.set(field.name, { ...known, required: true });
    }
  }
  return [...byName.values()];
}

export type FieldProblem = 'required' | 'kind' | 'option' | 'maxLength' | 'unknown';

/** Checks the values against the form; answers every field that is wrong and why. */
export function validateForm(
  form: readonly FormField[],
  values: FormValues,
): Array<{ field: string; problem: FieldProblem }> {
  const problems: Array<{ field: string; problem: FieldProblem }> = [];
  const names = new Set(form.map((f) => f.name));
  for (const name of Object.keys(values)) if (!names.has(name)) problems.push({ field: name, problem: 'unknown' });
  for (const field of form) {
    const value = values[field.name];
    const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (empty) {
      if (field.required) problems.push({ field: field.name, problem: 'required' });
      continue;
    }
    const problem = checkValue(field, value);
    if (problem) problems.push({ field: field.name, problem });
  }
  return problems;
}

function checkValue(field: FormField, value: string | number | boolean): FieldProblem | null {
  if (field.kind === 'number') {
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
    if (!Number.isFinite(n)) return 'kind';
    return field.maxLength !== undefined && String(value).length > field.maxLength ? 'maxLength' : null;
  }
  if (typeof value !== 'string') return 'kind';
  if (field.maxLength !== undefined && [...value].length > field.maxLength) return 'maxLength';
  switch (field.kind) {
    case 'text':
    case 'multiline':
      return null;
    case 'phone':
      return PhoneNumber.safeParse(value.trim()).success ? null : 'kind';
    case 'date':
      return isRealDay(value.trim()) ? null : 'kind';
    case 'select':
      return field.options?.some((option) => option.value === value) ? null : 'option';
    case 'idNumber':
      return isValidIdNumber(value.trim().toUpperCase()) ? null : 'kind';
  }
}

/** The values a matter's own form names: each matter of a bundle receives only its questions. */
export function valuesForForm(form: readonly FormField[], values: FormValues): FormValues {
  const out: FormValues = {};
  for (const field of form) {
    const value = values[field.name];
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}
