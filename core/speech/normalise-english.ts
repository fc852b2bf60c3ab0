/**
 * The little English text needs before espeak-ng's `en` voice: it already reads quantities, times
 * and % well, but reads a phone or ID number as one huge quantity ("thirteen billion…") and a
 * ticket code A023 as "A zero twenty-three". Those are spaced out so each digit is said.
 */
export function normaliseEnglish(text: string): string {
  return (
    text
      .normalize('NFKC')
      // ISO dates: "2026-11-21" would be read as a subtraction.
      .replace(/(?<![0-9])([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?![0-9])/g, (_m, y: string, mo: string, d: string) => {
        const month = MONTHS[Number(mo) - 1];
        return month ? `${month} ${Number(d)}, ${y}` : `${y} ${mo} ${d}`;
      })
      // Codes after a letter (A023) and runs of five or more digits (phone, ID, case numbers).
      .replace(/([A-Za-z])([0-9]+)/g, (_m, letter: string, digits: string) => `${letter} ${spaced(digits)}`)
      .replace(/[0-9]{5,}[Xx]?/g, (run) => `${spaced(run)},`)
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const spaced = (digits: string) => [...digits].join(' ');

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
