import { AppointmentId } from '../../platform/contract/appointments';
import { CaseNo } from '../../platform/contract/common';

/**
 * The codes the kiosk prints, in ONE scheme shared by printing (receipts, tickets, appointment
 * slips) and parsing (the kiosk's own scanner, the progress lookup's number field): an https
 * address of the county's public page (`station.progressPageUrl`) with one query parameter, so a
 * phone opens the page and the kiosk's scanner knows what it holds.
 *
 *   <page>?case=AQ-20261121-0001       a receipt: the 办件编号
 *   <page>?ref=<uuid>                  a receipt printed while offline: the kiosk's local reference,
 *                                      which the platform also has (ApplicationSubmission.localRef)
 *   <page>?ticket=TK-20261121-0012     a queue ticket
 *   <page>?appointment=AP-20261121-7   an appointment slip
 *
 * Receipts printed before this scheme hold `bmkiosk:progress:<case number or local reference>`;
 * it is still read. Pure: the renderer parses typed and wedge-typed text with the same function.
 */
export type PrintedCode =
  | { readonly kind: 'case'; readonly caseNo: string }
  | { readonly kind: 'localRef'; readonly localRef: string }
  | { readonly kind: 'ticket'; readonly ticketId: string }
  | { readonly kind: 'appointment'; readonly appointmentId: string };

/** The query parameter of each kind (lower case). */
const PARAMETER = {
  case: 'case',
  localRef: 'ref',
  ticket: 'ticket',
  appointment: 'appointment',
} as const satisfies Record<PrintedCode['kind'], string>;

/** What receipts printed before the https scheme hold. */
export const LEGACY_PROGRESS_PREFIX = 'bmkiosk:progress:';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ticket ids as the platform (TK-20261121-0012) and the offline range (offline-…) make them. */
const TICKET_ID = /^[0-9A-Za-z-]{6,64}$/;

/** The https address a code is printed as. */
export function printedCodeUrl(pageUrl: string, code: PrintedCode): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set(PARAMETER[code.kind], valueOf(code));
  return url.toString();
}

/**
 * What a receipt's QR holds: the page address when a page is configured; otherwise the bare case
 * number or local reference (what the resident would type, readable on any phone as text).
 */
export function receiptCodeText(pageUrl: string | null, code: Extract<PrintedCode, { kind: 'case' | 'localRef' }>) {
  return pageUrl ? printedCodeUrl(pageUrl, code) : valueOf(code);
}

/**
 * One of our codes, or null. An address counts only on the configured page (scheme, host and path
 * as configured; the host in any case, a trailing slash either way), with exactly one of our
 * parameters and a value of the right shape: another site's QR that happens to carry `?case=` is
 * not ours. A bare UUID is a local reference and a bare case number a case (typed or from an old
 * receipt); a bare appointment number cannot be told from a case number and is not guessed at.
 */
export function parsePrintedCode(raw: string, pageUrl: string | null): PrintedCode | null {
  const text = raw.trim();
  if (text.toLowerCase().startsWith(LEGACY_PROGRESS_PREFIX)) {
    return referenceCode(text.slice(LEGACY_PROGRESS_PREFIX.length).trim());
  }
  if (/^https?:\/\//i.test(text)) return pageUrl ? fromAddress(text, pageUrl) : null;
  return referenceCode(text);
}

/** A case number or local reference: what the progress lookup takes. */
function referenceCode(text: string): Extract<PrintedCode, { kind: 'case' | 'localRef' }> | null {
  // A UUID would also pass as a case number: it is checked first.
  if (UUID.test(text)) return { kind: 'localRef', localRef: text.toLowerCase() };
  if (CaseNo.safeParse(text).success) return { kind: 'case', caseNo: text };
  return null;
}

function fromAddress(text: string, pageUrl: string): PrintedCode | null {
  let url: URL;
  let page: URL;
  try {
    url = new URL(text);
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  // Some scanners are set to upper-case what they read: the path and the parameter name are
  // compared without case (the host always is); values keep theirs.
  const path = (u: URL) => u.pathname.replace(/\/+$/, '').toLowerCase();
  if (url.protocol !== page.protocol || url.host !== page.host || path(url) !== path(page)) return null;
  const entries = [...url.searchParams.entries()];
  if (entries.length !== 1) return null;
  const [name, rawValue] = entries[0] ?? ['', ''];
  const kind = (Object.keys(PARAMETER) as Array<PrintedCode['kind']>).find((k) => PARAMETER[k] === name.toLowerCase());
  if (!kind) return null;
  const value = rawValue.trim();
  switch (kind) {
    case 'case':
      return CaseNo.safeParse(value).success && !UUID.test(value) ? { kind, caseNo: value } : null;
    case 'localRef':
      return UUID.test(value) ? { kind, localRef: value.toLowerCase() } : null;
    case 'ticket':
      return TICKET_ID.test(value) ? { kind, ticketId: value } : null;
    case 'appointment':
      return AppointmentId.safeParse(value).success ? { kind, appointmentId: value } : null;
  }
}

function valueOf(code: PrintedCode): string {
  switch (code.kind) {
    case 'case':
      return code.caseNo;
    case 'localRef':
      return code.localRef;
    case 'ticket':
      return code.ticketId;
    case 'appointment':
      return code.appointmentId;
  }
}
