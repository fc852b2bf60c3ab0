import { isValidIdNumber } from '../../../../core/pure/id-number';

/**
 * Resident ID numbers (GB 11643) as typed on the on-screen keypad: 17 digits and a check
 * character (0–9 or X). Core checks them again; the renderer checks first so a resident hears
 * about a typo before anything is sent.
 */

export const ID_NUMBER_LENGTH = 18;

export type IdKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'X';

/** Adds one key; X only as the last (18th) character, nothing past 18. */
export function appendIdKey(current: string, key: IdKey): string {
  if (current.length >= ID_NUMBER_LENGTH) return current;
  if (key === 'X' && current.length !== ID_NUMBER_LENGTH - 1) return current;
  return current + key;
}

/** 370102 19900101 1234: the grouping printed on the card, so the resident can compare. */
export function groupIdNumber(value: string): string {
  return [value.slice(0, 6), value.slice(6, 14), value.slice(14, 18)].filter((part) => part !== '').join(' ');
}

export type IdNumberCheck = 'empty' | 'incomplete' | 'badCheckDigit' | 'ok';

export function checkIdNumber(value: string): IdNumberCheck {
  if (value === '') return 'empty';
  if (!/^[0-9]{17}[0-9X]$/.test(value)) return 'incomplete';
  return isValidIdNumber(value) ? 'ok' : 'badCheckDigit';
}
