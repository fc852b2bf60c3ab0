import type { ApplyContext, FillSource } from './apply-context';
import { formProblems } from './form-check';

/** The kiosk's own check of the form passes. */
export function formValid(context: ApplyContext): boolean {
  return context.draft !== null && Object.keys(formProblems(context.draft.fields, context.values)).length === 0;
}

/** Values remembered from earlier applications fill the fields they name (an empty one fills nothing). */
export function historyApplied(context: ApplyContext, remembered: Readonly<Record<string, string>>) {
  const values = { ...context.values };
  const filledFrom = { ...context.filledFrom };
  for (const field of context.draft?.fields ?? []) {
    const value = remembered[field.name];
    if (value === undefined || value === '') continue;
    values[field.name] = value;
    filledFrom[field.name] = 'history';
  }
  return { values, filledFrom };
}

/** The resident typed a field: it is their own value now, not the card's or history's. */
export function fieldSet(context: ApplyContext, name: string, value: string) {
  return {
    values: { ...context.values, [name]: value },
    filledFrom: { ...context.filledFrom, [name]: 'none' as FillSource },
    refusedFields: context.refusedFields.filter((refused) => refused !== name),
  };
}
