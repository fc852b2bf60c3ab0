import type { Client } from '../../../core/api/client';
import type { KioskContract } from '../../../core/api/contract';
import { PhoneNumber } from '../../../platform/contract/common';

/**
 * The phone number a resident gave in a call that asks for one: the help request's, the rating's
 * callback, the booking's. Null for every other call, and for a call without a phone.
 */
export function phoneGivenIn(method: string, input: unknown): string | null {
  const fields = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const value =
    method === 'assistance.request' || method === 'appointment.book'
      ? fields['phone']
      : method === 'rating.submit'
        ? fields['callbackPhone']
        : undefined;
  return typeof value === 'string' && PhoneNumber.safeParse(value).success ? value : null;
}

/**
 * The client a journey that asks for a phone uses: once a call carrying a phone succeeds, the
 * number is remembered for the rest of the visit, to be offered (not filled in) by the next
 * journey. A call that failed gave nothing: the resident may still correct the number.
 */
export function rememberingPhones(
  client: Client<KioskContract>,
  remember: (phone: string) => void,
): Client<KioskContract> {
  return {
    async call(method, input) {
      const answer = await client.call(method, input);
      const phone = answer.ok ? phoneGivenIn(method, input) : null;
      if (phone !== null) remember(phone);
      return answer;
    },
    on: (event, listener) => client.on(event, listener),
  };
}

/**
 * The phone number an application gave: the mailing phone when the result is mailed, else the
 * form's first phone field (联系电话).
 */
export function phoneGivenInApplication(
  fields: readonly { readonly name: string; readonly kind: string }[],
  values: Readonly<Record<string, string>>,
  delivery: { readonly method: 'pickUp' | 'mail'; readonly phone: string },
): string | null {
  const typed = [
    ...(delivery.method === 'mail' ? [delivery.phone] : []),
    ...fields.filter((field) => field.kind === 'phone').map((field) => values[field.name] ?? ''),
  ].map((phone) => phone.trim());
  return typed.find((phone) => PhoneNumber.safeParse(phone).success) ?? null;
}
