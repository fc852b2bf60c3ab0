import { z } from 'zod';
import { AppointmentId } from '../../platform/contract/appointments';
import { TicketNo } from '../../platform/contract/queue';
import { CompletedService } from './resident';

/**
 * What core made of a QR scanner read, pushed to the renderer as `scanner.scanned`. Never the
 * raw text: a resident may hold up anything (their payment code, a licence code), so the screen
 * learns only what kind of code it was and the reference printed on our own paper.
 */
export const ScannedCode = z.discriminatedUnion('kind', [
  /** A receipt's code (办件编号, or the local reference of one saved offline): opens its progress. */
  z.object({ kind: z.literal('receipt'), reference: z.string().min(6).max(64) }),
  /** An appointment slip's code: selects the appointment; checking in still needs the card. */
  z.object({ kind: z.literal('appointment'), appointmentId: AppointmentId }),
  /**
   * A queue ticket's code. rateable: this kiosk issued it today and it is not rated yet; it is now
   * a service of this visit (`service`). alreadyRated: 一次一评. otherDay: issued on another day.
   * notFromThisKiosk: not a ticket this kiosk issued (another kiosk, or made up).
   */
  z.object({
    kind: z.literal('ticket'),
    status: z.enum(['rateable', 'alreadyRated', 'otherDay', 'notFromThisKiosk']),
    ticketNo: TicketNo.nullable(),
    service: CompletedService.pick({ kind: true, ref: true }).nullable(),
  }),
  /**
   * Not one of our codes. It may be a 亮证码 (electronic licence) the apply journey asked for: the
   * text stays in core under `scanId` for this visit only, to be attached to an application if the
   * resident says it is one; the platform verifies it.
   */
  z.object({ kind: z.literal('other'), scanId: z.uuid() }),
]);
export type ScannedCode = z.infer<typeof ScannedCode>;

/** What the technician's scan test shows: the decoded text itself (technician eyes only). */
export const ScanTestResult = z.object({
  text: z.string().max(8192),
  symbology: z.enum(['qr', 'dataMatrix', 'pdf417', 'code128', 'code39', 'eanUpc', 'other', 'unknown']),
  /** How the kiosk would take it from a resident. */
  recognisedAs: z.enum(['receipt', 'appointment', 'ticket', 'other']),
});
export type ScanTestResult = z.infer<typeof ScanTestResult>;
