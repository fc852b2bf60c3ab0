import { useMemo } from 'react';
import { isPersonalField, type CoBrowseContribution } from '../../video-help/co-browse';
import { useCoBrowseContribution } from '../../video-help/co-browse-context';
import type { ApplyContext, ApplyEvent, ApplyStep } from './apply-context';

/**
 * What 自助申报 adds to a 视频帮办 call's screen state (video-help/co-browse.ts): the step, the
 * steps the review allows going back to, and on the form step its fields (personal ones marked,
 * what the ID card filled not proposable). An agreed proposal goes through the machine's own
 * events, so it is checked like a tap would be.
 */
export function applyCoBrowse(
  step: ApplyStep | 'review' | null,
  context: ApplyContext,
  send: (event: ApplyEvent) => void,
  stepLabel: (step: ApplyStep | 'review') => string,
): CoBrowseContribution | null {
  const draft = context.draft;
  if (step === null || !draft) return null;
  const label = (id: ApplyStep | 'review') => ({ id, label: stepLabel(id) });
  const editable: ApplyStep[] =
    step === 'review' ? (draft.materials.length > 0 ? ['form', 'materials', 'delivery'] : ['form', 'delivery']) : [];
  const fields =
    step === 'form'
      ? draft.fields.map((field) => ({
          id: field.name,
          label: field.label,
          value: context.values[field.name] ?? '',
          personal: isPersonalField(field),
          proposable: context.filledFrom[field.name] !== 'card' && field.kind !== 'idNumber',
        }))
      : [];
  return {
    step: label(step),
    steps: editable.map(label),
    fields,
    fillField(fieldId, value) {
      const field = fields.find((candidate) => candidate.id === fieldId);
      const spec = draft.fields.find((candidate) => candidate.name === fieldId);
      if (!field?.proposable || !spec) return false;
      // A choice takes one of its options, by value or as shown.
      const chosen = spec.options
        ? spec.options.find((option) => option.value === value || option.label === value)?.value
        : value;
      if (chosen === undefined) return false;
      send({ type: 'SET_FIELD', name: fieldId, value: chosen });
      return true;
    },
    goToStep(stepId) {
      const target = editable.find((candidate) => candidate === stepId);
      if (!target) return false;
      send({ type: 'EDIT', step: target });
      return true;
    },
  };
}

export function useApplyCoBrowse(
  step: ApplyStep | 'review' | null,
  context: ApplyContext,
  send: (event: ApplyEvent) => void,
  stepLabel: (step: ApplyStep | 'review') => string,
): void {
  const contribution = useMemo(() => applyCoBrowse(step, context, send, stepLabel), [step, context, send, stepLabel]);
  useCoBrowseContribution(contribution);
}
