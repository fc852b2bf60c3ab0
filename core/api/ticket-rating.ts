import { z } from 'zod';

/**
 * Rating a ticket served at a window, by its number (A012) typed at the rating entry. Digits may
 * be typed without leading zeros (A12); the letter in either case.
 */
export const TicketByNumberInput = z
  .object({
    ticketNo: z
      .string()
      .trim()
      .regex(/^[A-Za-z][0-9]{1,3}$/, 'a letter and 1 to 3 digits, e.g. A012'),
  })
  .strict();

export const TicketByNumber = z.object({
  ticketNo: z.string(),
  /** The rateable service it became in this visit: rate it with rating.submit. */
  service: z.object({ kind: z.literal('ticket'), ref: z.string() }),
});
export type TicketByNumber = z.infer<typeof TicketByNumber>;

export const TICKET_BY_NUMBER_ERRORS = [
  'ticketNotFound',
  'ticketNotFinished',
  'alreadyRated',
  'platformUnavailable',
] as const;
export type TicketByNumberError = (typeof TICKET_BY_NUMBER_ERRORS)[number];

/** `a12` → `A012`. */
export function normalTicketNo(typed: string): string {
  const trimmed = typed.trim().toUpperCase();
  return `${trimmed.slice(0, 1)}${trimmed.slice(1).padStart(3, '0')}`;
}
