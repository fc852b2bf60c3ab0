import type { AssistanceRequestInput } from '../../../../core/api/care';
import type { KioskAssistanceKind as AssistanceKind } from '../../../../core/api/care';
import { isPhoneNumber } from '../../components/keypad/PhonePad';

export const HELP_KINDS: readonly AssistanceKind[] = ['callback', 'homeVisit', 'agentAtStation'];

export const HELP_NEEDS = ['elderly', 'disabled', 'illness', 'unfamiliarWithProcess', 'noSmartphone'] as const;
export type HelpNeed = (typeof HELP_NEEDS)[number];

export const PREFERRED_TIMES = ['anytime', 'morning', 'afternoon', 'evening'] as const;
export type PreferredTime = (typeof PREFERRED_TIMES)[number];

/** What the resident filled in so far; fields of other kinds are kept but not sent. */
export interface HelpForm {
  readonly kind: AssistanceKind | null;
  readonly phone: string;
  readonly preferredTime: PreferredTime;
  readonly address: string;
  /** null: any day (尽快). */
  readonly preferredDate: string | null;
  readonly needs: readonly HelpNeed[];
}

export const emptyHelpForm: HelpForm = {
  kind: null,
  phone: '',
  preferredTime: 'anytime',
  address: '',
  preferredDate: null,
  needs: [],
};

/** Which part of the form keeps it from being sent. */
export type HelpFormProblem = 'kindMissing' | 'phoneMissing' | 'phoneInvalid' | 'addressMissing';

export type HelpFormCheck =
  | { readonly ok: true; readonly input: AssistanceRequestInput }
  | { readonly ok: false; readonly problems: readonly HelpFormProblem[] };

const MIN_ADDRESS = 4;

/**
 * The request core will accept, or every reason it would not: a callback and a home visit need a
 * phone, a home visit an address of at least four characters; an agent at the station may come
 * without a phone (the resident is standing here).
 */
export function checkHelpForm(form: HelpForm, matterCode: string | null, confirmationId: string): HelpFormCheck {
  const problems: HelpFormProblem[] = [];
  if (form.kind === null) return { ok: false, problems: ['kindMissing'] };
  const phone = form.phone.trim();
  const phoneRequired = form.kind !== 'agentAtStation';
  if (phone === '' && phoneRequired) problems.push('phoneMissing');
  if (phone !== '' && !isPhoneNumber(phone)) problems.push('phoneInvalid');
  const address = form.address.trim();
  if (form.kind === 'homeVisit' && address.length < MIN_ADDRESS) problems.push('addressMissing');
  if (problems.length > 0) return { ok: false, problems };

  const common = { confirmationId, kind: form.kind, needs: [...form.needs], matterCode };
  const withPhone = phone === '' ? {} : { phone };
  switch (form.kind) {
    case 'callback':
      return { ok: true, input: { ...common, ...withPhone, preferredTime: form.preferredTime } };
    case 'homeVisit':
      return { ok: true, input: { ...common, ...withPhone, address, preferredDate: form.preferredDate } };
    case 'agentAtStation':
      return { ok: true, input: { ...common, ...withPhone } };
  }
}
