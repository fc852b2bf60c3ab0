import type { DeliveryChoice, ApplicationDraft } from '../../../../core/api/applications';
import { PhoneNumber } from '../../../../platform/contract/common';
import type { FormField } from '../../../../platform/contract/forms';

/** The delivery step as typed: mail fields are kept when the resident switches back and forth. */
export interface DeliveryDraft {
  readonly method: 'pickUp' | 'mail';
  readonly recipient: string;
  readonly phone: string;
  readonly detail: string;
  readonly postcode: string;
}

export type DeliveryProblem = 'recipient' | 'phone' | 'detail' | 'postcode';

/** Starts the mailing fields from what the form already holds: the applicant, the phone, the address. */
export function initialDelivery(fields: readonly FormField[], values: Readonly<Record<string, string>>): DeliveryDraft {
  const first = (pick: (field: FormField) => boolean) => {
    const field = fields.find(pick);
    return field ? (values[field.name] ?? '').trim() : '';
  };
  return {
    method: 'pickUp',
    recipient: first((field) => field.prefillFrom === 'applicantName'),
    phone: first((field) => field.kind === 'phone'),
    detail: first((field) => /address/i.test(field.name) && field.prefillFrom !== 'applicantAddress'),
    postcode: '',
  };
}

export function deliveryProblems(delivery: DeliveryDraft): DeliveryProblem[] {
  if (delivery.method === 'pickUp') return [];
  const problems: DeliveryProblem[] = [];
  if (delivery.recipient.trim() === '') problems.push('recipient');
  if (!PhoneNumber.safeParse(delivery.phone.trim()).success) problems.push('phone');
  if (delivery.detail.trim() === '') problems.push('detail');
  if (delivery.postcode.trim() !== '' && !/^[0-9]{6}$/.test(delivery.postcode.trim())) problems.push('postcode');
  return problems;
}

export function deliveryToSend(delivery: DeliveryDraft, draft: ApplicationDraft): DeliveryChoice {
  if (delivery.method === 'pickUp') return { method: 'pickUp' };
  const postcode = delivery.postcode.trim();
  return {
    method: 'mail',
    recipient: delivery.recipient.trim(),
    phone: delivery.phone.trim(),
    address: {
      ...draft.delivery.mailDefaults,
      detail: delivery.detail.trim(),
      ...(postcode === '' ? {} : { postcode }),
    },
  };
}

/**
 * The ID card's address as the mailing address's detail under this station's county (the mail
 * region is fixed to it): 山东省安丘市兴安街道示例村100号 → 兴安街道示例村100号. Null when the card's
 * address lies in another county, or is nothing but the region.
 */
export function mailingDetailFromCard(
  cardAddress: string,
  region: { readonly province: string; readonly city: string; readonly county: string },
): string | null {
  let rest = cardAddress.replace(/\s+/g, '');
  for (const part of [region.province, region.city])
    if (part !== '' && rest.startsWith(part)) rest = rest.slice(part.length);
  if (region.county === '' || !rest.startsWith(region.county)) return null;
  rest = rest.slice(region.county.length);
  return rest === '' ? null : rest;
}
