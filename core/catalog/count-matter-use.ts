import type { KioskContract } from '../api/contract';
import type { Handler, Handlers } from '../api/types';
import type { MatterUsage } from './matter-usage';

type Counted = 'catalog.matter' | 'application.start' | 'appointment.book';

/**
 * The calls that mean a resident is using a matter, counted when they succeed: its guide opened
 * (catalog.matter), an application started for it (each matter of a bundle), an appointment
 * booked for it. Wrapping here keeps the counting out of the journeys themselves.
 */
export function countMatterUse<H extends Partial<Pick<Handlers<KioskContract>, Counted>>>(
  handlers: H,
  usage: Pick<MatterUsage, 'record'>,
): H {
  const wrapped: Partial<Pick<Handlers<KioskContract>, Counted>> = {};
  const matter = handlers['catalog.matter'];
  if (matter) wrapped['catalog.matter'] = after(matter, (input) => usage.record(input.code));
  const start = handlers['application.start'];
  if (start) wrapped['application.start'] = after(start, (input) => input.matterCodes.forEach(usage.record));
  const book = handlers['appointment.book'];
  if (book) wrapped['appointment.book'] = after(book, (input) => usage.record(input.matterCode));
  return { ...handlers, ...wrapped };
}

function after<M extends Counted>(
  handler: Handler<KioskContract, M>,
  onSuccess: (input: Parameters<Handler<KioskContract, M>>[0]) => void,
): Handler<KioskContract, M> {
  return async (input, ctx) => {
    const result = await handler(input, ctx);
    if (result.ok) onSuccess(input);
    return result;
  };
}
