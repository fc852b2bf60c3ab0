import { LEGACY_PROGRESS_PREFIX, parsePrintedCode } from '../../../../core/api/printed-codes';

/**
 * The reference a resident typed, or a scanner set up as a plain keyboard typed from the
 * receipt's QR code (the progress page's address, or `bmkiosk:progress:<reference>` on older
 * receipts; core/api/printed-codes.ts): the number inside a code of ours, otherwise the text
 * without stray spaces, kept as it is, since local references are lowercase UUIDs.
 */
export function parseReference(raw: string, pageUrl: string | null = null): string {
  const code = parsePrintedCode(raw, pageUrl);
  if (code?.kind === 'case') return code.caseNo;
  if (code?.kind === 'localRef') return code.localRef;
  const text = raw.trim();
  const withoutPrefix = text.toLowerCase().startsWith(LEGACY_PROGRESS_PREFIX)
    ? text.slice(LEGACY_PROGRESS_PREFIX.length)
    : text;
  return withoutPrefix.replace(/\s+/g, '');
}

/** progress.lookup takes 6 to 64 characters. */
export function isLookupReference(reference: string): boolean {
  return reference.length >= 6 && reference.length <= 64;
}
