import type { FormValues } from '../../../../platform/contract/applications';
import { PhoneNumber } from '../../../../platform/contract/common';
import type { FormField } from '../../../../platform/contract/forms';
import { checkIdNumber } from '../../components/keypad/id-number';

/**
 * The form checked on the kiosk before anything is sent, with the same rules core applies
 * (core/applications/matter-form.ts), so a resident hears what is wrong beside the field.
 */
export type FieldProblem = 'required' | 'phone' | 'number' | 'date' | 'idNumber' | 'option' | 'tooLong';

export function fieldProblem(field: FormField, raw: string): FieldProblem | null {
  const value = raw.trim();
  if (value === '') return field.required ? 'required' : null;
  if (field.maxLength !== undefined && [...value].length > field.maxLength) return 'tooLong';
  switch (field.kind) {
    case 'phone':
      return PhoneNumber.safeParse(value).success ? null : 'phone';
    case 'number':
      return Number.isFinite(Number(value)) ? null : 'number';
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'date';
    case 'idNumber':
      return checkIdNumber(value.toUpperCase()) === 'ok' ? null : 'idNumber';
    case 'select':
      return field.options?.some((option) => option.value === value) ? null : 'option';
    case 'text':
    case 'multiline':
      return null;
  }
}

export function formProblems(
  fields: readonly FormField[],
  values: Readonly<Record<string, string>>,
): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of fields) {
    const problem = fieldProblem(field, values[field.name] ?? '');
    if (problem !== null) problems[field.name] = problem;
  }
  return problems;
}

/** What is sent: trimmed values, numbers as numbers, empty optional fields left out. */
export function formValuesToSend(fields: readonly FormField[], values: Readonly<Record<string, string>>): FormValues {
  const sent: FormValues = {};
  for (const field of fields) {
    const value = (values[field.name] ?? '').trim();
    if (value === '') continue;
    sent[field.name] =
      field.kind === 'number' ? Number(value) : field.kind === 'idNumber' ? value.toUpperCase() : value;
  }
  return sent;
}

/** Field names an `invalidForm` message mentions (core says which fields, in its message). */
export function fieldsNamedIn(message: string, fields: readonly FormField[]): string[] {
  return fields.filter((field) => new RegExp(`\\b${field.name}\\b`).test(message)).map((field) => field.name);
}
