import { z } from 'zod';
import type { StaffPresence } from './station';

/**
 * What a queue ticket's wait means on the clock, for the screen and the paper alike: minutes
 * while the windows are calling, the hour calling starts before opening or over the lunch break,
 * and a plain warning when the estimate runs past the day's last window (a ticket is one day's
 * number, so it would not be called). Never a wait through the night.
 */

const Instant = z.iso.datetime({ offset: true });

export const TicketWait = z.discriminatedUnion('kind', [
  /** The windows are calling: about `minutes`, around `callAt`. */
  z.object({ kind: z.literal('minutes'), minutes: z.number().int().min(0), callAt: Instant }),
  /** Calling starts later today at `startsAt`; this number around `callAt`. */
  z.object({ kind: z.literal('startsAt'), startsAt: Instant, callAt: Instant }),
  /** The estimate runs past the last window of the day, `dayEndsAt`. */
  z.object({ kind: z.literal('beyondToday'), dayEndsAt: Instant }),
]);
export type TicketWait = z.infer<typeof TicketWait>;

/**
 * The wait of `estimatedWaitMinutes` counted from `from` (now, or when the ticket was issued).
 * `calling` null: the station leaves ticket hours to the platform, so its minutes stand as given.
 * Null when nobody calls again today (no ticket should be offered then).
 */
export function describeWait(
  estimatedWaitMinutes: number,
  from: Date | string,
  calling: StaffPresence | null,
): TicketWait | null {
  const fromMs = new Date(from).getTime();
  const callAt = new Date(fromMs + estimatedWaitMinutes * 60_000).toISOString();
  if (calling === null) return { kind: 'minutes', minutes: estimatedWaitMinutes, callAt };
  if (calling.state === 'offDuty') return null;
  if (Date.parse(callAt) > Date.parse(calling.dayEndsAt)) return { kind: 'beyondToday', dayEndsAt: calling.dayEndsAt };
  if (calling.state === 'laterToday') {
    const startsAt = calling.startsAt;
    return { kind: 'startsAt', startsAt, callAt: Date.parse(callAt) < Date.parse(startsAt) ? startsAt : callAt };
  }
  return { kind: 'minutes', minutes: estimatedWaitMinutes, callAt };
}
