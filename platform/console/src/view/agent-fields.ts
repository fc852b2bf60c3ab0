import type { CoBrowseField, CoBrowseState, VideoConsent } from '../../../contract/video-help';

/**
 * How the resident's form fields show on the agent page (co-browsing by state,
 * docs/video-help.md). The kiosk masks personal values unless the resident allowed them and the
 * platform masks them again; the console adds a third rule of its own: a personal value is shown
 * only when this call's consent allows it, so a value that slipped through is still not shown.
 * The page never asks for a masked value.
 */

export const MASK = '●●●';

export type FieldView =
  { readonly kind: 'value'; readonly text: string } | { readonly kind: 'masked' } | { readonly kind: 'empty' };

export function fieldView(field: CoBrowseField, consent: Pick<VideoConsent, 'personalValues'>): FieldView {
  if (field.personal && (field.value === null || !consent.personalValues)) return { kind: 'masked' };
  if (field.value === null || field.value.trim() === '') return { kind: 'empty' };
  return { kind: 'value', text: field.value };
}

/** The fields the agent may propose a value for (not those the ID card filled). */
export function proposableFields(state: CoBrowseState | null): CoBrowseField[] {
  return state ? state.fields.filter((field) => field.proposable) : [];
}
