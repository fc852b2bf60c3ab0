import type { ApplicationDraft, PrefilledField } from '../../../../core/api/applications';
import type { SubmitInput } from './apply-api';
import type { ApplyContext, FillSource } from './apply-context';
import { deliveryToSend, initialDelivery, type DeliveryDraft } from './delivery-draft';
import { formValuesToSend } from './form-check';

/** The form's values as the draft pre-filled them, and where each came from. */
export function valuesFromDraft(fields: readonly PrefilledField[]) {
  const values: Record<string, string> = {};
  const filledFrom: Record<string, FillSource> = {};
  for (const field of fields) {
    values[field.name] = field.value;
    filledFrom[field.name] = field.value === '' ? 'none' : field.filledFrom;
  }
  return { values, filledFrom };
}

/** The journey's start: the draft core made, its pre-filled values, and mailing fields from them. */
export function draftStarted(draft: ApplicationDraft): Partial<ApplyContext> {
  return {
    draft,
    ...valuesFromDraft(draft.fields),
    delivery: initialDelivery(draft.fields, valuesFromDraft(draft.fields).values),
    startError: null,
  };
}

/** The catalog changed under the resident: the new draft, keeping every value and material still asked for. */
export function draftReloaded(context: ApplyContext, draft: ApplicationDraft): Partial<ApplyContext> {
  const fresh = valuesFromDraft(draft.fields);
  const values = { ...fresh.values };
  for (const field of draft.fields) {
    const kept = context.values[field.name];
    if (kept !== undefined) values[field.name] = kept;
  }
  const names = new Set(draft.materials.map((m) => m.name));
  const materials = Object.fromEntries(Object.entries(context.materials).filter(([name]) => names.has(name)));
  return { draft, values, materials, notice: 'catalogStale' };
}

/**
 * The mailing fields start from the form (recipient, phone, address) but only where the resident
 * has not typed anything yet: what they typed here wins over what the form says now.
 */
export function deliveryGaps(context: ApplyContext): Partial<DeliveryDraft> {
  const suggested = initialDelivery(context.draft?.fields ?? [], context.values);
  const gaps: { -readonly [K in keyof DeliveryDraft]?: DeliveryDraft[K] } = {};
  if (context.delivery.recipient === '') gaps.recipient = suggested.recipient;
  if (context.delivery.phone === '') gaps.phone = suggested.phone;
  if (context.delivery.detail === '') gaps.detail = suggested.detail;
  return gaps;
}

/** The 亮证码 given for materials; left out when there are none. */
function licencesOf(context: ApplyContext): Pick<SubmitInput, 'licences'> {
  const licences = (context.draft?.materials ?? []).flatMap((material) => {
    const state = context.materials[material.name];
    return state?.kind === 'licence' ? [{ materialName: material.name, scanId: state.scanId }] : [];
  });
  return licences.length > 0 ? { licences } : {};
}

/** What 确认提交 sends: the form, the captured materials, the licences and the delivery. */
export function submitInputOf(context: ApplyContext, confirmationId: string): SubmitInput {
  const draft = context.draft;
  if (!draft) throw new Error('submit without a draft');
  return {
    confirmationId,
    matterCodes: [...context.matterCodes],
    lifeEventId: context.lifeEventId,
    form: formValuesToSend(draft.fields, context.values),
    materials: draft.materials.flatMap((material) => {
      const state = context.materials[material.name];
      return state?.kind === 'captured' ? [{ name: material.name, captureIds: [state.captureId] }] : [];
    }),
    ...licencesOf(context),
    delivery: deliveryToSend(context.delivery, draft),
  };
}
