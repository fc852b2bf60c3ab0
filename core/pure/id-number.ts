/**
 * GB 11643-1999 check character (ISO 7064 MOD 11-2), docs/devices/id-card.md §10. Also used by
 * 港澳台 permit numbers (81/82/83…) and 2023 foreigner PR numbers (leading 9).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for a 17-digit body, or null if the body is not 17 digits. */
export function idCheckCharacter(body: string): string | null {
  if (!/^\d{17}$/.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? null;
}

/** True for an 18-character number whose last character matches its check character. */
export function isValidIdNumber(idNumber: string): boolean {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return false;
  return idCheckCharacter(idNumber.slice(0, 17)) === idNumber[17];
}

/** Completes a 17-digit body with its check character (fixtures, emulator). */
export function withCheckCharacter(body: string): string {
  const check = idCheckCharacter(body);
  if (check === null) throw new RangeError('an ID number body is 17 digits');
  return body + check;
}
