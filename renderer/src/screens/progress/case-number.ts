/**
 * The 办件编号 the platform issues: `<region>-<YYYYMMDD>-<NNNNNN>` (platform/server/store/
 * applications.ts), e.g. 370784-20261206-000123. The region is the catalog's and the same on every
 * receipt of this county, so the pad shows it fixed and the resident types only the 14 digits;
 * the hyphen after the date is put in for them.
 */
export const CASE_DATE_DIGITS = 8;
export const CASE_DIGITS = 14;

/** The part a resident types (digits only), when `text` is a case number of this region being typed. */
export function typedCaseDigits(text: string, prefix: string): string | null {
  if (text === '') return '';
  if (!text.startsWith(prefix)) return null;
  const rest = text.slice(prefix.length);
  const digits = rest.replace('-', '');
  return /^[0-9]*$/.test(digits) && digits.length <= CASE_DIGITS ? digits : null;
}

export function caseNumberOf(prefix: string, digits: string): string {
  if (digits === '') return '';
  const date = digits.slice(0, CASE_DATE_DIGITS);
  const sequence = digits.slice(CASE_DATE_DIGITS);
  return sequence === '' ? `${prefix}${date}` : `${prefix}${date}-${sequence}`;
}

/** A digit typed on the case-number pad; anything else in the field (a scan, a local reference) is replaced. */
export function typeCaseDigit(text: string, prefix: string, digit: string): string {
  const digits = typedCaseDigits(text, prefix) ?? '';
  return digits.length >= CASE_DIGITS ? text : caseNumberOf(prefix, digits + digit);
}

export function deleteCaseDigit(text: string, prefix: string): string {
  const digits = typedCaseDigits(text, prefix);
  return digits === null ? text.slice(0, -1) : caseNumberOf(prefix, digits.slice(0, -1));
}

/** What the display shows for the digits still to type: 370784-2026____-______. */
export function caseNumberTemplate(prefix: string, digits: string): { typed: string; remaining: string } {
  const padded = digits.padEnd(CASE_DIGITS, '_');
  const whole = `${padded.slice(0, CASE_DATE_DIGITS)}-${padded.slice(CASE_DATE_DIGITS)}`;
  const typedLength = digits.length + (digits.length > CASE_DATE_DIGITS ? 1 : 0);
  return { typed: `${prefix}${whole.slice(0, typedLength)}`, remaining: whole.slice(typedLength) };
}

/**
 * 本机受理号: the first 8 characters of the kiosk's local reference, printed while an application
 * waits to be sent (core/applications/application-store.ts shortLocalRef): hexadecimal, so the
 * pad adds A–F to the digits.
 */
export const LOCAL_REF_LENGTH = 8;
export const LOCAL_REF_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
