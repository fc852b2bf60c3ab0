import { parsePrintedCode } from '../api/printed-codes';

/**
 * What the resident typed or the scanner read on the progress screen: a 办件编号, the receipt's
 * QR — the county's progress page with the number (core/api/printed-codes.ts), or the
 * `bmkiosk:progress:<办件编号 or local reference>` text of receipts printed before it — or the
 * local reference (a UUID) printed on a receipt of an application saved here before the platform
 * numbered it.
 */
export type ProgressReference =
  | { readonly kind: 'caseNo'; readonly caseNo: string }
  | { readonly kind: 'localRef'; readonly localRef: string }
  | { readonly kind: 'invalid' };

/** `pageUrl`: station.progressPageUrl; addresses on other pages are not ours. */
export function parseProgressReference(raw: string, pageUrl: string | null): ProgressReference {
  const code = parsePrintedCode(raw, pageUrl);
  switch (code?.kind) {
    case 'case':
      return { kind: 'caseNo', caseNo: code.caseNo };
    case 'localRef':
      return { kind: 'localRef', localRef: code.localRef };
    default:
      // A ticket's or appointment slip's code is not a case.
      return { kind: 'invalid' };
  }
}

/** The reference inside whatever was given (a case number or a local reference), or null. */
export function referenceText(parsed: ProgressReference): string | null {
  switch (parsed.kind) {
    case 'caseNo':
      return parsed.caseNo;
    case 'localRef':
      return parsed.localRef;
    case 'invalid':
      return null;
  }
}
