/**
 * A second-generation card as read from the SAM module (docs/devices/id-card.md §8). Text fields
 * are trimmed of their space padding; dates are ISO `YYYY-MM-DD`; `validTo` is `'long-term'` for
 * 长期. The photo is the 1024-byte WLT blob exactly as the card holds it: decoding it needs a
 * licensed vendor library (see `WltPhotoDecoder`), so we never touch it.
 */
export type IdCard = ResidentCard | HkMacaoTaiwanPermit | ForeignPermanent2017 | ForeignPermanent2023;

export type Sex = 'male' | 'female' | 'unknown' | 'unspecified';
export type CardDate = string; // YYYY-MM-DD
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- 'long-term' documents the one non-date value (长期)
export type ValidTo = CardDate | 'long-term';

interface CardCommon {
  /** The 18-character number (check digit verified) or, on a 2017 PR card, the 15-character number. */
  readonly idNumber: string;
  readonly sex: Sex;
  readonly birthDate: CardDate;
  readonly validFrom: CardDate;
  readonly validTo: ValidTo;
  /** WLT-compressed photo, untouched (1024 bytes). */
  readonly photoWlt: Uint8Array;
  /** Fingerprint template if the card has one and `30 10` was used; never decoded. */
  readonly fingerprint: Uint8Array | null;
}

export interface ResidentCard extends CardCommon {
  readonly cardType: 'resident';
  readonly name: string;
  /** GB 3304 two-digit code and its name, e.g. { code: '01', name: '汉' }. */
  readonly nation: { readonly code: string; readonly name: string };
  readonly address: string;
  readonly issuingAuthority: string;
}

export interface HkMacaoTaiwanPermit extends CardCommon {
  readonly cardType: 'hkMacaoTaiwan';
  readonly name: string;
  readonly address: string;
  readonly issuingAuthority: string;
  /** 通行证号码 */
  readonly passNumber: string;
  /** 签发次数 */
  readonly issueCount: string;
  readonly region: 'hongKong' | 'macao' | 'taiwan';
}

export interface ForeignPermanent2017 extends CardCommon {
  readonly cardType: 'foreignPermanent2017';
  readonly englishName: string;
  readonly chineseName: string | null;
  /** GB/T 2659 alpha-3, e.g. "CAN". */
  readonly nationality: string;
  readonly cardVersion: string;
  readonly issuingAuthorityCode: string;
}

export interface ForeignPermanent2023 extends CardCommon {
  readonly cardType: 'foreignPermanent2023';
  readonly chineseName: string | null;
  readonly englishName: string;
  readonly nationality: string;
  readonly renewalCount: string;
  /** The 3 characters linking to a previous 2017 card, if any. */
  readonly previousCardLink: string | null;
}

/** A licensed WLT → BMP decoder (WltRS, libwlt2bmp, termb …) plugged in by a deployment. */
export interface WltPhotoDecoder {
  /** Returns a 102×126 24-bit BMP, or null when the licence does not cover this reader. */
  decode(photoWlt: Uint8Array, samId: string): Promise<Uint8Array | null>;
}

/**
 * The name forms, greetings and the platform use: the Chinese name when the card has one, else
 * the English name (permanent-residence cards), at most 64 characters as the platform's Person
 * name allows.
 */
export function cardName(card: IdCard): string {
  switch (card.cardType) {
    case 'resident':
    case 'hkMacaoTaiwan':
      return card.name;
    case 'foreignPermanent2017':
    case 'foreignPermanent2023':
      return (card.chineseName ?? card.englishName).slice(0, 64);
  }
}
