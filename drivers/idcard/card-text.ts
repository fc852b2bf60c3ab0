import { err, ok, type Result } from '../../core/pure/result';
import type {
  CardDate,
  ForeignPermanent2017,
  ForeignPermanent2023,
  HkMacaoTaiwanPermit,
  IdCard,
  ResidentCard,
  Sex,
  ValidTo,
} from './card';
import { isValidIdNumber } from '../../core/pure/id-number';
import { nationName } from './nation';
import { readField, trimPadding, writeField } from './ucs2';

/**
 * The 256-byte UCS-2LE text block ⇄ IdCard, docs/devices/id-card.md §8. The card type is the
 * character at byte 248: 'I' 2017 PR card, 'Y' 2023 PR card, 'J' 港澳台居民居住证, else resident.
 * Details in errors name the field, never its value (no personal data in logs).
 */
export const TEXT_BLOCK_BYTES = 256;
const TYPE_FLAG_OFFSET = 248;

export type CardDataError = { readonly kind: 'invalidCardData'; readonly detail: string };

/** An IdCard without the binary parts, i.e. what the text block holds. */
export type CardText =
  | Omit<ResidentCard, 'photoWlt' | 'fingerprint'>
  | Omit<HkMacaoTaiwanPermit, 'photoWlt' | 'fingerprint'>
  | Omit<ForeignPermanent2017, 'photoWlt' | 'fingerprint'>
  | Omit<ForeignPermanent2023, 'photoWlt' | 'fingerprint'>;

const LONG_TERM = '长期';
const SEX_BY_CODE: Readonly<Record<string, Sex>> = { '0': 'unknown', '1': 'male', '2': 'female', '9': 'unspecified' };
const CODE_BY_SEX: Readonly<Record<Sex, string>> = { unknown: '0', male: '1', female: '2', unspecified: '9' };
const REGION_BY_PREFIX = { '81': 'hongKong', '82': 'macao', '83': 'taiwan' } as const;

class InvalidField extends Error {}

export function decodeCardText(block: Uint8Array): Result<CardText, CardDataError> {
  if (block.length !== TEXT_BLOCK_BYTES) return invalid(`text block is ${block.length} bytes, expected 256`);
  try {
    switch (readField(block, TYPE_FLAG_OFFSET, 2)) {
      case 'I':
        return ok(decodeForeign2017(block));
      case 'Y':
        return ok(decodeForeign2023(block));
      case 'J':
        return ok(decodeHkMacaoTaiwan(block));
      default:
        return ok(decodeResident(block));
    }
  } catch (error) {
    if (error instanceof InvalidField) return invalid(error.message);
    throw error;
  }
}

function decodeResident(b: Uint8Array): CardText {
  const nationCode = readField(b, 32, 4);
  const nation = nationName(nationCode);
  if (nation === null) throw new InvalidField('nation code is not in GB 3304');
  return {
    cardType: 'resident',
    name: required(b, 0, 30, 'name'),
    sex: sex(b, 30),
    nation: { code: nationCode, name: nation },
    birthDate: date(b, 36, 'birth date'),
    address: readField(b, 52, 70),
    idNumber: checkedIdNumber(b),
    issuingAuthority: readField(b, 158, 30),
    validFrom: date(b, 188, 'valid-from date'),
    validTo: validTo(b, 204),
  };
}

function decodeHkMacaoTaiwan(b: Uint8Array): CardText {
  const idNumber = checkedIdNumber(b);
  const prefix = idNumber.slice(0, 2);
  const region = prefix in REGION_BY_PREFIX ? REGION_BY_PREFIX[prefix as keyof typeof REGION_BY_PREFIX] : null;
  if (region === null) throw new InvalidField('permit number does not start with 81, 82 or 83');
  return {
    cardType: 'hkMacaoTaiwan',
    name: required(b, 0, 30, 'name'),
    sex: sex(b, 30),
    birthDate: date(b, 36, 'birth date'),
    address: readField(b, 52, 70),
    idNumber,
    issuingAuthority: readField(b, 158, 30),
    validFrom: date(b, 188, 'valid-from date'),
    validTo: validTo(b, 204),
    passNumber: readField(b, 220, 18),
    issueCount: readField(b, 238, 4),
    region,
  };
}

function decodeForeign2017(b: Uint8Array): CardText {
  const idNumber = readField(b, 122, 30);
  // 3 letters (nationality) + 12 digits; no public check-digit rule for this form.
  if (!/^[A-Z]{3}\d{12}$/.test(idNumber)) throw new InvalidField('2017 PR card number is not 3 letters + 12 digits');
  return {
    cardType: 'foreignPermanent2017',
    englishName: required(b, 0, 120, 'English name'),
    sex: sex(b, 120),
    idNumber,
    nationality: readField(b, 152, 6),
    chineseName: readField(b, 158, 30) || null,
    validFrom: date(b, 188, 'issue date'),
    validTo: validTo(b, 204),
    birthDate: date(b, 220, 'birth date'),
    cardVersion: readField(b, 236, 4),
    issuingAuthorityCode: readField(b, 240, 8),
  };
}

function decodeForeign2023(b: Uint8Array): CardText {
  const idNumber = checkedIdNumber(b);
  if (!idNumber.startsWith('9')) throw new InvalidField('2023 PR card number does not start with 9');
  // The English name runs on from 52..122 (35 chars) into 220..242 (11 chars); read the first
  // part untrimmed so a space at the split point survives.
  const englishName = trimPadding(readRaw(b, 52, 70) + readField(b, 220, 22));
  if (englishName === '') throw new InvalidField('English name is empty');
  return {
    cardType: 'foreignPermanent2023',
    chineseName: readField(b, 0, 30) || null,
    sex: sex(b, 30),
    renewalCount: readField(b, 32, 4),
    birthDate: date(b, 36, 'birth date'),
    englishName,
    idNumber,
    validFrom: date(b, 188, 'valid-from date'),
    validTo: validTo(b, 204),
    nationality: readField(b, 242, 6),
    previousCardLink: readField(b, 250, 6) || null,
  };
}

/** The inverse, for the emulator and tests. Over-long fields or malformed dates throw (caller bug). */
export function encodeCardText(card: IdCard): Uint8Array {
  const b = new Uint8Array(TEXT_BLOCK_BYTES);
  writeField(b, 0, TEXT_BLOCK_BYTES, '');
  switch (card.cardType) {
    case 'resident':
      writeField(b, 0, 30, card.name);
      writeField(b, 30, 2, CODE_BY_SEX[card.sex]);
      writeField(b, 32, 4, card.nation.code);
      writeField(b, 36, 16, dateDigits(card.birthDate));
      writeField(b, 52, 70, card.address);
      writeField(b, 122, 36, card.idNumber);
      writeField(b, 158, 30, card.issuingAuthority);
      writeField(b, 188, 16, dateDigits(card.validFrom));
      writeField(b, 204, 16, validToText(card.validTo));
      return b;
    case 'hkMacaoTaiwan':
      writeField(b, 0, 30, card.name);
      writeField(b, 30, 2, CODE_BY_SEX[card.sex]);
      writeField(b, 36, 16, dateDigits(card.birthDate));
      writeField(b, 52, 70, card.address);
      writeField(b, 122, 36, card.idNumber);
      writeField(b, 158, 30, card.issuingAuthority);
      writeField(b, 188, 16, dateDigits(card.validFrom));
      writeField(b, 204, 16, validToText(card.validTo));
      writeField(b, 220, 18, card.passNumber);
      writeField(b, 238, 4, card.issueCount);
      writeField(b, TYPE_FLAG_OFFSET, 2, 'J');
      return b;
    case 'foreignPermanent2017':
      writeField(b, 0, 120, card.englishName);
      writeField(b, 120, 2, CODE_BY_SEX[card.sex]);
      writeField(b, 122, 30, card.idNumber);
      writeField(b, 152, 6, card.nationality);
      writeField(b, 158, 30, card.chineseName ?? '');
      writeField(b, 188, 16, dateDigits(card.validFrom));
      writeField(b, 204, 16, validToText(card.validTo));
      writeField(b, 220, 16, dateDigits(card.birthDate));
      writeField(b, 236, 4, card.cardVersion);
      writeField(b, 240, 8, card.issuingAuthorityCode);
      writeField(b, TYPE_FLAG_OFFSET, 2, 'I');
      return b;
    case 'foreignPermanent2023':
      if (card.englishName.length > 46) throw new RangeError('a 2023 PR card holds at most 46 English name characters');
      writeField(b, 0, 30, card.chineseName ?? '');
      writeField(b, 30, 2, CODE_BY_SEX[card.sex]);
      writeField(b, 32, 4, card.renewalCount);
      writeField(b, 36, 16, dateDigits(card.birthDate));
      writeField(b, 52, 70, card.englishName.slice(0, 35));
      writeField(b, 122, 36, card.idNumber);
      writeField(b, 188, 16, dateDigits(card.validFrom));
      writeField(b, 204, 16, validToText(card.validTo));
      writeField(b, 220, 22, card.englishName.slice(35));
      writeField(b, 242, 6, card.nationality);
      writeField(b, TYPE_FLAG_OFFSET, 2, 'Y');
      writeField(b, 250, 6, card.previousCardLink ?? '');
      return b;
  }
}

function readRaw(b: Uint8Array, offset: number, bytes: number): string {
  let text = '';
  for (let i = offset; i < offset + bytes; i += 2) text += String.fromCharCode((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8));
  return text;
}

function required(b: Uint8Array, offset: number, bytes: number, field: string): string {
  const value = readField(b, offset, bytes);
  if (value === '') throw new InvalidField(`${field} is empty`);
  return value;
}

function sex(b: Uint8Array, offset: number): Sex {
  const value = SEX_BY_CODE[readField(b, offset, 2)];
  if (value === undefined) throw new InvalidField('sex code is not one of 0, 1, 2, 9');
  return value;
}

function checkedIdNumber(b: Uint8Array): string {
  const idNumber = readField(b, 122, 36);
  if (!isValidIdNumber(idNumber)) throw new InvalidField('ID number is malformed or fails its check digit');
  return idNumber;
}

function date(b: Uint8Array, offset: number, field: string): CardDate {
  const value = parseDate(readField(b, offset, 16));
  if (value === null) throw new InvalidField(`${field} is not a YYYYMMDD date`);
  return value;
}

function validTo(b: Uint8Array, offset: number): ValidTo {
  const raw = readField(b, offset, 16);
  if (raw === LONG_TERM) return 'long-term';
  const value = parseDate(raw);
  if (value === null) throw new InvalidField('valid-to date is neither YYYYMMDD nor 长期');
  return value;
}

function parseDate(raw: string): CardDate | null {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  if (!match) return null;
  const [, y, m, d] = match;
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${m}-${d}`;
}

function dateDigits(value: CardDate): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError('card dates are YYYY-MM-DD');
  return value.replaceAll('-', '');
}

function validToText(value: ValidTo): string {
  return value === 'long-term' ? LONG_TERM : dateDigits(value);
}

function invalid(detail: string): Result<never, CardDataError> {
  return err({ kind: 'invalidCardData', detail });
}
