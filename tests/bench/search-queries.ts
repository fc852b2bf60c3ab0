/**
 * What residents type into the search, with the matters (by seq on the Anqiu list) a village
 * clerk would expect it to find. Written for the search benchmark's recall figures and for the
 * search tests: each kind of query the search is meant to understand, as residents produce it
 * on the kiosk's pinyin keyboard (a homophone picked from the candidates, letters committed
 * raw, one key missed or hit twice).
 */
export type QueryKind =
  'characters' | 'alias' | 'broad' | 'homophone' | 'mixed' | 'wrongLetter' | 'initials' | 'pinyin' | 'department';

export interface ExpectedQuery {
  readonly text: string;
  readonly kind: QueryKind;
  /** Every matter a clerk would expect among the results. */
  readonly seqs: readonly number[];
}

const PENSION = [1, 2, 3, 4, 5, 6, 7, 8];
const MEDICAL = [9, 10, 11];
const DISABILITY = [24, 25, 26, 27];

export const SEARCH_QUERIES: readonly ExpectedQuery[] = [
  { text: '养老', kind: 'characters', seqs: PENSION },
  { text: '残疾', kind: 'characters', seqs: DISABILITY },
  { text: '调解', kind: 'characters', seqs: [34, 44, 48] },
  { text: '宅基地', kind: 'characters', seqs: [43] },

  { text: '低保', kind: 'alias', seqs: [18] },
  { text: '农保', kind: 'alias', seqs: PENSION },
  { text: '居保', kind: 'alias', seqs: PENSION },
  { text: '合作医疗', kind: 'alias', seqs: MEDICAL },
  { text: '新农合', kind: 'alias', seqs: MEDICAL },
  { text: '五保', kind: 'alias', seqs: [19] },
  { text: '老兵', kind: 'alias', seqs: [30] },
  { text: '长寿金', kind: 'alias', seqs: [14] },
  { text: '残疾证', kind: 'alias', seqs: [24, 25] },
  { text: '独生子女', kind: 'alias', seqs: [15, 16, 46] },
  { text: '开证明', kind: 'alias', seqs: [50] },
  { text: '丧葬费', kind: 'alias', seqs: [4] },
  { text: '老年证', kind: 'alias', seqs: [13] },
  { text: '困难补助', kind: 'alias', seqs: [20] },
  { text: '种粮补贴', kind: 'alias', seqs: [28] },
  { text: '找工作', kind: 'alias', seqs: [49] },
  { text: '保姆', kind: 'alias', seqs: [59] },
  { text: '上访', kind: 'alias', seqs: [48] },
  { text: '交党费', kind: 'alias', seqs: [37] },
  { text: '当兵', kind: 'alias', seqs: [42] },

  { text: '社保', kind: 'broad', seqs: PENSION },
  { text: '医保', kind: 'broad', seqs: [...MEDICAL, 12] },
  { text: '户口', kind: 'broad', seqs: [8, 36] },
  { text: '证明', kind: 'broad', seqs: [50, 38, 17, 30] },
  { text: '看病', kind: 'broad', seqs: [...MEDICAL, 12] },
  { text: '房子', kind: 'broad', seqs: [31, 33, 43] },
  { text: '打官司', kind: 'broad', seqs: [35, 52, 60] },
  { text: '孩子', kind: 'broad', seqs: [17, 21, 23, 26] },

  { text: '残急人', kind: 'homophone', seqs: DISABILITY },
  { text: '底保', kind: 'homophone', seqs: [18] },
  { text: '养老保显', kind: 'homophone', seqs: PENSION },
  { text: '高零补贴', kind: 'homophone', seqs: [14] },
  { text: '优待正', kind: 'homophone', seqs: [13] },
  { text: '临时就助', kind: 'homophone', seqs: [20] },
  { text: '五宝', kind: 'homophone', seqs: [19] },

  { text: 'laonian优待', kind: 'mixed', seqs: [13] },
  { text: '残疾ren', kind: 'mixed', seqs: DISABILITY },
  { text: '临时jiuzhu', kind: 'mixed', seqs: [20] },
  { text: 'di保', kind: 'mixed', seqs: [18] },

  { text: 'shebap', kind: 'wrongLetter', seqs: PENSION },
  { text: 'dibap', kind: 'wrongLetter', seqs: [18] },
  { text: 'yanglaobaoxain', kind: 'wrongLetter', seqs: PENSION },
  { text: 'canjiern', kind: 'wrongLetter', seqs: DISABILITY },
  { text: 'gaolinbutie', kind: 'wrongLetter', seqs: [14] },
  { text: 'hezuoyilao', kind: 'wrongLetter', seqs: MEDICAL },

  { text: 'sb', kind: 'initials', seqs: PENSION },
  { text: 'db', kind: 'initials', seqs: [18] },
  { text: 'cxjm', kind: 'initials', seqs: [1, 2, 3, 9, 10, 11, 12] },
  { text: 'glbt', kind: 'initials', seqs: [14] },
  { text: 'lsjz', kind: 'initials', seqs: [20] },
  { text: 'ydz', kind: 'initials', seqs: [13] },

  { text: 'dibao', kind: 'pinyin', seqs: [18] },
  { text: 'yibao', kind: 'pinyin', seqs: [...MEDICAL, 12] },
  { text: 'hukou', kind: 'pinyin', seqs: [8, 36] },
  { text: 'canji', kind: 'pinyin', seqs: DISABILITY },
  { text: 'yanglao', kind: 'pinyin', seqs: PENSION },
  { text: 'falvyuanzhu', kind: 'pinyin', seqs: [35] },

  { text: '民政局', kind: 'department', seqs: [14, 18, 19, 20, 21, 22, 23, 24, 25] },
  { text: '残联', kind: 'department', seqs: [26, 27] },
];
