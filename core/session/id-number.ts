import { err, ok, type Result } from '../pure/result';
import { idCheckCharacter } from '../pure/id-number';
import type { IdType } from '../../platform/contract/common';

/**
 * A resident ID number typed on the keypad when the card cannot be read (GB 11643-1999): 17
 * digits and a check character, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 →
 * 1 0 X 9 8 7 6 5 4 3 2 (the reader's driver computes the same table). The check character
 * catches every single mistyped digit; the birth date (digits 7–14) must be a real day, not in the
 * future and not before 1900, which catches most swapped digits in the date.
 */
export type TypedIdProblem = 'format' | 'checkDigit' | 'birthDate';

export interface TypedIdNumber {
  readonly idNumber: string;
  readonly idType: IdType;
  /** YYYY-MM-DD */
  readonly birthDate: string;
}

export function checkTypedIdNumber(typed: string, today: string): Result<TypedIdNumber, TypedIdProblem> {
  const idNumber = typed.trim().toUpperCase();
  if (!/^[0-9]{17}[0-9X]$/.test(idNumber)) return err('format');
  if (idCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return err('checkDigit');
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isRealDay(birthDate) || birthDate < '1900-01-01' || birthDate > today) return err('birthDate');
  return ok({ idNumber, idType: idTypeOfNumber(idNumber), birthDate });
}

/**
 * 港澳台居民居住证 numbers start with 81, 82 or 83 (GB/T 2260 codes no mainland region with them);
 * 2023 foreigners' permanent residence cards start with 9. Everything else is a 居民身份证.
 */
export function idTypeOfNumber(idNumber: string): IdType {
  if (/^8[123]/.test(idNumber)) return 'hkMacaoTaiwanResidencePermit';
  if (idNumber.startsWith('9')) return 'foreignPermanentResidentIdCard';
  return 'residentIdCard';
}

/** YYYY-MM-DD naming a day that exists (no 02-30). */
export function isRealDay(date: string): boolean {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}
