/** A date typed on the numeric pad as digits only; the hyphens of YYYY-MM-DD are put in for the resident. */
export const DATE_DIGITS = 8;

const digitsOf = (value: string) => value.replace(/\D/g, '').slice(0, DATE_DIGITS);

/** "19600501" → "1960-05-01"; unfinished dates keep the hyphens reached so far ("19600" → "1960-0"). */
export function formatDateDigits(digits: string): string {
  const d = digitsOf(digits);
  if (d.length <= 4) return d;
  if (d.length <= 6) return `${d.slice(0, 4)}-${d.slice(4)}`;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`;
}

export const typeDateDigit = (value: string, digit: string): string =>
  digitsOf(value).length >= DATE_DIGITS ? value : formatDateDigits(digitsOf(value) + digit);

export const deleteDateDigit = (value: string): string => formatDateDigits(digitsOf(value).slice(0, -1));
