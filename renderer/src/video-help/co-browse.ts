import type { MatterRef } from '../../../platform/contract/common';
import type { FormField } from '../../../platform/contract/forms';
import type { CoBrowseField, CoBrowseState } from '../../../platform/contract/video-help';

/**
 * Co-browsing by state (docs/video-help.md §Co-browsing): the agent sees which screen and step
 * the resident is on, the matter, and the form's fields by name — never pixels or the page's DOM.
 * Personal values are replaced by null here unless the resident allowed them (the platform masks
 * them again before relaying).
 */

export interface CoBrowseStepInfo {
  readonly id: string;
  readonly label: string;
}

/** One field as a journey shows it, unmasked; it never leaves the kiosk this way. */
export interface CoBrowseFieldInfo {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly personal: boolean;
  readonly proposable: boolean;
}

/** What a journey adds to the screen's state, and how it carries out an agreed proposal. */
export interface CoBrowseContribution {
  readonly step: CoBrowseStepInfo | null;
  /** Steps the journey allows going to now (the agent may propose one). */
  readonly steps: readonly CoBrowseStepInfo[];
  readonly fields: readonly CoBrowseFieldInfo[];
  /** Sets a field the resident agreed to; false when the field cannot take that value now. */
  readonly fillField?: (fieldId: string, value: string) => boolean;
  readonly goToStep?: (stepId: string) => boolean;
}

/** Names that hold a person's identity or whereabouts, whatever kind of field carries them. */
const PERSONAL_NAME = /name|phone|mobile|tel|address|addr|idno|idnumber|idcard|certno|birth|email|bank|account/i;

/**
 * Personal: what identifies or locates the resident — name, ID number, phone, address, birth
 * date and what the ID card or earlier submissions fill in.
 */
export function isPersonalField(field: Pick<FormField, 'name' | 'kind' | 'prefillFrom' | 'rememberable'>): boolean {
  return (
    field.kind === 'phone' ||
    field.kind === 'idNumber' ||
    field.prefillFrom !== null ||
    field.rememberable ||
    PERSONAL_NAME.test(field.name)
  );
}

export interface CoBrowseInput {
  readonly screen: string;
  readonly title: string;
  readonly matter: MatterRef | null;
  readonly contribution: CoBrowseContribution | null;
  readonly personalValues: boolean;
  readonly elderMode: boolean;
  readonly at: Date;
}

const cut = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);
const cutStep = (step: CoBrowseStepInfo) => ({ id: cut(step.id, 64), label: cut(step.label, 64) || step.id });

/** The state to send, fitted to the contract's limits, personal values masked unless allowed. */
export function buildCoBrowseState(input: CoBrowseInput): CoBrowseState {
  const contribution = input.contribution;
  const fields: CoBrowseField[] = (contribution?.fields ?? []).slice(0, 80).map((field) => ({
    id: cut(field.id, 64),
    label: cut(field.label, 64) || cut(field.id, 64),
    value: field.personal && !input.personalValues ? null : cut(field.value, 300),
    personal: field.personal,
    proposable: field.proposable,
  }));
  return {
    screen: cut(input.screen, 64),
    title: cut(input.title, 120),
    step: contribution?.step ? cutStep(contribution.step) : null,
    steps: (contribution?.steps ?? []).slice(0, 20).map(cutStep),
    matter: input.matter,
    fields,
    elderMode: input.elderMode,
    at: input.at.toISOString(),
  };
}
