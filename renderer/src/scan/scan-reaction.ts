import type { ScannedCode } from '../../../core/api/scanner';
import type { Journey, JourneyKind } from '../shell/journeys';
import type { ShellScreen } from '../shell/shell-machine';

/** Plain messages for a read that opens nothing; the screen underneath stays as it was. */
export type ScanNotice =
  /** Not a receipt, slip or ticket of ours (or garbled): nothing happens. */
  | 'notOurs'
  /** A ticket rated already (一次一评). */
  | 'ticketRated'
  /** A ticket of another day. */
  | 'ticketOtherDay'
  /** A ticket this kiosk did not issue. */
  | 'ticketNotHere'
  /** A code of ours while the resident is filling something in: finish or leave that first. */
  | 'finishFirst';

export type ScanReaction =
  | { readonly kind: 'open'; readonly journey: Journey }
  | { readonly kind: 'notice'; readonly notice: ScanNotice }
  | { readonly kind: 'ignore' };

/**
 * Journeys where the resident is typing or choosing something they would lose if a scan replaced
 * them: a scanned code of ours does not interrupt them, it says to finish first.
 */
const FILLING_IN: ReadonlySet<JourneyKind> = new Set(['apply', 'appointment', 'help']);

/**
 * What a scan does where the resident is (the screen's own claim, e.g. a 亮证码 on the materials
 * step, is asked before this). A receipt opens its progress (looked up by number: status only),
 * a slip opens the check-in, a rateable ticket opens its rating; on the attract screen a scan
 * starts the visit too. Nothing is lost: a filled-in journey stays, and anything else only shows
 * a message.
 */
export function scanReaction(
  code: ScannedCode,
  where: { readonly screen: ShellScreen; readonly journey: JourneyKind | null },
): ScanReaction {
  // The farewell is the end of a visit; the technician's screens are not a resident's.
  if (where.screen === 'farewell' || where.screen === 'technicianPin' || where.screen === 'technician') {
    return { kind: 'ignore' };
  }
  const open = (journey: Journey): ScanReaction =>
    where.screen === 'journey' && where.journey !== null && FILLING_IN.has(where.journey)
      ? { kind: 'notice', notice: 'finishFirst' }
      : { kind: 'open', journey };
  switch (code.kind) {
    case 'receipt':
      return open({ kind: 'progress', reference: code.reference });
    case 'appointment':
      return open({ kind: 'checkIn', appointmentId: code.appointmentId });
    case 'ticket':
      switch (code.status) {
        case 'rateable':
          return code.service ? open({ kind: 'rating', serviceRef: code.service.ref }) : notOurs;
        case 'alreadyRated':
          return { kind: 'notice', notice: 'ticketRated' };
        case 'otherDay':
          return { kind: 'notice', notice: 'ticketOtherDay' };
        case 'notFromThisKiosk':
          return { kind: 'notice', notice: 'ticketNotHere' };
      }
      return notOurs;
    case 'other':
      return notOurs;
  }
}

const notOurs: ScanReaction = { kind: 'notice', notice: 'notOurs' };
