import { CaseNo } from '../../platform/contract/common';

/**
 * What the resident typed or the scanner read on the progress screen: a 办件编号, the receipt's
 * QR (`bmkiosk:progress:<办件编号 or local reference>`), or the local reference (a UUID) printed
 * on a receipt of an application saved here before the platform numbered it.
 */
export type ProgressReference =
  | { readonly kind: 'caseNo'; readonly caseNo: string }
  | { readonly kind: 'localRef'; readonly localRef: string }
  | { readonly kind: 'invalid' };

export const PROGRESS_QR_PREFIX = 'bmkiosk:progress:';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The reference inside the receipt's QR text, or the text itself when it is not one. */
export function stripQrPrefix(raw: string): string {
  const text = raw.trim();
  // Some scanners send the QR text upper-cased; the prefix is ours, so compare without case.
  return text.toLowerCase().startsWith(PROGRESS_QR_PREFIX) ? text.slice(PROGRESS_QR_PREFIX.length).trim() : text;
}

export function parseProgressReference(raw: string): ProgressReference {
  const text = stripQrPrefix(raw);
  // A UUID would also pass as a case number: it is checked first.
  if (UUID.test(text)) return { kind: 'localRef', localRef: text.toLowerCase() };
  if (CaseNo.safeParse(text).success) return { kind: 'caseNo', caseNo: text };
  return { kind: 'invalid' };
}
