import type { ForeignPermanent2017, ForeignPermanent2023, HkMacaoTaiwanPermit, IdCard, ResidentCard } from './card';
import { PHOTO_BYTES } from './read-payload';

/**
 * Fictional cards for tests, the emulator and demos. Names are made-up 示例/测试 names; numbers use
 * Anqiu's address code 370784 with valid GB 11643 check digits but belong to nobody. The photo is
 * a patterned 1024-byte stand-in for a WLT blob (real WLT needs a licensed decoder anyway).
 */
export function fictionalPhoto(seed: number): Uint8Array {
  const photo = new Uint8Array(PHOTO_BYTES);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < photo.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    photo[i] = x & 0xff;
  }
  return photo;
}

/** A 78-year-old man (born 1948) with a 长期 card, 汉族. */
export const elderlyResident: ResidentCard = {
  cardType: 'resident',
  name: '王示例',
  sex: 'male',
  nation: { code: '01', name: '汉' },
  birthDate: '1948-03-15',
  address: '山东省安丘市兴安街道示例村100号',
  idNumber: '370784194803150035',
  issuingAuthority: '安丘市公安局',
  validFrom: '2008-06-01',
  validTo: 'long-term',
  photoWlt: fictionalPhoto(1),
  fingerprint: null,
};

/** A woman with a dated 20-year card, 回族. */
export const womanResident: ResidentCard = {
  cardType: 'resident',
  name: '李测试',
  sex: 'female',
  nation: { code: '03', name: '回' },
  birthDate: '1990-06-01',
  address: '山东省安丘市景芝镇测试村8号',
  idNumber: '370784199006010024',
  issuingAuthority: '安丘市公安局',
  validFrom: '2020-07-10',
  validTo: '2040-07-10',
  photoWlt: fictionalPhoto(2),
  fingerprint: null,
};

/** A young man, 德昂族 (code 46), four-character name. */
export const youngResident: ResidentCard = {
  cardType: 'resident',
  name: '欧阳样例',
  sex: 'male',
  nation: { code: '46', name: '德昂' },
  birthDate: '2001-02-03',
  address: '山东省安丘市新安街道样例社区3号楼2单元101室',
  idNumber: '370784200102030055',
  issuingAuthority: '安丘市公安局',
  validFrom: '2019-03-01',
  validTo: '2029-03-01',
  photoWlt: fictionalPhoto(3),
  fingerprint: null,
};

/** 港澳台居民居住证 of a Hong Kong resident living in Anqiu. */
export const hongKongPermit: HkMacaoTaiwanPermit = {
  cardType: 'hkMacaoTaiwan',
  name: '陈样本',
  sex: 'female',
  birthDate: '1985-04-15',
  address: '山东省安丘市兴安街道示例村12号',
  idNumber: '810000198504150043',
  issuingAuthority: '安丘市公安局',
  validFrom: '2022-09-01',
  validTo: '2027-09-01',
  passNumber: 'H60000001',
  issueCount: '01',
  region: 'hongKong',
  photoWlt: fictionalPhoto(4),
  fingerprint: null,
};

/** A 2017-format foreigner permanent residence card. */
export const foreignPermanent2017: ForeignPermanent2017 = {
  cardType: 'foreignPermanent2017',
  englishName: 'TESTER ALICE',
  chineseName: '艾测试',
  sex: 'female',
  idNumber: 'CAN370085041502',
  nationality: 'CAN',
  validFrom: '2018-05-20',
  validTo: '2028-05-20',
  birthDate: '1985-04-15',
  cardVersion: '01',
  issuingAuthorityCode: '1500',
  photoWlt: fictionalPhoto(5),
  fingerprint: null,
};

/** A 2023 “五星卡” (issued from 2023-12-01), number leading 9. */
export const foreignPermanent2023: ForeignPermanent2023 = {
  cardType: 'foreignPermanent2023',
  chineseName: '罗示例',
  englishName: 'EXAMPLE ROBERT JAMES',
  sex: 'male',
  renewalCount: '00',
  birthDate: '1980-01-01',
  idNumber: '937124198001010014',
  nationality: 'CAN',
  validFrom: '2024-01-15',
  validTo: '2034-01-15',
  previousCardLink: null,
  photoWlt: fictionalPhoto(6),
  fingerprint: null,
};

export const FIXTURE_CARDS: readonly IdCard[] = [
  elderlyResident,
  womanResident,
  youngResident,
  hongKongPermit,
  foreignPermanent2017,
  foreignPermanent2023,
];
