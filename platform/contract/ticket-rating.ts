import { z } from 'zod';
import { IsoDate, IsoDateTime, MatterCode, StationId } from './common';
import { TicketNo } from './queue';

/**
 * Rating a ticket served at a window (好差评 after 叫号): at the kiosk the resident types or scans
 * the number on their ticket (A012), the kiosk asks the platform about today's ticket with that
 * number at its own station, and a ticket finished at a window becomes a rateable service of the
 * visit (subject kind 'ticket', ref = the ticket id). Only the platform knows a window finished it
 * (ticket_states, set by the staff's window page), so the kiosk cannot answer this offline.
 */

export const TicketForRatingPathParams = z.object({ stationId: StationId, ticketNo: TicketNo });

export const TicketForRating = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('notFound').describe('no ticket with this number today at this station') }),
    z.object({
      status: z.literal('notFinished').describe('waiting, called or being served: rate it once it is finished'),
      ticketNo: TicketNo,
    }),
    z.object({
      status: z.literal('finished'),
      ticketId: z.string().regex(/^[0-9A-Za-z-]{6,64}$/),
      ticketNo: TicketNo,
      day: IsoDate,
      serviceCode: z.string().min(1).max(40),
      matterCode: MatterCode.nullable(),
      finishedAt: IsoDateTime,
      rated: z.boolean().describe('a rating of this ticket is already stored (一次一评)'),
    }),
  ])
  .meta({ id: 'TicketForRating', description: "Today's ticket with a number at the terminal's station, for rating." });
export type TicketForRating = z.infer<typeof TicketForRating>;
